package dev.videojob.benchmarks;

import dev.videojob.ffmpeg.Progress;
import dev.videojob.ffmpeg.internal.ProgressParser;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of turning one {@code ffmpeg -progress} block (12 lines) into a {@link Progress} report. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProgressParserBenchmark {
  private static final String[] BLOCK = {
    "frame=1234", "fps=59.94", "stream_0_0_q=28.0", "bitrate=2500.1kbits/s", "total_size=12345678",
    "out_time_us=41166667", "out_time_ms=41166667", "out_time=00:00:41.166667", "dup_frames=0",
    "drop_frames=0", "speed=2.01x", "progress=continue"
  };

  private final ProgressParser parser = new ProgressParser(Duration.ofMinutes(2));

  /** @return the report, so the JIT cannot drop the work */
  @Benchmark
  public Progress parseBlock() {
    Progress last = null;
    for (String line : BLOCK) {
      Progress p = parser.feed(line);
      if (p != null) last = p;
    }
    return last;
  }
}
