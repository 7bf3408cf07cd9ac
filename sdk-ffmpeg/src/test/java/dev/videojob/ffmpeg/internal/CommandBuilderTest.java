package dev.videojob.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.AspectRatio;
import dev.videojob.ffmpeg.Capabilities;
import dev.videojob.ffmpeg.MediaInfo;
import dev.videojob.ffmpeg.Quality;
import dev.videojob.ffmpeg.Rendition;
import dev.videojob.ffmpeg.StreamInfo;
import dev.videojob.ffmpeg.StreamType;
import dev.videojob.ffmpeg.Thumbnail;
import dev.videojob.ffmpeg.TranscodeException;
import dev.videojob.ffmpeg.TranscodePlan;
import dev.videojob.ffmpeg.VideoCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The argument lists themselves, without running ffmpeg. */
class CommandBuilderTest {
  private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
  private static final Capabilities ALL = new Capabilities("5.1.6", 5,
      Set.of("libx264", "libx265", "libvpx-vp9", "libsvtav1", "aac", "libopus", "mjpeg", "png"),
      Set.of("split", "scale", "crop", "pad", "gblur", "overlay", "fps", "trim", "tpad", "setsar", "format"),
      Set.of("mp4", "webm", "hls", "dash", "image2"));

  private static MediaInfo input(int w, int h, int rotation) {
    return new MediaInfo(Path.of("/in.mp4").toAbsolutePath(), "mov,mp4,m4a,3gp,3g2,mj2", Duration.ofSeconds(10), 1000,
        1000, List.of(new StreamInfo(0, StreamType.VIDEO, "h264", "High", w, h, "yuv420p", 30, rotation, 0, 0, 0),
            new StreamInfo(1, StreamType.AUDIO, "aac", "LC", 0, 0, null, 0, 0, 48000, 2, 0)));
  }

  private static List<String> args(TranscodePlan plan) {
    return CommandBuilder.compile(FFMPEG, plan, input(1920, 1080, 0), ALL).arguments();
  }

  @Test
  void inputAndOutputStartingWithADashArePassedAsAbsolutePaths() {
    Path in = Path.of("-input.mp4");
    List<String> a = args(TranscodePlan.builder(in).rendition(Rendition.builder(Path.of("-out put.mp4")).build()).build());

    assertThat(a.get(a.indexOf("-i") + 1)).isEqualTo(in.toAbsolutePath().normalize().toString());
    String out = a.get(a.size() - 1);
    assertThat(out).startsWith("/").contains("-out put-").endsWith(".part.mp4");
  }

  @Test
  void noShellIsInvolvedAndTheExecutableComesFirst() {
    List<String> a = args(TranscodePlan.builder(Path.of("/a b.mp4")).rendition(Rendition.builder(Path.of("/o.mp4")).build())
        .build());

    assertThat(a.get(0)).isEqualTo("/usr/bin/ffmpeg");
    assertThat(a).doesNotContain("sh", "-c", "bash");
    assertThat(a).containsSubsequence("-progress", "pipe:1");
    assertThat(a).contains("/a b.mp4");
  }

