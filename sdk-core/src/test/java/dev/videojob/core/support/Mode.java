package dev.videojob.core.support;

import dev.videojob.core.JobRef;
import dev.videojob.core.VideoClient;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a test case through the synchronous or the asynchronous API; failures surface the same way. */
public enum Mode {
  SYNC {
    @Override public VideoJob submit(VideoClient c, VideoRequest r) { return c.submit(r); }
    @Override public VideoJob status(VideoClient c, JobRef ref) { return c.status(ref); }
    @Override public VideoJob cancel(VideoClient c, JobRef ref) { return c.cancel(ref); }
    @Override public VideoJob await(VideoClient c, JobRef ref, Duration t) { return c.await(ref, t); }
  },
  ASYNC {
    @Override public VideoJob submit(VideoClient c, VideoRequest r) { return get(c.submitAsync(r)); }
    @Override public VideoJob status(VideoClient c, JobRef ref) { return get(c.statusAsync(ref)); }
    @Override public VideoJob cancel(VideoClient c, JobRef ref) { return get(c.cancelAsync(ref)); }
    @Override public VideoJob await(VideoClient c, JobRef ref, Duration t) { return get(c.awaitAsync(ref, t)); }
  };

  public abstract VideoJob submit(VideoClient c, VideoRequest r);
  public abstract VideoJob status(VideoClient c, JobRef ref);
  public abstract VideoJob cancel(VideoClient c, JobRef ref);
  public abstract VideoJob await(VideoClient c, JobRef ref, Duration t);

  static <T> T get(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable t = e.getCause();
      if (t instanceof RuntimeException) throw (RuntimeException) t;
      throw new AssertionError(t);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
