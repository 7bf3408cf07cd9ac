package dev.videojob.core;

import dev.videojob.core.internal.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdempotencyStore} held in this JVM's memory, right for one application
 * instance whose duplicates may be processed again after a restart. Several instances, or
 * de-duplication that must survive a restart, need a shared store such as
 * {@code JdbcIdempotencyStore} (artifact {@code videojob-store-jdbc}).
 *
 * <p>Bounded: it holds at most {@link Builder#maxEntries(int) maxEntries} keys (plus, briefly,
 * one per thread claiming at that moment). When full it first drops expired keys, then the DONE
 * keys whose retention ends soonest (logged as a warning, since a duplicate of such a key would
 * be processed again), a tenth of the store at once; if every key is IN PROGRESS and unexpired,
 * {@link #claim} throws {@link IdempotencyStoreException}. DONE keys are queued as they complete, one
 * queue per retention period, so each queue is in the order its retentions end and making room costs
 * no sort (up to {@value #ORDERED_RETENTIONS} periods; keys completed with further periods share one
 * queue and go in the order they completed). Expired keys are also swept at most once
 * a minute during {@code claim}. It starts no thread, so nothing outlives {@link #close()}.
 *
 * <p>Thread-safe. Each key is decided atomically, so concurrent claims of one key have one winner. Once it is
 * closed, {@code claim}, {@code complete}, {@code release} and {@link #purgeExpired()} throw {@link IllegalStateException}.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private static final Logger log = LoggerFactory.getLogger(InMemoryIdempotencyStore.class);
  private static final long SWEEP_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final long WARNING_INTERVAL_MILLIS = Duration.ofMinutes(5).toMillis();

  /** How many retention periods get a queue of their own, which keeps eviction exactly in retention order. */
  static final int ORDERED_RETENTIONS = 16;

  /**
   * What the store holds for one key; {@code expiresAt} is the lease end or the retention end. The
   * stored key is kept so a DONE entry can sit in a queue and be removed by it.
   */
  private record Entry(String key, boolean done, String token, long expiresAt) {
    boolean live(long now) {
      return expiresAt > now;
    }
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  // DONE entries by retention period in milliseconds: within one period, completion order is expiry order.
  // Entries leave a queue only under sweepLock; one that was replaced or removed meanwhile is skipped then.
  private final ConcurrentHashMap<Long, Queue<Entry>> doneByRetention = new ConcurrentHashMap<>();
  private final Queue<Entry> doneOtherRetentions = new ConcurrentLinkedQueue<>();
  private final int maxEntries;
  private final Clock clock;
  private final ReentrantLock sweepLock = new ReentrantLock();
  private final AtomicLong nextSweepAt;
  private volatile boolean closed;
  // Guarded by sweepLock: a full store warns at most once per interval, with the count since.
  private long evictedSinceWarning;
  private long nextWarningAt = Long.MIN_VALUE;

  private InMemoryIdempotencyStore(Builder b) {
    this.maxEntries = b.maxEntries;
    this.clock = b.clock;
    this.nextSweepAt = new AtomicLong(clock.millis() + SWEEP_INTERVAL_MILLIS);
  }

  /** @return a builder with the defaults: 100,000 keys, the system UTC clock */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IdempotencyStoreException if the store is full of unexpired claims in progress
   */
  @Override
  public Claim claim(String key, Duration lease) {
    IdempotencyKeys.requireKey(key);
    IdempotencyKeys.requirePositive(lease, "lease");
    ensureOpen();
    String stored = IdempotencyKeys.storedKey(key);
    long now = clock.millis();
    sweepIfDue(now);
    if (entries.size() >= maxEntries && !entries.containsKey(stored)) makeRoom(now);

    long leaseEnd = IdempotencyKeys.plus(now, lease);
    String token = IdempotencyKeys.newToken();
    Claim[] outcome = new Claim[1];
    entries.compute(stored, (k, e) -> {
      if (e == null) {
        outcome[0] = new Claim(key, Claim.State.CLAIMED, token, Instant.ofEpochMilli(leaseEnd));
      } else if (e.live(now)) {
        outcome[0] = e.done()
            ? new Claim(key, Claim.State.DONE, null, null)
            : new Claim(key, Claim.State.IN_PROGRESS, null, Instant.ofEpochMilli(e.expiresAt()));
        return e;
      } else {
        Claim.State state = e.done() ? Claim.State.CLAIMED : Claim.State.TAKEN_OVER;
        outcome[0] = new Claim(key, state, token, Instant.ofEpochMilli(leaseEnd));
      }
      return new Entry(stored, false, token, leaseEnd);
    });
    return outcome[0];
  }

  @Override
  public boolean complete(Claim claim, Duration retention) {
    IdempotencyKeys.requireAcquired(claim);
    IdempotencyKeys.requirePositive(retention, "retention");
    ensureOpen();
    long now = clock.millis();
    long doneUntil = IdempotencyKeys.plus(now, retention);
    Entry[] done = new Entry[1];
    entries.computeIfPresent(IdempotencyKeys.storedKey(claim.key()), (k, e) -> {
      if (e.done() || !e.token().equals(claim.token())) return e;
      done[0] = new Entry(k, true, e.token(), doneUntil);
      return done[0];
    });
    if (done[0] == null) return false;
    queueFor(doneUntil == Long.MAX_VALUE ? Long.MAX_VALUE : doneUntil - now).add(done[0]);
    return true;
  }

  @Override
  public boolean release(Claim claim) {
    IdempotencyKeys.requireAcquired(claim);
    ensureOpen();
    boolean[] held = new boolean[1];
    entries.computeIfPresent(IdempotencyKeys.storedKey(claim.key()), (k, e) -> {
      if (e.done() || !e.token().equals(claim.token())) return e;
      held[0] = true;
      return null;
    });
    return held[0];
  }

  /**
   * Drops every key whose lease or retention has run out. Claims call this on their own at most
   * once a minute; call it yourself only to free memory at once.
   *
   * @return how many keys were dropped
   * @throws IllegalStateException if the store is closed
   */
  public int purgeExpired() {
    ensureOpen();
    sweepLock.lock();
    try {
      return removeExpired(clock.millis());
    } finally {
      sweepLock.unlock();
    }
  }

  /** @return how many DONE keys wait in the eviction queues, counting some dropped since (for tests) */
  int queuedDone() {
    int n = 0;
    for (Queue<Entry> q : doneQueues()) n += q.size();
    return n;
  }

  /** @return how many keys the store holds, counting expired keys not yet dropped */
  public int size() {
    return entries.size();
  }

  /** Drops every key; later calls throw {@link IllegalStateException}. */
  @Override
  public void close() {
    closed = true;
    entries.clear();
    doneByRetention.clear();
    doneOtherRetentions.clear();
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore{size=" + entries.size() + ", maxEntries=" + maxEntries + "}";
  }

  private void ensureOpen() {
    if (closed) throw new IllegalStateException("InMemoryIdempotencyStore is closed");
  }

  private void sweepIfDue(long now) {
    long due = nextSweepAt.get();
    if (now < due || !nextSweepAt.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) return;
    if (!sweepLock.tryLock()) return;
    try {
      removeExpired(now);
    } finally {
      sweepLock.unlock();
    }
  }

  /** Under sweepLock: drops expired keys, and the expired heads of the DONE queues with them. */
  private int removeExpired(long now) {
    int removed = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (!e.getValue().live(now) && entries.remove(e.getKey(), e.getValue())) removed++;
    }
    for (Queue<Entry> q : doneQueues()) {
      for (Entry head = q.peek(); head != null && !head.live(now); head = q.peek()) q.poll();
    }
    return removed;
  }

  private Queue<Entry> queueFor(long retentionMillis) {
    Queue<Entry> q = doneByRetention.get(retentionMillis);
    if (q != null) return q;
    if (doneByRetention.size() >= ORDERED_RETENTIONS) return doneOtherRetentions;
    return doneByRetention.computeIfAbsent(retentionMillis, r -> new ConcurrentLinkedQueue<>());
  }

  private List<Queue<Entry>> doneQueues() {
    List<Queue<Entry>> all = new ArrayList<>(doneByRetention.values());
    all.add(doneOtherRetentions);
    return all;
  }

  /**
   * Under sweepLock: removes up to {@code excess} DONE keys, the one whose retention ends soonest first,
   * taking the earliest head among the queues each time; entries replaced or removed since they were
   * queued are skipped. Each queued entry is looked at once, so this is O(1) amortised per key.
   */
  private int evictDone(int excess) {
    List<Queue<Entry>> queues = doneQueues();
    int evicted = 0;
    while (evicted < excess) {
      Queue<Entry> soonest = null;
      Entry first = null;
      for (Queue<Entry> q : queues) {
        Entry head = q.peek();
        if (head != null && (first == null || head.expiresAt() < first.expiresAt())) {
          soonest = q;
          first = head;
        }
      }
      if (first == null) break;
      soonest.poll(); // only this thread polls (sweepLock), so this is the head just peeked
      if (entries.remove(first.key(), first)) evicted++;
    }
    return evicted;
  }

  private void makeRoom(long now) {
    sweepLock.lock();
    try {
      if (entries.size() < maxEntries) return;
      removeExpired(now);
      if (entries.size() < maxEntries) return;
      // Free a tenth at once, so a full store does not sort its keys on every claim.
      int target = maxEntries - Math.max(1, maxEntries / 10);
      int excess = entries.size() - target;
      if (excess <= 0) return;
      int evicted = evictDone(excess);
      evictedSinceWarning += evicted;
      if (evictedSinceWarning > 0 && now >= nextWarningAt) {
        log.warn("In-memory idempotency store is full ({} keys): dropped {} finished keys before their "
            + "retention ended, so a late duplicate of one of them would be processed again; raise "
            + "maxEntries or use JdbcIdempotencyStore", maxEntries, evictedSinceWarning);
        evictedSinceWarning = 0;
        nextWarningAt = now + WARNING_INTERVAL_MILLIS;
      }
      if (entries.size() >= maxEntries) {
        throw new IdempotencyStoreException("In-memory idempotency store is full: " + entries.size()
            + " keys are in progress and none has expired; raise maxEntries (now " + maxEntries
            + "), shorten the lease, or complete or release claims", null);
      }
    } finally {
      sweepLock.unlock();
    }
  }

  /** Configures an {@link InMemoryIdempotencyStore}. Not thread-safe; the store it builds is. */
  public static final class Builder {
    private int maxEntries = 100_000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets how many keys the store holds at most. Default 100,000.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets the clock that leases and retention are measured with. Default {@link Clock#systemUTC()};
     * tests pass a clock they can move.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if clock is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** @return the store */
    public InMemoryIdempotencyStore build() {
      return new InMemoryIdempotencyStore(this);
    }
  }
}
