package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress, timeout and cancel on real ffmpeg runs. */
class RunControlTest {
  @TempDir static Path dir;
  static Path shortClip;
  static Path longClip;
  static Ffmpeg ffmpeg;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    shortClip = TestMedia.clip(dir, "short.mp4", 320, 180, 2, true);
    longClip = TestMedia.clip(dir, "long.mp4", 160, 90, 20, true);
    ffmpeg = Ffmpeg.builder().cancelGrace(Duration.ofMillis(500)).build();
  }

  /** Upscaling 20 s of video to 1080p with x264's slow preset takes far longer than these tests wait. */
  private static TranscodePlan.Builder slowPlan(Path out) {
    return TranscodePlan.builder(longClip).rendition(Rendition.builder(out).size(1920, 1080)
        .speed(EncoderSpeed.SLOW).build());
  }

  @Test
  void progressIsReportedInOrderUpToTheEnd() {
    List<Progress> seen = new CopyOnWriteArrayList<>();
    ffmpeg.transcode(TranscodePlan.builder(shortClip)
        .rendition(Rendition.builder(dir.resolve("progress.mp4")).speed(EncoderSpeed.FASTEST).build()).build(),
        seen::add);

    assertThat(seen).isNotEmpty();
    Progress last = seen.get(seen.size() - 1);
    assertThat(last.finished()).isTrue();
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.frame()).isGreaterThanOrEqualTo(50);
    assertThat(last.outTime().toMillis()).isGreaterThan(1500);
    assertThat(seen).extracting(Progress::finished).containsOnlyOnce(true);
    assertThat(last.raw()).containsKey("progress");
  }

  @Test
  void progressListenerRunsOffTheReaderThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    ffmpeg.transcode(TranscodePlan.builder(shortClip)
        .rendition(Rendition.builder(dir.resolve("threads.mp4")).speed(EncoderSpeed.FASTEST).build()).build(),
        p -> threads.add(Thread.currentThread().getName()));

    assertThat(threads).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("videojob-ffmpeg-progress-"));
  }

  @Test
  void aThrowingListenerDoesNotFailTheRun() {
    TranscodeResult r = ffmpeg.transcode(TranscodePlan.builder(shortClip)
        .rendition(Rendition.builder(dir.resolve("listener-throws.mp4")).speed(EncoderSpeed.FASTEST).build()).build(),
        p -> {
          throw new IllegalStateException("listener bug");
        });

    assertThat(r.outputs()).hasSize(1);
  }

  @Test
  void wallClockTimeoutStopsTheRunAndLeavesNoFile() throws Exception {
    Path out = dir.resolve("timeout.mp4");

    assertThatThrownBy(() -> ffmpeg.transcode(slowPlan(out).timeout(Duration.ofSeconds(1)).build()))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.TIMEOUT);
          assertThat(e.getMessage()).contains("timeout");
          assertThat(e.arguments()).contains("-progress");
        });
    assertThat(out).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void cancelStopsFfmpegAndLeavesNoProcessAndNoFile() throws Exception {
    Path out = dir.resolve("cancelled.mp4");
    CountDownLatch started = new CountDownLatch(1);
    TranscodeJob job = ffmpeg.start(slowPlan(out).build(), p -> started.countDown());
    assertThat(started.await(30, TimeUnit.SECONDS)).as("first progress report").isTrue();
    long pid = job.pid().orElseThrow();
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> children = handle.descendants().toList();

    job.cancel();

    assertThatThrownBy(job::await).isInstanceOfSatisfying(TranscodeException.class,
        e -> assertThat(e.category()).isEqualTo(TranscodeException.Category.CANCELLED));
    assertThat(handle.isAlive()).as("ffmpeg pid " + pid + " alive").isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(out).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void cancellingTheAsyncFutureKillsFfmpeg() throws Exception {
    Path out = dir.resolve("async-cancelled.mp4");
    CountDownLatch started = new CountDownLatch(1);
    TranscodeJob job = ffmpeg.start(slowPlan(out).build(), p -> started.countDown());
    CompletableFuture<TranscodeResult> future = job.result();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    ProcessHandle handle = ProcessHandle.of(job.pid().orElseThrow()).orElseThrow();

    future.cancel(true);

    assertThat(future).isCancelled();
    assertThatThrownBy(job::await).isInstanceOf(TranscodeException.class);
    assertThat(handle.isAlive()).isFalse();
    assertThat(out).doesNotExist();
    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
  }

  @Test
  void transcodeAsyncCompletesWithTheResult() throws Exception {
    TranscodeResult r = ffmpeg.transcodeAsync(TranscodePlan.builder(shortClip)
        .rendition(Rendition.builder(dir.resolve("async.mp4")).height(90).speed(EncoderSpeed.FASTEST).build())
        .build()).get(60, TimeUnit.SECONDS);

    assertThat(r.outputs().get(0).info().video().orElseThrow().height()).isEqualTo(90);
  }

  @Test
  void corruptInputFailsAsBadInputBeforeEncoding() throws Exception {
    Path junk = dir.resolve("corrupt.mp4");
    Files.write(junk, new byte[4096]);
    Path out = dir.resolve("from-corrupt.mp4");

    assertThatThrownBy(() -> ffmpeg.transcode(TranscodePlan.builder(junk)
        .rendition(Rendition.builder(out).build()).build()))
        .isInstanceOfSatisfying(TranscodeException.class,
            e -> assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT));
    assertThat(out).doesNotExist();
  }

  @Test
  void audioOnlyInputIsBadInput() {
    Path tone = dir.resolve("tone.m4a");
    TestMedia.run(List.of(ffmpeg.ffmpegPath().toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
        "sine=duration=1", "-c:a", "aac", tone.toString()));

    assertThatThrownBy(() -> ffmpeg.transcode(TranscodePlan.builder(tone)
        .rendition(Rendition.builder(dir.resolve("from-tone.mp4")).build()).build()))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.BAD_INPUT);
          assertThat(e.getMessage()).contains("no video stream");
        });
  }

  @Test
  void ffmpegFailureCarriesExitCodeArgumentsAndStderrTail() {
    // an absurd bit rate makes libx264 refuse to open, a real ffmpeg error after planning succeeded
    Path out = dir.resolve("fails.mp4");
    TranscodePlan plan = TranscodePlan.builder(shortClip).rendition(Rendition.builder(out)
        .quality(Quality.bitRate(Long.MAX_VALUE / 2)).speed(EncoderSpeed.FASTEST).build()).build();

    assertThatThrownBy(() -> ffmpeg.transcode(plan))
        .isInstanceOfSatisfying(TranscodeException.class, e -> {
          assertThat(e.category()).isEqualTo(TranscodeException.Category.FFMPEG_FAILED);
          assertThat(e.exitCode()).isPresent();
          assertThat(e.exitCode().getAsInt()).isNotZero();
          assertThat(e.arguments().get(0)).isEqualTo(ffmpeg.ffmpegPath().toString());
          assertThat(e.stderrTail()).isNotBlank();
        });
    assertThat(out).doesNotExist();
  }
}
