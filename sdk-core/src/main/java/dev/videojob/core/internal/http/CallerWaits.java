package dev.videojob.core.internal.http;

import dev.videojob.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Marks the stretch in which a synchronous API call builds its future and then blocks on it, so the
 * transport may make the first attempt on the caller's thread instead of handing it to the scheduler and
 * OkHttp's dispatcher while the caller parks (three threads for one call). Only the calls made while the
 * future is being built see the mark, and only when nothing else waits for the same host or limits does the
 * transport use it; anything else (a retry, a queued call) goes the asynchronous way.
 *
 * <p>Internal: not part of the public API. The mark is per thread and always cleared on the way out.
 */
public final class CallerWaits {
  // Per-thread and scoped to one synchronous call by try/finally: not shared state between calls.
  private static final ThreadLocal<Boolean> WAITING = new ThreadLocal<>();

  private CallerWaits() {}

  /**
   * Builds the future with the mark set, then waits for it as {@link Futures#join} does.
   *
   * @param call builds the future
   * @param <T> the result type
   * @return the result
   * @throws dev.videojob.core.VideoJobException as {@link Futures#join}
   */
  public static <T> T join(Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> future;
    boolean outer = WAITING.get() == null;
    if (outer) WAITING.set(Boolean.TRUE);
    try {
      future = call.get();
    } finally {
      if (outer) WAITING.remove();
    }
    return Futures.join(future);
  }

  /** @return whether the current thread is building a future it will block on, and is not interrupted */
  static boolean callerWillBlock() {
    return WAITING.get() != null && !Thread.currentThread().isInterrupted();
  }
}
