package dev.videojob.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.JobStatus;
import dev.videojob.core.testing.MutableClock;
import dev.videojob.core.testing.TestDatabases;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookInboxException;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookRequest;
import dev.videojob.webhooks.WebhookResponse;
import dev.videojob.webhooks.WebhookResponse.Outcome;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook inbox's behaviour, run against each database. Every test has tables of its own (so runs on a
 * shared server do not meet), which also exercises custom table names.
 */
abstract class JdbcWebhookInboxContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  protected abstract DataSource dataSource();

  private final List<JdbcWebhookInbox> inboxes = new ArrayList<>();
  private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
  private String inboxTable;
  private String tasksTable;
  private String effectsTable;

  @BeforeEach
  void tables() throws SQLException {
    String suffix = ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    inboxTable = "vj_inbox_" + suffix;
    tasksTable = "vj_tasks_" + suffix;
    effectsTable = "vj_effects_" + suffix;
    TestDatabases.execute(dataSource(), "CREATE TABLE " + effectsTable
        + " (event_key VARCHAR(100) NOT NULL PRIMARY KEY, job_id VARCHAR(64) NOT NULL)");
  }

  @AfterEach
  void drop() throws SQLException {
    for (JdbcWebhookInbox inbox : inboxes) inbox.close();
    for (String t : List.of(inboxTable, tasksTable, effectsTable)) TestDatabases.execute(dataSource(), "DROP TABLE IF EXISTS " + t);
  }

  private JdbcWebhookInbox.Builder inbox() {
    return JdbcWebhookInbox.builder(dataSource()).inboxTable(inboxTable).tasksTable(tasksTable)
        .createTablesIfMissing(true).threads(2).pollingInterval(Duration.ofMillis(100))
        .heartbeatInterval(Duration.ofMillis(200)).retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
  }

  private JdbcWebhookInbox track(JdbcWebhookInbox inbox) {
    inboxes.add(inbox);
    return inbox;
  }

  private JdbcWebhookInbox receiving() {
    return track(inbox().handler(new ShopFormat(), handled::add).build());
  }

  private static WebhookPipeline pipeline(JdbcWebhookInbox inbox) {
    return WebhookPipeline.builder(new ShopFormat()).secret(ShopFormat.SECRET).inbox(inbox).build();
  }

  static WebhookRequest signed(String body, String deliveryId) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.of(bytes, WebhookHeaders.of(ShopFormat.signedHeaders(bytes, deliveryId)));
  }

  private int effects() throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + effectsTable);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void insertEffect(InboxTransaction tx, WebhookEvent e, String table) throws SQLException {
    try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO " + table + " (event_key, job_id) VALUES (?, ?)")) {
      ps.setString(1, tx.eventKey());
      ps.setString(2, e.jobId().orElseThrow());
      ps.executeUpdate();
    }
  }

  @Test
  void storesTheEventBeforeAnsweringAndAnotherInstanceHandlesIt() {
    JdbcWebhookInbox receiver = receiving();
    JdbcWebhookInbox processor = track(inbox().handler(new ShopFormat(), handled::add).build());
    try (WebhookPipeline pipeline = pipeline(receiver)) {
      WebhookResponse r = pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(receiver.entry("shop:delivery:d1")).get().extracting(InboxEntry::state).isEqualTo(InboxEntry.State.PENDING);
      assertThat(handled).as("nothing runs before an instance starts processing").isEmpty();

      processor.start();
      Eventually.await("the event handled", WAIT, () -> handled.size() == 1);
      WebhookEvent e = handled.get(0);
      assertThat(e.jobId()).contains("j1");
      assertThat(e.deliveryId()).as("re-parsed with the headers the format read").contains("d1");
      assertThat(e.snapshot().orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
      Eventually.await("the event marked done", WAIT,
          () -> processor.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
    }
  }

  @Test
  void aRedeliveryIsAcknowledgedAsADuplicateAndHandledOnce() {
    JdbcWebhookInbox inbox = receiving();
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      String body = ShopFormat.body("job.completed", "j1", "completed");
      assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.ACCEPTED);
      WebhookResponse again = pipeline.receive(signed(body, "d1"));
      assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(again.statusCode()).isEqualTo(200);
      Eventually.await("the event done", WAIT,
          () -> inbox.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
      assertThat(pipeline.receive(signed(body, "d1")).outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(handled).hasSize(1);
    }
  }

  @Test
  void aFailingHandlerIsRetriedAndItsTransactionalWritesCommitOnlyWithTheDoneMark() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> retried = new CopyOnWriteArrayList<>();
    String effects = effectsTable;
    JdbcWebhookInbox inbox = track(inbox().transactionalHandler(new ShopFormat(), (e, tx) -> {
      insertEffect(tx, e, effects);
      if (calls.incrementAndGet() == 1) throw new IllegalStateException("downstream unavailable");
    }).listener(new InboxListener() {
      @Override
      public void retrying(String eventKey, String provider, int attempt, Duration retryIn, Throwable error) {
        retried.add(attempt);
      }
    }).build());
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("the event done", WAIT,
          () -> inbox.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
    }
    assertThat(calls.get()).isEqualTo(2);
    assertThat(retried).containsExactly(1);
    assertThat(effects()).as("the first attempt's insert was rolled back with it").isEqualTo(1);
    InboxEntry entry = inbox.entry("shop:delivery:d1").orElseThrow();
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(entry.lastError()).hasValueSatisfying(m -> assertThat(m).contains("downstream unavailable"));
  }

  @Test
  void anEventFailingEveryAttemptIsDeadUntilReplayed() {
    AtomicInteger calls = new AtomicInteger();
    ConcurrentHashMap<String, Integer> dead = new ConcurrentHashMap<>();
    boolean[] fixed = {false};
    JdbcWebhookInbox inbox = track(inbox().maxAttempts(3).handler(new ShopFormat(), e -> {
      calls.incrementAndGet();
      if (!fixed[0]) throw new IllegalStateException("bug in the handler");
      handled.add(e);
    }).listener(new InboxListener() {
      @Override
      public void dead(String eventKey, String provider, int attempts, Throwable error) {
        dead.put(eventKey, attempts);
      }
    }).build());
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("the event dead", WAIT, () -> dead.containsKey("shop:delivery:d1"));
      assertThat(dead).containsEntry("shop:delivery:d1", 3);
      assertThat(calls.get()).isEqualTo(3);
      assertThat(inbox.deadEvents(10)).singleElement().satisfies(d -> {
        assertThat(d.eventKey()).isEqualTo("shop:delivery:d1");
        assertThat(d.provider()).isEqualTo("shop");
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.lastError()).hasValueSatisfying(m -> assertThat(m).contains("bug in the handler"));
      });
      assertThat(inbox.stats().dead()).isEqualTo(1);
      assertThat(pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1")).outcome())
          .as("a redelivery does not revive it").isEqualTo(Outcome.DUPLICATE);

      fixed[0] = true;
      assertThat(inbox.replay("shop:delivery:d1")).isTrue();
      Eventually.await("the replayed event handled", WAIT, () -> handled.size() == 1);
      Eventually.await("the replayed event done", WAIT,
          () -> inbox.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
      assertThat(inbox.replay("shop:delivery:d1")).as("only a dead event replays").isFalse();
      assertThat(inbox.stats().dead()).isZero();
    }
  }

  @Test
  void aHandlerCannotCommitTheInboxTransaction() {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    JdbcWebhookInbox inbox = track(inbox().maxAttempts(1).transactionalHandler(new ShopFormat(),
        (e, tx) -> tx.connection().commit()).listener(new InboxListener() {
          @Override
          public void dead(String eventKey, String provider, int attempts, Throwable error) {
            errors.add(error);
          }
        }).build());
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("the attempt failed", WAIT, () -> !errors.isEmpty());
      assertThat(errors.get(0)).isInstanceOf(SQLException.class).hasMessageContaining("the inbox commits");
    }
  }

  @Test
  void aSecondExecutionOfAHandledEventDoesNothing() throws Exception {
    JdbcWebhookInbox inbox = receiving();
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("the event done", WAIT,
          () -> inbox.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
      Eventually.await("the first execution removed", WAIT, () -> executions() == 0);
      // As if an instance died after committing the done mark but before removing its execution.
      scheduleExecution("shop:delivery:d1");
      Eventually.await("the second execution ran and completed", WAIT, () -> executions() == 0);
      assertThat(handled).hasSize(1);
    }
  }

  @Test
  void anEventWhoseInstanceDiedWhileHandlingItIsTakenOverByAnother() throws Exception {
    JdbcWebhookInbox receiver = receiving();
    try (WebhookPipeline pipeline = pipeline(receiver)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
    }
    // The instance that picked the execution died: picked, with a heartbeat long gone.
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE " + tasksTable
        + " SET picked = ?, picked_by = ?, last_heartbeat = ?, version = version + 1 WHERE task_name = ?")) {
      ps.setBoolean(1, true);
      ps.setString(2, "dead-instance");
      ps.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
      ps.setString(4, JdbcWebhookInbox.EVENT_TASK);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    JdbcWebhookInbox survivor = track(inbox().handler(new ShopFormat(), handled::add).build());
    survivor.start();
    Eventually.await("the survivor handled the event", WAIT, () -> handled.size() == 1);
    Eventually.await("the event done", WAIT,
        () -> survivor.entry("shop:delivery:d1").orElseThrow().state() == InboxEntry.State.DONE);
  }

  @Test
  void purgeDeletesHandledEventsPastTheirRetentionOnly() {
    MutableClock clock = new MutableClock(Instant.now());
    JdbcWebhookInbox inbox = track(inbox().clock(clock).retention(Duration.ofDays(1))
        .handler(new ShopFormat(), handled::add).build());
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("the event done", WAIT, () -> inbox.stats().done() == 1);
      assertThat(inbox.purgeDone()).isZero();
      clock.advance(Duration.ofDays(1).plusSeconds(1));
      assertThat(inbox.purgeDone()).isEqualTo(1);
      assertThat(inbox.stats().done()).isZero();
      assertThat(inbox.entry("shop:delivery:d1")).isEmpty();
    }
  }

  @Test
  void statsCountPendingEventsAndTheAgeOfTheOldest() {
    MutableClock clock = new MutableClock(Instant.now());
    JdbcWebhookInbox receiver = track(inbox().clock(clock).handler(new ShopFormat(), handled::add).build());
    assertThat(receiver.stats()).isEqualTo(new InboxStats(0, 0, 0, java.util.Optional.empty()));
    try (WebhookPipeline pipeline = pipeline(receiver)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      clock.advance(Duration.ofSeconds(30));
      pipeline.receive(signed(ShopFormat.body("job.completed", "j2", "completed"), "d2"));
      clock.advance(Duration.ofSeconds(15));
    }
    InboxStats stats = receiver.stats();
    assertThat(stats.pending()).isEqualTo(2);
    assertThat(stats.oldestPendingAge()).contains(Duration.ofSeconds(45));
  }

  @Test
  void missingTablesAreAClearErrorThatNamesTheDdl() {
    JdbcWebhookInbox inbox = track(JdbcWebhookInbox.builder(dataSource()).inboxTable(inboxTable).tasksTable(tasksTable)
        .handler(new ShopFormat(), handled::add).build());
    WebhookEvent event = new ShopFormat().parse(ShopFormat.body("job.completed", "j1", "completed")
        .getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(java.util.Map.of()), Instant.now());
    assertThatThrownBy(() -> inbox.accept("shop:job:j1", event, java.util.Map.of()))
        .isInstanceOf(WebhookInboxException.class).hasMessageContaining("createTablesIfMissing(true)")
        .hasMessageContaining("dev/videojob/durable/sql/");
  }

  @Test
  void aPendingEventThatLostItsExecutionIsScheduledByTheMaintenanceTask() throws Exception {
    JdbcWebhookInbox receiver = receiving();
    try (WebhookPipeline pipeline = pipeline(receiver)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
    }
    TestDatabases.execute(dataSource(), "DELETE FROM " + tasksTable);
    JdbcWebhookInbox processor = track(inbox().maintenanceInterval(Duration.ofMillis(200))
        .handler(new ShopFormat(), handled::add).build());
    processor.start();
    Eventually.await("the orphan handled", WAIT, () -> handled.size() == 1);
  }

  @Test
  void theListenerHearsEachCommittedStepOnce() {
    List<String> heard = new CopyOnWriteArrayList<>();
    JdbcWebhookInbox inbox = track(inbox().handler(new ShopFormat(), handled::add).listener(new InboxListener() {
      @Override
      public void stored(String eventKey, String provider) {
        heard.add("stored " + eventKey + " " + provider);
      }

      @Override
      public void handled(String eventKey, String provider, int attempt) {
        heard.add("handled " + eventKey + " " + attempt);
      }
    }).build());
    inbox.start();
    try (WebhookPipeline pipeline = pipeline(inbox)) {
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      pipeline.receive(signed(ShopFormat.body("job.completed", "j1", "completed"), "d1"));
      Eventually.await("handled", WAIT, () -> heard.size() == 2);
    }
    // Each after its own commit, from its own thread (the request's, a scheduler's): no order between them.
    assertThat(heard).containsExactlyInAnyOrder("stored shop:delivery:d1 shop", "handled shop:delivery:d1 1");
  }

  @Test
  void aKeyLongerThan100CharactersIsStoredHashedAndFoundByTheSameKey() {
    JdbcWebhookInbox inbox = receiving();
    String longKey = "shop:delivery:" + "x".repeat(200);
    WebhookEvent event = new ShopFormat().parse(ShopFormat.body("job.completed", "j1", "completed")
        .getBytes(StandardCharsets.UTF_8), WebhookHeaders.of(java.util.Map.of()), Instant.now());
    assertThat(inbox.accept(longKey, event, java.util.Map.of())).isEqualTo(dev.videojob.webhooks.WebhookInbox.Acceptance.STORED);
    assertThat(inbox.accept(longKey, event, java.util.Map.of())).isEqualTo(dev.videojob.webhooks.WebhookInbox.Acceptance.DUPLICATE);
    assertThat(inbox.entry(longKey)).get().satisfies(e -> assertThat(e.eventKey()).startsWith("sha256:").hasSize(71));
  }

  private void scheduleExecution(String key) throws SQLException {
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
        + tasksTable + " (task_name, task_instance, execution_time, picked, version) VALUES (?, ?, ?, ?, 1)")) {
      ps.setString(1, JdbcWebhookInbox.EVENT_TASK);
      ps.setString(2, key);
      ps.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
      ps.setBoolean(4, false);
      ps.executeUpdate();
    }
  }

  private int executions() {
    try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM " + tasksTable + " WHERE task_name = ?")) {
      ps.setString(1, JdbcWebhookInbox.EVENT_TASK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
