package dev.videojob.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MultipartUploadResultTest {
  private static final String SHA = "0".repeat(64);

  @Test
  void completionXmlListsEveryPartInOrderAsS3ShowsIt() {
    MultipartUploadResult r = new MultipartUploadResult(10, List.of(
        new MultipartUploadResult.Part(1, "\"a54357aff0632cce46d942af68356b38\"", 5, SHA),
        new MultipartUploadResult.Part(2, "\"0c78aef83f66abc1fa1e8477f296d394\"", 5, SHA)), 0);

    assertThat(r.completionXml()).isEqualTo("<CompleteMultipartUpload>"
        + "<Part><PartNumber>1</PartNumber><ETag>\"a54357aff0632cce46d942af68356b38\"</ETag></Part>"
        + "<Part><PartNumber>2</PartNumber><ETag>\"0c78aef83f66abc1fa1e8477f296d394\"</ETag></Part>"
        + "</CompleteMultipartUpload>");
  }

  @Test
  void completionXmlEscapesAnEtagSoItParsesBackUnchanged() throws Exception {
    String odd = "\"a&b<c>]]>d'\"";
    MultipartUploadResult r = new MultipartUploadResult(5, List.of(new MultipartUploadResult.Part(1, odd, 5, SHA)), 0);

    Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.completionXml().getBytes(StandardCharsets.UTF_8)));
    NodeList etags = doc.getElementsByTagName("ETag");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < etags.getLength(); i++) values.add(((Element) etags.item(i)).getTextContent());
    assertThat(values).containsExactly(odd);
  }
}
