package dev.videojob.core.internal;

import dev.videojob.core.VideoJobException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Joins the SDK's futures for the synchronous API. */
public final class Futures {
  private Futures() {}

  /**
   * Waits for the future; an interrupt cancels it (which cancels the HTTP call and any pending wait).
   *
   * @param future the future
   * @param <T> the result type
   * @return the result
   * @throws VideoJobException the failure, unwrapped
   * @throws CancellationException if the future was canceled
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new VideoJobException("interrupted while waiting; the call was canceled");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /**
   * @param t a failure from a future
   * @return the failure unwrapped from {@link CompletionException} and {@link ExecutionException}
   */
  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RuntimeException rethrow(Throwable cause) {
    Throwable t = unwrap(cause);
    if (t instanceof VideoJobException) {
      VideoJobException v = (VideoJobException) t;
      // Keep the caller's stack visible beside the async one.
      v.addSuppressed(new Exception("awaited here"));
      return v;
    }
    if (t instanceof CancellationException) return (CancellationException) t;
    if (t instanceof RuntimeException) return (RuntimeException) t;
    if (t instanceof Error) throw (Error) t;
    return new VideoJobException("unexpected failure: " + t, dev.videojob.core.ErrorContext.none(), t);
  }
}
