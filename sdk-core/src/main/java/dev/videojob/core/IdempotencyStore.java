package dev.videojob.core;

import java.time.Duration;

/**
 * Records which keys (webhook deliveries, submissions) have been processed, so that each is
 * processed once across retries, restarts and several application instances.
 *
 * <p>The life of a key: {@link #claim} succeeds for exactly one caller and makes the key
 * IN PROGRESS for the lease; then either {@link #complete} (the work is done: the key is kept as
 * DONE for the retention window, and later claims answer {@link Claim.State#DONE}) or
 * {@link #release} (the work failed: the next claim may take it). A claim whose lease ran out
 * (its node crashed) is taken over by exactly one later caller ({@link Claim.State#TAKEN_OVER}).
 * {@code complete} and {@code release} take the {@link Claim} and act only if it still holds the
 * key, so a node whose lease expired cannot undo the work of the node that took over.
 *
 * <p>Implementations are thread-safe. Keys are non-blank strings of any length (a store may hash
 * long keys). Failures to reach the backing store throw {@link IdempotencyStoreException}.
 * There is no default store: the webhook pipeline requires one. {@link InMemoryIdempotencyStore} serves one
 * application instance;
 * {@code dev.videojob.store.jdbc.JdbcIdempotencyStore} (artifact {@code videojob-store-jdbc}) is shared
 * by every instance on the same database and survives restarts.
 */
public interface IdempotencyStore extends AutoCloseable {

  /** How long a finished key is remembered by default: 7 days, CreativeAI's de-duplication window. */
  Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /**
   * Tries to claim a key for processing.
   *
   * @param key the key, such as {@code "creativeai:delivery:vgen_abc123"}
   * @param lease how long the claim holds before another caller may take it over; positive
   * @return the outcome: {@link Claim#acquired()} tells whether the caller now owns the key
   * @throws IllegalArgumentException if the key is blank or the lease not positive
   * @throws IdempotencyStoreException if the store cannot be reached
   */
  Claim claim(String key, Duration lease);

  /**
   * Marks a claimed key as done and keeps it for the retention window.
   *
   * @param claim an acquired claim
   * @param retention how long the key is remembered as done; positive
   * @return true if the claim still held the key (also when its lease had run out but no one had
   *     taken it over yet); false if another caller took it over, or it was already completed or released
   * @throws IllegalArgumentException if the claim was not acquired or the retention not positive
   * @throws IdempotencyStoreException if the store cannot be reached
   */
  boolean complete(Claim claim, Duration retention);

  /**
   * Gives a claimed key up after a failure, so the next claim (the provider's redelivery) may take it.
   *
   * @param claim an acquired claim
   * @return true if the claim still held the key; false if another caller took it over, or it was
   *     already completed (a DONE key stays DONE) or released
   * @throws IllegalArgumentException if the claim was not acquired
   * @throws IdempotencyStoreException if the store cannot be reached
   */
  boolean release(Claim claim);

  /**
   * Releases what the store holds (threads, connections it opened itself); a store built on a
   * caller's {@code DataSource} does not close it. The default does nothing.
   */
  @Override
  default void close() {}
}