  @Test
  void mp4GetsFaststartAndWebmDoesNot() {
    List<String> a = args(TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).build())
        .rendition(Rendition.builder(Path.of("/o.webm")).videoCodec(VideoCodec.VP9).audio(
            dev.videojob.ffmpeg.AudioCodec.OPUS).build())
        .build());

    assertThat(a).containsSubsequence("-f", "mp4", "-movflags", "+faststart");
    assertThat(a.stream().filter("+faststart"::equals).count()).isEqualTo(1);
    assertThat(a).containsSubsequence("-c:v", "libvpx-vp9");
  }

  @Test
  void capAddsMaxRateAndBuffer() {
    List<String> a = args(TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).quality(Quality.crf(20).withMaxRate(4_000_000)).build()).build());

    assertThat(a).containsSubsequence("-crf", "20", "-maxrate", "4000000", "-bufsize", "8000000");
  }

  @Test
  void portraitFrameFromLandscapeSourceIsTheLargestThatFits() {
    CommandBuilder.Compiled c = CommandBuilder.compile(FFMPEG, TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).aspectRatio(AspectRatio.PORTRAIT_9_16).build()).build(),
        input(1920, 1080, 0), ALL);

    assertThat(c.arguments().get(c.arguments().indexOf("-filter_complex") + 1)).contains("crop=608:1080");
  }

  @Test
  void rotatedSourceIsSizedByItsDisplayOrientation() {
    CommandBuilder.Compiled c = CommandBuilder.compile(FFMPEG, TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).build()).build(), input(1920, 1080, 90), ALL);

    assertThat(c.arguments().get(c.arguments().indexOf("-filter_complex") + 1)).contains("crop=1080:1920");
  }

  @Test
  void thumbnailPastTheEndIsRejectedWithAClearMessage() {
    TranscodePlan plan = TranscodePlan.builder(Path.of("/in.mp4"))
        .thumbnail(Thumbnail.at(Duration.ofSeconds(11), Path.of("/t.jpg"))).build();

    assertThatThrownBy(() -> args(plan)).isInstanceOf(TranscodeException.class).hasMessageContaining("end of the input");
  }

  @Test
  void missingMuxerIsReportedBeforeRunning() {
    Capabilities noHls = new Capabilities("5.1", 5, ALL.encoders(), ALL.filters(), Set.of("mp4"));

    assertThatThrownBy(() -> CommandBuilder.compile(FFMPEG, TranscodePlan.builder(Path.of("/in.mp4"))
        .stream(dev.videojob.ffmpeg.AdaptiveStream.hls(Path.of("/hls")).step(360, 800_000).build()).build(),
        input(1920, 1080, 0), noHls))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.ENCODER_UNAVAILABLE);
          assertThat(e.getMessage()).contains("hls muxer");
        });
  }

  @Test
  void encoderWithoutCrfGetsAnEstimatedBitRate() {
    Capabilities openh264 = new Capabilities("5.1", 5, Set.of("libopenh264", "aac"), ALL.filters(), ALL.muxers());
    List<String> a = CommandBuilder.compile(FFMPEG, TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).height(720).build()).build(), input(1920, 1080, 0), openh264)
        .arguments();

    assertThat(a).containsSubsequence("-c:v", "libopenh264", "-b:v").doesNotContain("-crf");
  }

  @Test
  void thumbnailAtTheVeryEndTakesTheLastFrame() {
    List<String> a = args(TranscodePlan.builder(Path.of("/in.mp4"))
        .thumbnail(Thumbnail.atFraction(1.0, Path.of("/t.jpg")).withWidth(320)).build());

    String graph = a.get(a.indexOf("-filter_complex") + 1);
    assertThat(a).containsSubsequence("-ss", "9.967", "-i", "/in.mp4");
    assertThat(graph).isEqualTo("[0:v:0]scale=320:-2[t0]");
    assertThat(a).containsSubsequence("-map", "[t0]", "-frames:v", "1", "-c:v", "mjpeg");
  }

  @Test
  void thumbnailSeeksAnInputOfItsOwnInsteadOfTrimmingTheSharedDecode() {
    List<String> a = args(TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).build())
        .thumbnail(Thumbnail.atFraction(0.5, Path.of("/t.jpg")))
        .thumbnail(Thumbnail.at(Duration.ofSeconds(2), Path.of("/t.png")).withWidth(64))
        .build());

    assertThat(a).containsSubsequence("-i", "/in.mp4", "-ss", "5.000", "-t", "2.133", "-i", "/in.mp4",
        "-ss", "2.000", "-t", "2.133", "-i", "/in.mp4");
    String graph = a.get(a.indexOf("-filter_complex") + 1);
    assertThat(graph).doesNotContain("trim", "split").contains("[2:v:0]scale=64:-2[t2]");
    assertThat(a).containsSubsequence("-map", "1:v:0", "-frames:v", "1").containsSubsequence("-map", "[t2]");
  }

  @Test
  void shortSourceIsPaddedToTheMinimumDurationWithPictureAndSound() {
    List<String> a = args(TranscodePlan.builder(Path.of("/in.mp4"))
        .rendition(Rendition.builder(Path.of("/o.mp4")).durationRange(Duration.ofSeconds(15), Duration.ofSeconds(60))
            .build()).build());

    assertThat(a.get(a.indexOf("-filter_complex") + 1)).contains("tpad=stop_mode=clone:stop_duration=5.100");
    assertThat(a).containsSubsequence("-af", "apad=whole_dur=15.100").containsSubsequence("-t", "60.000");
  }
}
