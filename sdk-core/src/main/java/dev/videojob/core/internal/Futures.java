package dev.videojob.core.internal;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Joins the SDK's futures for the synchronous API: the failure is rethrown unwrapped (a {@link VideoJobException}
 * or a {@link CancellationException}), and an interrupt cancels the future, which cancels the HTTP call and any
 * pending wait.
 */
public final class Futures {
  private Futures() {}

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

  /** The failure without its {@link CompletionException} and {@link ExecutionException} wrappers. */
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
    return new VideoJobException("unexpected failure: " + t, ErrorContext.none(), t);
  }
}
