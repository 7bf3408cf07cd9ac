package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.ffmpeg.MediaInfo;
import dev.videojob.ffmpeg.StreamInfo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeParserTest {

  @Test
  void legacyRotateTagAndNotAvailableValuesAreHandled() {
    MediaInfo info = ProbeParser.parse(Path.of("/x.mp4"), """
        {"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":1920,"height":1080,
          "avg_frame_rate":"0/0","r_frame_rate":"30000/1001","bit_rate":"N/A","tags":{"rotate":"-90"}}],
         "format":{"format_name":"mov,mp4","duration":"N/A","size":"1234","bit_rate":"N/A"}}""");

    StreamInfo v = info.video().orElseThrow();
    assertThat(v.rotation()).isEqualTo(270);
    assertThat(v.displayWidth()).isEqualTo(1080);
    assertThat(v.frameRate()).isBetween(29.97, 29.98);
    assertThat(v.bitRate()).isZero();
    assertThat(info.duration()).isEqualTo(Duration.ZERO);
    assertThat(info.sizeBytes()).isEqualTo(1234);
  }

  @Test
  void displayMatrixRotationIsRead() {
    MediaInfo info = ProbeParser.parse(Path.of("/x.mp4"), """
        {"streams":[{"index":0,"codec_type":"video","width":640,"height":360,
          "side_data_list":[{"side_data_type":"Display Matrix","rotation":90}]}],
         "format":{"format_name":"mov,mp4","duration":"2.000000"}}""");

    assertThat(info.video().orElseThrow().rotation()).isEqualTo(90);
    assertThat(info.duration()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void malformedJsonIsRejected() {
    assertThatThrownBy(() -> ProbeParser.parse(Path.of("/x"), "{not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProbeParser.parse(Path.of("/x"), "{}")).isInstanceOf(IllegalArgumentException.class);
  }
}
