package dev.videojob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IdempotencyStore} must have, run against each implementation by a
 * subclass. {@link #newNode()} stands for one application instance: stores it returns share their
 * backing data (for the in-memory store, which cannot share, it returns the same store).
 */
public abstract class IdempotencyStoreContract {
  protected static final Duration LEASE = Duration.ofSeconds(30);
  protected static final Duration RETENTION = Duration.ofDays(1);

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final List<IdempotencyStore> nodes = new ArrayList<>();

  /** @return a store on the shared backing data, measuring time with {@link #clock} */
  protected abstract IdempotencyStore newNode();

  protected final IdempotencyStore node() {
    IdempotencyStore store = newNode();
    nodes.add(store);
    return store;
  }

  @AfterEach
  void closeNodes() {
    nodes.forEach(IdempotencyStore::close);
  }

  @Test
  void claimsAKeyNoOneHasClaimed() {
    Claim claim = node().claim("delivery-1", LEASE);

    assertThat(claim.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(claim.acquired()).isTrue();
    assertThat(claim.key()).isEqualTo("delivery-1");
    assertThat(claim.token()).isNotBlank();
    assertThat(claim.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void secondClaimWhileTheLeaseHoldsIsInProgressElsewhere() {
    IdempotencyStore store = node();
    Claim first = store.claim("delivery-1", LEASE);
    clock.advance(Duration.ofSeconds(10));

    Claim second = store.claim("delivery-1", LEASE);

    assertThat(second.state()).isEqualTo(Claim.State.IN_PROGRESS);
    assertThat(second.acquired()).isFalse();
    assertThat(second.token()).isNull();
    assertThat(second.leaseExpiresAt()).isEqualTo(first.leaseExpiresAt());
  }

  @Test
  void anotherNodeSeesTheClaimInProgress() {
    node().claim("delivery-1", LEASE);

    assertThat(node().claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.IN_PROGRESS);
  }

  @Test
  void completedKeyAnswersDoneOnEveryNode() {
    IdempotencyStore a = node();
    IdempotencyStore b = node();
    Claim claim = a.claim("delivery-1", LEASE);
    assertThat(a.complete(claim, RETENTION)).isTrue();

    Claim again = b.claim("delivery-1", LEASE);

    assertThat(again.state()).isEqualTo(Claim.State.DONE);
    assertThat(again.acquired()).isFalse();
    assertThat(again.leaseExpiresAt()).isNull();
  }

  @Test
  void doneKeyStaysDoneAfterItsLeaseWouldHaveRunOut() {
    IdempotencyStore store = node();
    store.complete(store.claim("delivery-1", LEASE), RETENTION);
    clock.advance(LEASE.multipliedBy(10));

    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
  }

  @Test
  void doneKeyCanBeClaimedAfterItsRetentionRunsOut() {
    IdempotencyStore store = node();
    store.complete(store.claim("delivery-1", LEASE), RETENTION);
    clock.advance(RETENTION.plusMillis(1));

    Claim claim = store.claim("delivery-1", LEASE);

    assertThat(claim.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(claim.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void completeUsesTheDefaultRetentionOfSevenDays() {
    IdempotencyStore store = node();
    store.complete(store.claim("delivery-1", LEASE), IdempotencyStore.DEFAULT_RETENTION);

    clock.advance(Duration.ofDays(7).minusMillis(1));
    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
    clock.advance(Duration.ofMillis(1));
    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void releasedKeyCanBeClaimedAgainAtOnce() {
    IdempotencyStore a = node();
    Claim claim = a.claim("delivery-1", LEASE);
    assertThat(a.release(claim)).isTrue();

    Claim next = node().claim("delivery-1", LEASE);

    assertThat(next.state()).isEqualTo(Claim.State.CLAIMED);
    assertThat(next.token()).isNotEqualTo(claim.token());
  }

  @Test
  void claimWhoseLeaseRanOutIsTakenOver() {
    IdempotencyStore crashed = node();
    Claim abandoned = crashed.claim("delivery-1", LEASE);
    clock.advance(LEASE);

    Claim takeover = node().claim("delivery-1", LEASE);

    assertThat(takeover.state()).isEqualTo(Claim.State.TAKEN_OVER);
    assertThat(takeover.acquired()).isTrue();
    assertThat(takeover.token()).isNotEqualTo(abandoned.token());
    assertThat(takeover.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void leaseStillHoldsOneMillisecondBeforeItRunsOut() {
    IdempotencyStore store = node();
    store.claim("delivery-1", LEASE);
    clock.advance(LEASE.minusMillis(1));

    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.IN_PROGRESS);
  }

  @Test
  void takenOverKeyIsInProgressForEveryoneElse() {
    IdempotencyStore store = node();
    store.claim("delivery-1", LEASE);
    clock.advance(LEASE);
    Claim takeover = store.claim("delivery-1", LEASE);

    Claim third = node().claim("delivery-1", LEASE);

    assertThat(third.state()).isEqualTo(Claim.State.IN_PROGRESS);
    assertThat(third.leaseExpiresAt()).isEqualTo(takeover.leaseExpiresAt());
  }

  @Test
  void staleOwnerCannotCompleteAKeyThatWasTakenOver() {
    IdempotencyStore store = node();
    Claim stale = store.claim("delivery-1", LEASE);
    clock.advance(LEASE);
    Claim takeover = node().claim("delivery-1", LEASE);

    assertThat(store.complete(stale, RETENTION)).isFalse();
    assertThat(node().complete(takeover, RETENTION)).isTrue();
  }

  @Test
  void staleOwnerCannotReleaseAKeyThatWasTakenOver() {
    IdempotencyStore store = node();
    Claim stale = store.claim("delivery-1", LEASE);
    clock.advance(LEASE);
    node().claim("delivery-1", LEASE);

    assertThat(store.release(stale)).isFalse();
    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.IN_PROGRESS);
  }

  @Test
  void ownerWhoseLeaseRanOutCanStillCompleteIfNoOneTookOver() {
    IdempotencyStore store = node();
    Claim slow = store.claim("delivery-1", LEASE);
    clock.advance(LEASE.multipliedBy(2));

    assertThat(store.complete(slow, RETENTION)).isTrue();
    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
  }

  @Test
  void releaseAfterCompleteLeavesTheKeyDone() {
    IdempotencyStore store = node();
    Claim claim = store.claim("delivery-1", LEASE);
    store.complete(claim, RETENTION);

    assertThat(store.release(claim)).isFalse();
    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
  }

  @Test
  void completingTwiceReportsThatTheClaimNoLongerHoldsTheKey() {
    IdempotencyStore store = node();
    Claim claim = store.claim("delivery-1", LEASE);

    assertThat(store.complete(claim, RETENTION)).isTrue();
    assertThat(store.complete(claim, RETENTION)).isFalse();
  }

  @Test
  void completingAClaimOnAKeyThatWasNeverStoredReturnsFalse() {
    Claim foreign = new Claim("never-claimed", Claim.State.CLAIMED, "some-token", clock.instant().plus(LEASE));

    assertThat(node().complete(foreign, RETENTION)).isFalse();
    assertThat(node().release(foreign)).isFalse();
  }

  @Test
  void keysDifferingOnlyInCaseAreDifferentKeys() {
    IdempotencyStore store = node();
    store.claim("Delivery-A", LEASE);

    assertThat(store.claim("delivery-a", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void keysDifferingOnlyInTrailingSpaceAreDifferentKeys() {
    IdempotencyStore store = node();
    store.claim("delivery-a", LEASE);

    assertThat(store.claim("delivery-a ", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void keysOutsideAsciiAreStoredAndComparedExactly() {
    IdempotencyStore store = node();
    Claim claim = store.claim("vidéo-ключ-\uD83C\uDFAC", LEASE);
    store.complete(claim, RETENTION);

    assertThat(store.claim("vidéo-ключ-\uD83C\uDFAC", LEASE).state()).isEqualTo(Claim.State.DONE);
    assertThat(store.claim("video-ключ-\uD83C\uDFAC", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void keyOf255NonAsciiCharactersIsAccepted() {
    IdempotencyStore store = node();
    String key = "ж".repeat(255);
    store.complete(store.claim(key, LEASE), RETENTION);

    assertThat(store.claim(key, LEASE).state()).isEqualTo(Claim.State.DONE);
  }

  @Test
  void longKeysThatDifferOnlyAtTheEndAreDifferentKeys() {
    IdempotencyStore store = node();
    String prefix = "x".repeat(1000);
    Claim first = store.claim(prefix + "1", LEASE);
    store.complete(first, RETENTION);

    assertThat(first.key()).isEqualTo(prefix + "1");
    assertThat(store.claim(prefix + "1", LEASE).state()).isEqualTo(Claim.State.DONE);
    assertThat(store.claim(prefix + "2", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
  }

  @Test
  void retentionBeyondTheEndOfTimeMeansForever() {
    IdempotencyStore store = node();
    store.complete(store.claim("delivery-1", LEASE), Duration.ofSeconds(Long.MAX_VALUE));
    clock.advance(Duration.ofDays(365 * 100));

    assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
  }

  @Test
  void rejectsABlankKey() {
    assertThatThrownBy(() -> node().claim(" ", LEASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key is blank");
  }

  @Test
  void rejectsANullKey() {
    assertThatThrownBy(() -> node().claim(null, LEASE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key == null");
  }

  @Test
  void rejectsALeaseThatIsNotPositive() {
    assertThatThrownBy(() -> node().claim("delivery-1", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease must be positive");
  }

  @Test
  void rejectsARetentionThatIsNotPositive() {
    IdempotencyStore store = node();
    Claim claim = store.claim("delivery-1", LEASE);

    assertThatThrownBy(() -> store.complete(claim, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention must be positive");
  }

  @Test
  void rejectsCompletingAClaimThatWasNotAcquired() {
    IdempotencyStore store = node();
    store.claim("delivery-1", LEASE);
    Claim inProgress = store.claim("delivery-1", LEASE);

    assertThatThrownBy(() -> store.complete(inProgress, RETENTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not acquired");
    assertThatThrownBy(() -> store.release(inProgress))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not acquired");
  }

  @Test
  void rejectsUseAfterClose() {
    IdempotencyStore store = node();
    store.close();

    assertThatThrownBy(() -> store.claim("delivery-1", LEASE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /**
   * Two nodes and 16 threads race over the same keys through three rounds: a first claim, a
   * second claim after the leases ran out (released keys are claimed again, abandoned ones taken
   * over, done ones stay done), and a last look that must find every key done.
   */
  @Test
  void sixteenThreadsOnTwoNodesGetExactlyOneWinnerPerKeyAndLoseNoKey() throws Exception {
    List<IdempotencyStore> twoNodes = List.of(node(), node());
    List<String> completed = keys("completed", 8);
    List<String> released = keys("released", 8);
    List<String> abandoned = keys("abandoned", 8);
    List<String> all = new ArrayList<>(completed);
    all.addAll(released);
    all.addAll(abandoned);

    Map<String, List<Claim>> first = race(twoNodes, all);
    for (String key : all) {
      assertThat(states(first.get(key))).as(key)
          .containsEntry(Claim.State.CLAIMED, 1L).containsEntry(Claim.State.IN_PROGRESS, 15L).hasSize(2);
    }
    for (String key : completed) assertThat(twoNodes.get(0).complete(winner(first, key), RETENTION)).isTrue();
    for (String key : released) assertThat(twoNodes.get(1).release(winner(first, key))).isTrue();

    clock.advance(LEASE.plusSeconds(1));
    Map<String, List<Claim>> second = race(twoNodes, all);
    for (String key : completed) {
      assertThat(states(second.get(key))).as(key).containsOnly(Map.entry(Claim.State.DONE, 16L));
    }
    for (String key : released) {
      assertThat(states(second.get(key))).as(key)
          .containsEntry(Claim.State.CLAIMED, 1L).containsEntry(Claim.State.IN_PROGRESS, 15L).hasSize(2);
    }
    for (String key : abandoned) {
      assertThat(states(second.get(key))).as(key)
          .containsEntry(Claim.State.TAKEN_OVER, 1L).containsEntry(Claim.State.IN_PROGRESS, 15L).hasSize(2);
      assertThat(twoNodes.get(0).complete(winner(first, key), RETENTION)).as("stale owner of " + key).isFalse();
    }
    for (String key : released) assertThat(twoNodes.get(1).complete(winner(second, key), RETENTION)).isTrue();
    for (String key : abandoned) assertThat(twoNodes.get(0).complete(winner(second, key), RETENTION)).isTrue();

    Map<String, List<Claim>> last = race(twoNodes, all);
    for (String key : all) {
      assertThat(states(last.get(key))).as(key).containsOnly(Map.entry(Claim.State.DONE, 16L));
    }
  }

  private static List<String> keys(String kind, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) keys.add("race:" + kind + ":" + i);
    return keys;
  }

  /** 16 threads, alternating between the nodes, each claim every key in its own order. */
  private static Map<String, List<Claim>> race(List<IdempotencyStore> nodes, List<String> keys) throws Exception {
    int threads = 16;
    Map<String, ConcurrentLinkedQueue<Claim>> outcomes = new ConcurrentHashMap<>();
    keys.forEach(k -> outcomes.put(k, new ConcurrentLinkedQueue<>()));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        IdempotencyStore store = nodes.get(t % nodes.size());
        List<String> order = new ArrayList<>(keys);
        Collections.shuffle(order, new Random(t));
        futures.add(pool.submit(() -> {
          start.await();
          for (String key : order) outcomes.get(key).add(store.claim(key, LEASE));
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) f.get(2, TimeUnit.MINUTES);
    } finally {
      // Let no claim outlive the test (it could re-create a table the clean-up dropped).
      pool.shutdownNow();
      pool.awaitTermination(2, TimeUnit.MINUTES);
    }
    return outcomes.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  private static Map<Claim.State, Long> states(List<Claim> claims) {
    return claims.stream().collect(Collectors.groupingBy(Claim::state, Collectors.counting()));
  }

  private static Claim winner(Map<String, List<Claim>> outcomes, String key) {
    return outcomes.get(key).stream().filter(Claim::acquired).findFirst().orElseThrow();
  }
}
