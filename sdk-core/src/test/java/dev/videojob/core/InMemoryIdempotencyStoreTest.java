package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract on the in-memory store, plus its bound on size. Every "node" is the same store. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  private InMemoryIdempotencyStore shared;

  @Override
  protected IdempotencyStore newNode() {
    if (shared == null) shared = InMemoryIdempotencyStore.builder().clock(clock).build();
    return shared;
  }

  private InMemoryIdempotencyStore storeOf(int maxEntries) {
    return InMemoryIdempotencyStore.builder().clock(clock).maxEntries(maxEntries).build();
  }

  @Test
  void dropsExpiredKeysToMakeRoom() {
    try (InMemoryIdempotencyStore store = storeOf(10)) {
      for (int i = 0; i < 10; i++) store.complete(store.claim("old-" + i, LEASE), Duration.ofMinutes(5));
      clock.advance(Duration.ofMinutes(5));

      for (int i = 0; i < 10; i++) {
        assertThat(store.claim("new-" + i, LEASE).state()).isEqualTo(Claim.State.CLAIMED);
      }
      assertThat(store.size()).isEqualTo(10);
    }
  }

  @Test
  void whenFullOfLiveKeysDropsTheDoneKeysWhoseRetentionEndsSoonest() {
    try (InMemoryIdempotencyStore store = storeOf(10)) {
      for (int i = 0; i < 10; i++) store.complete(store.claim("done-" + i, LEASE), Duration.ofHours(1 + i));

      assertThat(store.claim("new", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
      assertThat(store.size()).isLessThanOrEqualTo(10);
      assertThat(store.claim("done-0", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
      assertThat(store.claim("done-9", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void whenFullDropsTheDoneKeyWhoseRetentionEndsSoonestEvenIfItCompletedLast() {
    try (InMemoryIdempotencyStore store = storeOf(10)) {
      for (int i = 0; i < 10; i++) store.complete(store.claim("done-" + i, LEASE), Duration.ofHours(10 - i));

      assertThat(store.claim("new", LEASE).state()).isEqualTo(Claim.State.CLAIMED);

      for (int i = 0; i < 9; i++) assertThat(store.claim("done-" + i, LEASE).state()).as("done-" + i).isEqualTo(Claim.State.DONE);
      assertThat(store.claim("done-9", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
    }
  }

  @Test
  void neverDropsAClaimInProgressToMakeRoomWhateverTheRetentions() {
    try (InMemoryIdempotencyStore store = storeOf(20)) {
      for (int i = 0; i < 5; i++) store.claim("busy-" + i, Duration.ofHours(1));
      // more distinct retention periods than the store keeps ordered queues for
      for (int i = 0; i < 500; i++) {
        store.complete(store.claim("delivery-" + i, LEASE), Duration.ofMinutes(1 + i % 23));
        assertThat(store.size()).isLessThanOrEqualTo(20);
      }

      for (int i = 0; i < 5; i++) {
        assertThat(store.claim("busy-" + i, LEASE).state()).as("busy-" + i).isEqualTo(Claim.State.IN_PROGRESS);
      }
      assertThat(store.claim("delivery-499", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void doneKeysThatExpireLeaveNothingQueuedForEviction() {
    try (InMemoryIdempotencyStore store = storeOf(1_000)) {
      for (int i = 0; i < 50; i++) store.complete(store.claim("short-" + i, LEASE), Duration.ofSeconds(10));
      for (int i = 0; i < 50; i++) store.complete(store.claim("other-" + i, LEASE), Duration.ofSeconds(10 + i));
      clock.advance(Duration.ofMinutes(2));

      assertThat(store.purgeExpired()).isEqualTo(100);
      assertThat(store.queuedDone()).isZero();
    }
  }

  @Test
  void refusesANewKeyWhenFullOfClaimsInProgress() {
    try (InMemoryIdempotencyStore store = storeOf(3)) {
      for (int i = 0; i < 3; i++) store.claim("busy-" + i, LEASE);

      assertThatThrownBy(() -> store.claim("one-too-many", LEASE))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining("raise maxEntries");
      assertThat(store.claim("busy-0", LEASE).state()).isEqualTo(Claim.State.IN_PROGRESS);
    }
  }

  @Test
  void neverHoldsMoreThanMaxEntriesUnderSteadyUse() {
    try (InMemoryIdempotencyStore store = storeOf(100)) {
      for (int i = 0; i < 1_000; i++) {
        store.complete(store.claim("delivery-" + i, LEASE), RETENTION);
        assertThat(store.size()).isLessThanOrEqualTo(100);
      }
    }
  }

  @Test
  void sweepsExpiredKeysDuringClaimsOnceAMinute() {
    try (InMemoryIdempotencyStore store = storeOf(1_000)) {
      for (int i = 0; i < 50; i++) store.complete(store.claim("old-" + i, LEASE), Duration.ofSeconds(10));
      clock.advance(Duration.ofMinutes(1));

      store.claim("trigger", LEASE);

      assertThat(store.size()).isEqualTo(1);
    }
  }

  @Test
  void purgeExpiredDropsOnlyExpiredKeys() {
    try (InMemoryIdempotencyStore store = storeOf(1_000)) {
      store.complete(store.claim("short", LEASE), Duration.ofSeconds(10));
      store.complete(store.claim("long", LEASE), RETENTION);
      store.claim("abandoned", Duration.ofSeconds(5));
      store.claim("working", Duration.ofHours(1));
      clock.advance(Duration.ofSeconds(10));

      assertThat(store.purgeExpired()).isEqualTo(2);
      assertThat(store.size()).isEqualTo(2);
      assertThat(store.claim("long", LEASE).state()).isEqualTo(Claim.State.DONE);
      assertThat(store.claim("working", LEASE).state()).isEqualTo(Claim.State.IN_PROGRESS);
    }
  }

  @Test
  void closeDropsEveryKey() {
    InMemoryIdempotencyStore store = storeOf(10);
    store.claim("delivery-1", LEASE);

    store.close();

    assertThat(store.size()).isZero();
  }

  @Test
  void rejectsAMaxEntriesBelowOne() {
    assertThatThrownBy(() -> InMemoryIdempotencyStore.builder().maxEntries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries must be at least 1");
  }
}
