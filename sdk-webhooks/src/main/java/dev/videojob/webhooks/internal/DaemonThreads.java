package dev.videojob.webhooks.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the pipeline's handler threads and makes them daemons, so they never keep the JVM alive. */
public final class DaemonThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger n = new AtomicInteger();

  /** @param prefix the thread name prefix */
  public DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
