package dev.videojob.core.internal;

import dev.videojob.core.JobListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every registered {@link JobListener}, so one failing listener neither breaks the SDK nor the others. */
public final class Listeners {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<JobListener> listeners;

  public Listeners(List<JobListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public void fire(Consumer<JobListener> event) {
    for (JobListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        log.warn("JobListener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }
}
