package dev.videojob.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel against the move of finished outputs, on real ffmpeg runs: the job's test seam cancels at the
 * exact moment between ffmpeg's exit and the move, or just after the move, so no timing luck is involved.
 */
class CancelRaceTest {
  @TempDir static Path dir;
  static Path clip;
  static Ffmpeg ffmpeg;

  @BeforeEach
  void requireFfmpeg() {
    TestMedia.ffmpeg();
  }

  @BeforeAll
  static void generate() {
    if (!TestMedia.available()) return; // each test then skips or fails in @BeforeEach
    clip = TestMedia.clip(dir, "clip.mp4", 160, 90, 1, true);
    ffmpeg = Ffmpeg.builder().cancelGrace(Duration.ofMillis(500)).build();
  }

  private static TranscodePlan plan(String name) {
    return TranscodePlan.builder(clip)
        .rendition(Rendition.builder(dir.resolve(name + ".mp4")).speed(EncoderSpeed.FASTEST).build())
        .thumbnail(Thumbnail.atFraction(0.5, dir.resolve(name + ".jpg")))
        .build();
  }

  private static TranscodeJob job(TranscodePlan plan) {
    return new TranscodeJob(ffmpeg, plan, ProgressListener.NONE, Duration.ofMillis(500));
  }

  @Test
  void cancelAfterFfmpegExitedButBeforeTheMoveLeavesNoOutput() throws Exception {
    TranscodeJob job = job(plan("cancel-before-move"));
    AtomicReference<Boolean> cancelled = new AtomicReference<>();
    job.hooks(() -> cancelled.set(job.cancel()), () -> { });
    job.begin();

    assertThatThrownBy(job::await).isInstanceOfSatisfying(TranscodeException.class,
        e -> assertThat(e.category()).isEqualTo(TranscodeException.Category.CANCELLED));
    assertThat(cancelled.get()).as("cancel() won").isTrue();
    assertThat(dir.resolve("cancel-before-move.mp4")).doesNotExist();
    assertThat(dir.resolve("cancel-before-move.jpg")).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void cancellingTheFutureBeforeTheMoveLeavesNoOutput() throws Exception {
    TranscodeJob job = job(plan("future-before-move"));
    AtomicReference<Boolean> cancelled = new AtomicReference<>();
    job.hooks(() -> cancelled.set(job.result().cancel(true)), () -> { });
    job.begin();

    assertThatThrownBy(job::await).isInstanceOfSatisfying(TranscodeException.class,
        e -> assertThat(e.category()).isEqualTo(TranscodeException.Category.CANCELLED));
    assertThat(cancelled.get()).isTrue();
    assertThat(job.result()).isCancelled();
    assertThat(dir.resolve("future-before-move.mp4")).doesNotExist();
    assertThat(dir.resolve("future-before-move.jpg")).doesNotExist();
    assertThat(TestMedia.leftovers(dir)).isEmpty();
  }

  @Test
  void cancelAfterTheMoveReturnsFalseAndTheJobSucceeds() {
    TranscodeJob job = job(plan("cancel-after-move"));
    AtomicReference<Boolean> cancelled = new AtomicReference<>();
    job.hooks(() -> { }, () -> cancelled.set(job.cancel()));
    job.begin();

    TranscodeResult r = job.await();

    assertThat(cancelled.get()).as("cancel() lost to the move").isFalse();
    assertThat(r.outputs()).hasSize(2).allSatisfy(o -> assertThat(o.path()).isRegularFile());
    assertThat(job.cancel()).as("cancel() after the job finished").isFalse();
  }

  @Test
  void cancellingTheFutureAfterTheMoveReturnsFalseAndTheFutureHasTheResult() {
    TranscodeJob job = job(plan("future-after-move"));
    AtomicReference<Boolean> cancelled = new AtomicReference<>();
    job.hooks(() -> { }, () -> cancelled.set(job.result().cancel(true)));
    job.begin();

    TranscodeResult r = job.result().join();

    assertThat(cancelled.get()).isFalse();
    assertThat(job.result()).isNotCancelled();
    assertThat(r.outputs()).allSatisfy(o -> assertThat(o.path()).isRegularFile());
  }
}
