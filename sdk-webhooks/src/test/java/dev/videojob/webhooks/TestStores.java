package dev.videojob.webhooks;

import dev.videojob.core.InMemoryIdempotencyStore;

/** The idempotency stores the webhook tests run against: the real in-memory store from sdk-core. */
final class TestStores {
  private TestStores() {}

  static InMemoryIdempotencyStore inMemory() {
    return InMemoryIdempotencyStore.builder().build();
  }

  static InMemoryIdempotencyStore inMemory(java.time.Clock clock) {
    return InMemoryIdempotencyStore.builder().clock(clock).build();
  }

  static InMemoryIdempotencyStore holdingAtMost(int keys) {
    return InMemoryIdempotencyStore.builder().maxEntries(keys).build();
  }
}
