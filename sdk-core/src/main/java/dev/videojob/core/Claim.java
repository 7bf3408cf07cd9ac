package dev.videojob.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link IdempotencyStore#claim}: which case the caller is in, and, when it owns
 * the key, the token that {@link IdempotencyStore#complete} and {@link IdempotencyStore#release} check.
 *
 * @param key the key as given to {@code claim}
 * @param state which case the caller is in
 * @param token the owner token of an acquired claim, or null
 * @param leaseExpiresAt when an IN PROGRESS claim (the caller's or another's) may be taken over, or null for DONE
 */
public record Claim(String key, State state, String token, Instant leaseExpiresAt) {

  /** The cases a claim can end in. */
  public enum State {
    /** The caller owns the key: no one had claimed it, or the last owner released it. */
    CLAIMED,
    /** The caller owns the key: the previous owner's lease ran out (it probably crashed). */
    TAKEN_OVER,
    /** The key was processed earlier and is within its retention window: acknowledge and drop. */
    DONE,
    /** Another caller holds the key and its lease has not run out: come back later. */
    IN_PROGRESS
  }

  /**
   * Creates a claim outcome.
   *
   * @param key the key as given to {@code claim}
   * @param state which case the caller is in
   * @param token the owner token of an acquired claim, or null
   * @param leaseExpiresAt when an IN PROGRESS claim (the caller's or another's) may be taken over, or null for DONE
   * @throws NullPointerException if key or state is null, or token is null for an acquired claim
   */
  public Claim {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(state, "state == null");
    if ((state == State.CLAIMED || state == State.TAKEN_OVER) && token == null) {
      throw new NullPointerException("token == null for an acquired claim");
    }
  }

  /** @return whether the caller now owns the key and must complete or release it */
  public boolean acquired() {
    return state == State.CLAIMED || state == State.TAKEN_OVER;
  }
}
