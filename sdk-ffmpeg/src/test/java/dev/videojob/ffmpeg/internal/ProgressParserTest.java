package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.ffmpeg.Progress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

  private static Progress feed(ProgressParser p, String block) {
    Progress last = null;
    for (String line : block.split("\n")) {
      Progress r = p.feed(line);
      if (r != null) last = r;
    }
    return last;
  }

  @Test
  void parsesABlockIntoOneReport() {
    Progress p = feed(new ProgressParser(Duration.ofSeconds(4)), """
        frame=50
        fps=25.00
        stream_0_0_q=28.0
        bitrate= 200.1kbits/s
        total_size=52345
        out_time_us=2000000
        out_time_ms=2000000
        out_time=00:00:02.000000
        dup_frames=0
        drop_frames=0
        speed=1.5x
        progress=continue""");

    assertThat(p.frame()).isEqualTo(50);
    assertThat(p.fps()).isEqualTo(25.0);
    assertThat(p.totalSizeBytes()).isEqualTo(52345);
    assertThat(p.outTime()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.speed()).isEqualTo(1.5);
    assertThat(p.fraction()).isEqualTo(0.5);
    assertThat(p.finished()).isFalse();
  }

  @Test
  void notAvailableValuesBecomeUnknownInsteadOfFailing() {
    Progress p = feed(new ProgressParser(Duration.ZERO), """
        frame=0
        fps=0.00
        bitrate=N/A
        total_size=N/A
        out_time_us=N/A
        out_time_ms=N/A
        out_time=N/A
        speed=N/A
        progress=continue""");

    assertThat(p.totalSizeBytes()).isEqualTo(-1);
    assertThat(p.speed()).isNaN();
    assertThat(p.outTime()).isEqualTo(Duration.ZERO);
    assertThat(p.fraction()).isNaN();
  }

  @Test
  void unknownKeysAndJunkAreKeptOrIgnored() {
    Progress p = feed(new ProgressParser(Duration.ofSeconds(1)), """
        some junk line without equals
        =nokey
        future_key=42
        out_time=00:00:00.500000
        progress=end""");

    assertThat(p.raw()).containsEntry("future_key", "42");
    assertThat(p.outTime()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.finished()).isTrue();
    assertThat(p.fraction()).isEqualTo(1.0);
  }

  @Test
  void negativeStartTimesClampToZero() {
    Progress p = feed(new ProgressParser(Duration.ofSeconds(1)), """
        out_time_us=-9223372036854775807
        out_time=-577014:32:22.775808
        progress=continue""");

    assertThat(p.outTime()).isEqualTo(Duration.ZERO);
    assertThat(p.fraction()).isEqualTo(0.0);
  }

  @Test
  void eachBlockStartsFresh() {
    ProgressParser parser = new ProgressParser(Duration.ZERO);
    feed(parser, "frame=10\nprogress=continue");
    Progress second = feed(parser, "fps=3\nprogress=continue");

    assertThat(second.frame()).isEqualTo(-1);
  }
}
