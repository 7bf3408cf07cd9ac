package dev.videojob.core.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a seeded fuzz target: generates inputs from a seed, checks a property on each, and on failure
 * reports everything needed to replay it.
 *
 * <p>Each iteration draws from its own random source, derived from the seed, the target name and the
 * iteration number, so one failing iteration replays alone. The run is set by system properties
 * (Maven passes {@code -D} properties on to the tests):
 * <ul>
 *   <li>{@value #SEED_PROPERTY}: the seed; default {@value #DEFAULT_SEED} (the same inputs on every CI
 *       run); {@code random} picks one and prints it;</li>
 *   <li>{@value #ITERATIONS_PROPERTY}: iterations per target; default each target's own small count;</li>
 *   <li>{@value #ITERATION_PROPERTY}: run only this iteration (a replay);</li>
 *   <li>{@value #TIMEOUT_PROPERTY}: seconds one iteration may take before it counts as a hang; default 20.</li>
 * </ul>
 *
 * <p>A target runs all its iterations even after a failure, groups the failures by signature (the
 * exception class and the first frame of SDK code that threw it, or the property's message) and then
 * fails once, listing each distinct failure with its first iteration, its input (truncated) and the
 * replay command.
 */
public final class Fuzz {
  /** The seed's system property. */
  public static final String SEED_PROPERTY = "videojob.fuzz.seed";
  /** The iterations' system property. */
  public static final String ITERATIONS_PROPERTY = "videojob.fuzz.iterations";
  /** The replayed iteration's system property. */
  public static final String ITERATION_PROPERTY = "videojob.fuzz.iteration";
  /** The per-iteration timeout's system property, in seconds. */
  public static final String TIMEOUT_PROPERTY = "videojob.fuzz.timeoutSeconds";
  /** The seed CI runs with. */
  public static final long DEFAULT_SEED = 20260310L;

  private static final Logger LOG = LoggerFactory.getLogger(Fuzz.class);
  private static final int MAX_SIGNATURES = 20;
  private static final int SHOWN_INPUT_CHARS = 1_500;
  /** A run of one byte or character this long or longer is shown as {@code c{xN}}. */
  private static final int RUN = 32;
  private static final Long RANDOM_SEED = new SplittableRandom().nextLong() & Long.MAX_VALUE;

  private Fuzz() {}

  /** Checks one input; throws (an {@link AssertionError} or anything else) when the property does not hold. */
  @FunctionalInterface
  public interface Check<I> {
    /**
     * @param input the generated input
     * @throws Exception when the property does not hold
     */
    void check(I input) throws Exception;
  }

  /** @return the seed of this run */
  public static long seed() {
    String s = System.getProperty(SEED_PROPERTY, "").trim();
    if (s.isEmpty()) return DEFAULT_SEED;
    if (s.equalsIgnoreCase("random")) return RANDOM_SEED;
    return Long.parseLong(s);
  }

  /**
   * @param defaultIterations the target's own count, used when the property is not set
   * @return how many iterations to run
   */
  public static int iterations(int defaultIterations) {
    String s = System.getProperty(ITERATIONS_PROPERTY, "").trim();
    return s.isEmpty() ? defaultIterations : Integer.parseInt(s);
  }

  /** @return the one iteration to replay, if set */
  public static OptionalInt onlyIteration() {
    String s = System.getProperty(ITERATION_PROPERTY, "").trim();
    return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
  }

  private static Duration timeout() {
    String s = System.getProperty(TIMEOUT_PROPERTY, "").trim();
    return Duration.ofSeconds(s.isEmpty() ? 20 : Long.parseLong(s));
  }

  /**
   * The random source of one iteration of one target.
   *
   * @param seed the run's seed
   * @param target the target's name
   * @param iteration the iteration
   * @return the random source
   */
  public static SplittableRandom random(long seed, String target, int iteration) {
    long h = seed * 0x9E3779B97F4A7C15L + target.hashCode();
    return new SplittableRandom(h * 0xBF58476D1CE4E5B9L + iteration);
  }

  /**
   * Runs a target: for each iteration, generates an input and checks it.
   *
   * @param target a name for the target, unique in the test class (it also seeds the inputs)
   * @param defaultIterations the iterations when {@value #ITERATIONS_PROPERTY} is not set
   * @param generate makes an input from the iteration's random source
   * @param describe shows an input for the failure report (it is truncated)
   * @param check the property
   * @param <I> the input type
   * @throws AssertionError listing every distinct failure, if any iteration failed
   */
  public static <I> void run(String target, int defaultIterations, Function<SplittableRandom, I> generate,
      Function<? super I, String> describe, Check<? super I> check) {
    long seed = seed();
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    String testClass = caller.getSimpleName();
    String module = moduleOf(caller);
    OptionalInt only = onlyIteration();
    int from = only.orElse(0);
    int to = only.isPresent() ? only.getAsInt() + 1 : iterations(defaultIterations);
    Duration timeout = timeout();
    Map<String, Failure> failures = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    int failed = 0;
    long slowestNanos = -1;
    int slowest = -1;
    long started = System.nanoTime();
    AtomicReference<Thread> workerThread = new AtomicReference<>();
    ExecutorService worker = newWorker(target, workerThread);
    try {
      for (int i = from; i < to; i++) {
        I input;
        try {
          input = generate.apply(random(seed, target, i));
        } catch (RuntimeException e) {
          throw new AssertionError("the generator of '" + target + "' failed at iteration " + i + " (seed " + seed
              + "): a bug in the test", e);
        }
        Throwable problem;
        long iterationStarted = System.nanoTime();
        Future<?> f = worker.submit(() -> {
          check.check(input);
          return null;
        });
        try {
          f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          problem = null;
        } catch (ExecutionException e) {
          problem = e.getCause();
        } catch (TimeoutException e) {
          // Where the stuck thread is tells what hangs; the thread is abandoned (a daemon) and replaced.
          StackTraceElement[] stuck = workerThread.get().getStackTrace();
          StackTraceElement at = firstSdkFrame(stuck);
          problem = new AssertionError("hang: one iteration took longer than " + timeout.toSeconds() + " s"
              + (at == null ? "" : ", stuck at " + at));
          problem.setStackTrace(stuck);
          f.cancel(true);
          worker.shutdownNow();
          worker = newWorker(target, workerThread);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
        long took = System.nanoTime() - iterationStarted;
        if (took > slowestNanos) {
          slowestNanos = took;
          slowest = i;
        }
        if (problem == null) continue;
        failed++;
        String signature = signature(problem);
        counts.merge(signature, 1, Integer::sum);
        if (!failures.containsKey(signature) && failures.size() < MAX_SIGNATURES) {
          failures.put(signature, new Failure(i, problem, truncate(describe.apply(input))));
        }
      }
    } finally {
      worker.shutdownNow();
    }
    int ran = to - from;
    LOG.info("fuzz {}: {} iterations, seed {}, {} failed, {} ms (slowest: iteration {}, {} ms)", target, ran, seed,
        failed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), slowest,
        TimeUnit.NANOSECONDS.toMillis(slowestNanos));
    if (failures.isEmpty()) return;
    StringBuilder b = new StringBuilder();
    b.append("fuzz target '").append(target).append("' failed in ").append(failed).append(" of ").append(ran)
        .append(" iterations (seed ").append(seed).append("), ").append(counts.size())
        .append(" distinct failure(s):");
    int n = 0;
    for (Map.Entry<String, Failure> e : failures.entrySet()) {
      Failure f = e.getValue();
      b.append("\n\n[").append(++n).append("] ").append(e.getKey()).append(" (").append(counts.get(e.getKey()))
          .append(" iterations; first: ").append(f.iteration).append(")")
          .append("\n    message: ").append(truncate(String.valueOf(f.problem.getMessage())))
          .append("\n    replay:  mvn -o test -pl ").append(module).append(" -am -Dtest=").append(testClass)
          .append(" -D").append(SEED_PROPERTY).append('=').append(seed)
          .append(" -D").append(ITERATION_PROPERTY).append('=').append(f.iteration)
          .append(" -Dsurefire.failIfNoSpecifiedTests=false")
          .append("\n    input:   ").append(f.input.replace("\n", "\n             "));
      // A failed property that names its cause shows where the cause was thrown.
      Throwable where = f.problem instanceof AssertionError && f.problem.getCause() != null ? f.problem.getCause()
          : f.problem;
      StackTraceElement[] st = where.getStackTrace();
      for (int i = 0; i < Math.min(8, st.length); i++) b.append("\n      at ").append(st[i]);
    }
    throw new AssertionError(b.toString(), failures.values().iterator().next().problem);
  }

  /** The Maven module a test class was compiled in ({@code <module>/target/test-classes}), or a placeholder. */
  private static String moduleOf(Class<?> c) {
    try {
      java.nio.file.Path p = java.nio.file.Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      java.nio.file.Path target = p.getParent();
      if (target != null && target.getParent() != null && target.getFileName().toString().equals("target")) {
        return target.getParent().getFileName().toString();
      }
    } catch (RuntimeException | java.net.URISyntaxException e) {
      // fall through
    }
    return "<module>";
  }

  private static ExecutorService newWorker(String target, AtomicReference<Thread> thread) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + target);
      t.setDaemon(true);
      thread.set(t);
      return t;
    });
  }

  /**
   * What tells one failure from another: the exception class and the first frame of SDK code (not a
   * test) it came through; for a failed property, its message's first line.
   *
   * @param t the failure
   * @return its signature
   */
  public static String signature(Throwable t) {
    if (t instanceof AssertionError) {
      String m = String.valueOf(t.getMessage());
      int nl = m.indexOf('\n');
      return "property failed: " + truncateTo(nl < 0 ? m : m.substring(0, nl), 200);
    }
    StackTraceElement where = firstSdkFrame(t.getStackTrace());
    if (where == null && t.getStackTrace().length > 0) where = t.getStackTrace()[0];
    return t.getClass().getName() + (where == null ? "" : " at " + where);
  }

  /** The first frame of SDK code that is not test support, or null. */
  private static StackTraceElement firstSdkFrame(StackTraceElement[] frames) {
    for (StackTraceElement e : frames) {
      String c = e.getClassName();
      if (c.startsWith("dev.videojob.") && !c.contains(".fuzz.") && !c.startsWith("dev.videojob.core.testing")) {
        return e;
      }
    }
    return null;
  }

  private static String truncate(String s) {
    return truncateTo(s, SHOWN_INPUT_CHARS);
  }

  private static String truncateTo(String s, int max) {
    if (s.length() <= max) return s;
    int tail = max / 5;
    return s.substring(0, max - tail) + " ...(" + (s.length() - max) + " chars left out)... "
        + s.substring(s.length() - tail);
  }

  /**
   * Shows bytes as text: UTF-8 where they are UTF-8, {@code \xNN} where they are not, control
   * characters escaped, a long run of one ASCII byte as {@code a{x100000}}.
   *
   * @param bytes the bytes
   * @return the text
   */
  public static String show(byte[] bytes) {
    StringBuilder b = new StringBuilder(Math.min(bytes.length, 4 * SHOWN_INPUT_CHARS));
    int i = 0;
    while (i < bytes.length && b.length() < 8 * SHOWN_INPUT_CHARS) {
      int c = bytes[i] & 0xFF;
      int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (len == 1) {
        int run = 1;
        while (i + run < bytes.length && bytes[i + run] == bytes[i]) run++;
        if (c >= 0x20 && c != 0x7F) b.append((char) c);
        else b.append(String.format("\\x%02X", c));
        if (run >= RUN) {
          b.append("{x").append(run).append('}');
          i += run;
        } else {
          i++;
        }
        continue;
      }
      if (len > 1 && i + len <= bytes.length) {
        String s = new String(bytes, i, len, StandardCharsets.UTF_8);
        byte[] back = s.getBytes(StandardCharsets.UTF_8);
        if (back.length == len && java.util.Arrays.equals(back, 0, len, bytes, i, i + len)) {
          b.append(s);
          i += len;
          continue;
        }
      }
      b.append(String.format("\\x%02X", c));
      i++;
    }
    if (i < bytes.length) b.append("...");
    b.append(" (").append(bytes.length).append(" bytes)");
    return b.toString();
  }

  /**
   * Shows a string, control characters and lone surrogates escaped.
   *
   * @param s the string
   * @return the text
   */
  public static String show(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 4 * SHOWN_INPUT_CHARS; i++) {
      char c = s.charAt(i);
      boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
          && Character.isHighSurrogate(s.charAt(i - 1)));
      if (c < 0x20 || c == 0x7F || lone) b.append(String.format("\\u%04X", (int) c));
      else b.append(c);
      int run = 1;
      while (i + run < s.length() && s.charAt(i + run) == c) run++;
      if (run >= RUN) {
        b.append("{x").append(run).append('}');
        i += run - 1;
      }
    }
    if (b.length() >= 4 * SHOWN_INPUT_CHARS) b.append("...");
    return b.append(" (").append(s.length()).append(" chars)").toString();
  }

  private static final class Failure {
    final int iteration;
    final Throwable problem;
    final String input;

    Failure(int iteration, Throwable problem, String input) {
      this.iteration = iteration;
      this.problem = problem;
      this.input = input;
    }
  }
}
