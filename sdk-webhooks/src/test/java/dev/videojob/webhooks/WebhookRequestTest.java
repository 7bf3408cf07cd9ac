package dev.videojob.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {
  private static WebhookRequest withQuery(String rawQuery) {
    return WebhookRequest.of(new byte[0], WebhookHeaders.of(Map.of()), rawQuery);
  }

  @Test
  void decodesPercentEscapesAndPlusAsSpace() {
    WebhookRequest r = withQuery("vj_ref=a%2Bb+c&vj_token=x%3Dy");
    assertThat(r.queryParameter("vj_ref")).contains("a+b c");
    assertThat(r.queryParameter("vj_token")).contains("x=y");
  }

  @Test
  void firstValueOfARepeatedParameterWins() {
    assertThat(withQuery("vj_token=first&vj_token=second").queryParameter("vj_token")).contains("first");
  }

  @Test
  void nameWithoutValueIsPresentAndEmpty() {
    WebhookRequest r = withQuery("flag&&vj_ref=");
    assertThat(r.queryParameter("flag")).contains("");
    assertThat(r.queryParameter("vj_ref")).contains("");
  }

  @Test
  void absentQueryOrParameterIsEmpty() {
    assertThat(withQuery(null).queryParameter("vj_ref")).isEmpty();
    assertThat(withQuery("").queryParameter("vj_ref")).isEmpty();
    assertThat(withQuery("other=1").queryParameter("vj_ref")).isEmpty();
  }

  @Test
  void malformedEscapeIsKeptAsWritten() {
    assertThat(withQuery("vj_ref=%zz").queryParameter("vj_ref")).contains("%zz");
  }

  @Test
  void toStringNeverShowsTheQuery() {
    assertThat(withQuery("vj_token=secret")).hasToString("WebhookRequest{bytes=0}");
  }
}
