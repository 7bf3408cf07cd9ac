package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.ffmpeg.Capabilities;
import dev.videojob.ffmpeg.VideoCodec;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityParserTest {

  @Test
  void readsVersionsFromReleaseDistroAndGitBuilds() {
    assertThat(CapabilityParser.version("ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024")).isEqualTo("5.1.6-0+deb12u1");
    assertThat(CapabilityParser.majorVersion("5.1.6-0+deb12u1")).isEqualTo(5);
    assertThat(CapabilityParser.majorVersion("n8.0")).isEqualTo(8);
    assertThat(CapabilityParser.majorVersion("7.1.1-1ubuntu1")).isEqualTo(7);
    assertThat(CapabilityParser.majorVersion("N-118000-g1234abcd")).isZero();
  }

  @Test
  void readsEncodersAfterTheSeparator() {
    String listing = """
        Encoders:
         V..... = Video
         A..... = Audio
         ------
         V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC (codec h264)
         V....D libaom-av1           libaom AV1 (codec av1)
         A..... aac                  AAC (Advanced Audio Coding)
        """;

    assertThat(CapabilityParser.namesAfterSeparator(listing, (char) 0))
        .containsExactly("libx264", "libaom-av1", "aac");
  }

  @Test
  void readsOnlyMuxersFromTheFormatsListing() {
    String listing = """
        File formats:
         D. = Demuxing supported
         .E = Muxing supported
         --
          E mp4             MP4 (MPEG-4 Part 14)
         D  mov,mp4,m4a     QuickTime / MOV
         DE hls             Apple HTTP Live Streaming
        """;

    assertThat(CapabilityParser.namesAfterSeparator(listing, 'E')).containsExactly("mp4", "hls");
  }

  @Test
  void readsFiltersIgnoringTheLegend() {
    String listing = """
        Filters:
          T.. = Timeline support
          A = Audio input/output
          | = Source or sink filter
         ... split             V->N       Pass on the input to N video outputs.
         TSC gblur             V->V       Apply Gaussian Blur filter.
         ..C scale             V->V       Scale the input video size.
        """;

    assertThat(CapabilityParser.filters(listing)).containsExactly("split", "gblur", "scale");
  }

  @Test
  void av1FallsBackToLibaomWhenSvtIsAbsent() {
    Capabilities caps = new Capabilities("5.1", 5, Set.of("libaom-av1", "libx264"), Set.of(), Set.of());

    assertThat(caps.videoEncoder(VideoCodec.AV1)).contains("libaom-av1");
    assertThat(caps.videoEncoder(VideoCodec.H265)).isEmpty();
  }

  @Test
  void h264PrefersX264ThenOpenH264ThenHardware() {
    assertThat(new Capabilities("5.1", 5, Set.of("h264_nvenc", "libopenh264"), Set.of(), Set.of())
        .videoEncoder(VideoCodec.H264)).contains("libopenh264");
    assertThat(new Capabilities("5.1", 5, Set.of("h264_vaapi"), Set.of(), Set.of())
        .videoEncoder(VideoCodec.H264)).contains("h264_vaapi");
  }
}
