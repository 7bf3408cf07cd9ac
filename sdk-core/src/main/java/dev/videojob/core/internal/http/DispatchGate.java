package dev.videojob.core.internal.http;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Holds back the calls to a host beyond OkHttp's per-host limit in the SDK, so the dispatcher's ready queue
 * stays short. OkHttp scans its whole ready queue on every enqueue and every finish, and a call queued there
 * holds a whole {@code RealCall}; with 10,000 awaited jobs that scan was about half the CPU. Here a held call
 * is one small entry in a FIFO queue, started as a running one finishes.
 *
 * <p>Internal: not part of the public API. Thread-safe.
 */
final class DispatchGate {
  private final int perHost;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  /** @param perHost calls handed to OkHttp at once per host; OkHttp's own per-host limit */
  DispatchGate(int perHost) {
    this.perHost = Math.max(1, perHost);
  }

  /**
   * Starts the call now if the host has room, else queues it; the caller must {@link #release} once it ends.
   *
   * @param host the call's host
   * @param start starts the call; returns false when it did not start (cancelled meanwhile), freeing its place
   */
  void submit(String host, BooleanSupplier start) {
    Host h = hosts.computeIfAbsent(host, k -> new Host());
    synchronized (h) {
      if (h.running >= perHost) {
        h.waiting.add(start);
        return;
      }
      h.running++;
    }
    if (!start.getAsBoolean()) release(host);
  }

  /**
   * Takes a place now, for a call made on the caller's thread, if the host has room and no call is queued.
   *
   * @param host the call's host
   * @return whether a place was taken (then {@link #release} it once the call ends)
   */
  boolean tryAcquire(String host) {
    Host h = hosts.computeIfAbsent(host, k -> new Host());
    synchronized (h) {
      if (h.running >= perHost || !h.waiting.isEmpty()) return false;
      h.running++;
      return true;
    }
  }

  /**
   * Frees a place: the next queued call that still wants to run takes it.
   *
   * @param host the call's host
   */
  void release(String host) {
    Host h = hosts.get(host);
    if (h == null) return;
    while (true) {
      BooleanSupplier next;
      synchronized (h) {
        next = h.waiting.poll();
        if (next == null) {
          h.running--;
          return;
        }
      }
      if (next.getAsBoolean()) return;
    }
  }

  /**
   * @param host a host
   * @return how many calls to it wait in the SDK
   */
  int queued(String host) {
    Host h = hosts.get(host);
    if (h == null) return 0;
    synchronized (h) {
      return h.waiting.size();
    }
  }

  /** One host's running count and queue. */
  private static final class Host {
    private int running;
    private final ArrayDeque<BooleanSupplier> waiting = new ArrayDeque<>();
  }
}
