package dev.videojob.durable;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.durable.internal.BoundConnectionDataSource;
import dev.videojob.durable.internal.Ddl;
import dev.videojob.durable.internal.GuardedConnection;
import dev.videojob.durable.internal.HeaderLines;
import dev.videojob.durable.internal.SqlErrors;
import dev.videojob.durable.internal.StoredKeys;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHandler;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookInbox;
import dev.videojob.webhooks.WebhookInboxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook pipeline's durable mode on the application's own database: every verified event is committed
 * to an inbox table before the provider gets its 2xx, and db-scheduler processes the inbox on any instance.
 * Runs on PostgreSQL, MariaDB/MySQL and H2; bring your own {@link DataSource} (a connection pool).
 *
 * <pre>{@code
 * JdbcWebhookInbox inbox = JdbcWebhookInbox.builder(dataSource)
 *     .createTablesIfMissing(true)
 *     .transactionalHandler(CreativeAiWebhookFormat.create(), (event, tx) -> {   // exactly-once effect:
 *       try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE videos SET status = ? WHERE job_id = ?")) {
 *         ...                                                     // commits with the event's done mark
 *       }
 *     })
 *     .build();
 * inbox.start();                                                  // process on this instance too
 * WebhookPipeline pipeline = WebhookPipeline.builder(CreativeAiWebhookFormat.create()).secret(secret).inbox(inbox).build();
 * }</pre>
 *
 * <p>What it guarantees:
 * <ul>
 *   <li><b>Nothing acknowledged is lost.</b> {@link #accept} inserts the event (its raw body, the headers its
 *     format read, when it arrived) and schedules its db-scheduler execution in one transaction, and returns
 *     only after the commit. An instance killed right after answering loses nothing: any started instance
 *     picks the execution up.</li>
 *   <li><b>Retries, then dead letters.</b> A handler that throws is retried with exponential backoff
 *     ({@link Builder#retryBackoff}); after {@link Builder#maxAttempts} attempts the event is DEAD, kept until
 *     {@link #replay replayed}.</li>
 *   <li><b>Dead instances.</b> An instance that dies while handling an event stops sending db-scheduler
 *     heartbeats; after a few missed ones ({@link Builder#heartbeatInterval}) another instance runs the event
 *     again. Its transaction died with it, so nothing it wrote through the inbox's connection remains.</li>
 *   <li><b>Exactly-once effect</b> for what a {@link TransactionalWebhookHandler} writes through
 *     {@link InboxTransaction#connection()}: those writes and the event's DONE mark commit together or not at
 *     all, and an execution that finds its event DONE does nothing. Other effects happen at least once: key
 *     them on {@link InboxTransaction#eventKey()}.</li>
 * </ul>
 *
 * <p>Tables: the inbox ({@code videojob_webhook_inbox}) and db-scheduler's ({@code scheduled_tasks}). Their
 * DDL ships in the jar ({@code dev/videojob/durable/sql/postgresql.sql}, {@code mariadb.sql}, {@code h2.sql},
 * also through {@link Dialect#ddl}); run it with your migrations, or let the inbox create missing tables with
 * {@link Builder#createTablesIfMissing}. A maintenance task (every {@link Builder#maintenanceInterval}, on one
 * instance at a time) deletes DONE rows past the {@link Builder#retention retention} and schedules any
 * PENDING row that lost its execution.
 *
 * <p>Thread-safe. Failures throw {@link WebhookInboxException} with a message that says what to do; the
 * {@code DataSource} is never closed by the inbox.
 */
public final class JdbcWebhookInbox implements WebhookInbox, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcWebhookInbox.class);

  /** The db-scheduler task that handles one inbox event; its instance id is the event key as stored. */
  public static final String EVENT_TASK = "videojob-webhook-inbox";
  /** The db-scheduler recurring task that purges DONE rows and re-schedules orphaned PENDING ones. */
  public static final String MAINTENANCE_TASK = "videojob-webhook-inbox-maintenance";
  /** The default number of attempts before an event is DEAD: 10. */
  public static final int DEFAULT_MAX_ATTEMPTS = 10;
  /** The default wait before the first retry: 10 seconds, doubled for each further one. */
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(10);
  /** The default longest wait between two attempts: 30 minutes. */
  public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(30);
  /** The default number of handler threads per instance: 4. */
  public static final int DEFAULT_THREADS = 4;
  /** The default interval at which an instance looks for due events: 5 seconds. */
  public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(5);
  /** The default heartbeat of a running event: 10 seconds; six missed ones make it dead and picked up elsewhere. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
  /** The default interval of the maintenance task: 1 minute. */
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

  private static final String PENDING = "PENDING";
  private static final String DONE = "DONE";
  private static final String DEAD = "DEAD";
  private static final int MAX_ERROR_CHARS = 1000;
  private static final int ORPHAN_BATCH = 500;
  private static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(30);

  /** The SQL dialects whose DDL ships with the inbox; the statements it runs are the same on each. */
  public enum Dialect {
    /** PostgreSQL 9.5 and later. */
    POSTGRESQL("postgresql.sql"),
    /** MariaDB 10.3 and later, and MySQL 8. */
    MARIADB("mariadb.sql"),
    /** H2 2.x. */
    H2("h2.sql");

    private final String resource;

    Dialect(String file) {
      this.resource = "dev/videojob/durable/sql/" + file;
    }

    /** @return the class path resource holding this dialect's DDL for the default table names */
    public String ddlResource() {
      return resource;
    }

    /**
     * Returns this dialect's DDL for table names of your choice, for your migration tool.
     *
     * @param inboxTable the inbox table, optionally {@code schema.table}
     * @param tasksTable db-scheduler's table, optionally {@code schema.table}
     * @return the statements, each ending with {@code ;} and a line break
     * @throws IllegalArgumentException if a name is not a plain SQL identifier
     */
    public String ddl(String inboxTable, String tasksTable) {
      return Ddl.forTables(Ddl.load(resource), Ddl.validateTableName(inboxTable, "inboxTable"),
          Ddl.validateTableName(tasksTable, "tasksTable"));
    }

    static Dialect detect(String productName) {
      String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
      if (p.contains("postgresql")) return POSTGRESQL;
      if (p.contains("mariadb") || p.contains("mysql")) return MARIADB;
      if (p.equals("h2")) return H2;
      return null;
    }
  }

  private record Registered(WebhookFormat format, TransactionalWebhookHandler handler) {}

  private record Row(String provider, String state, byte[] body, String headers, long receivedAt, int attempts) {}

  /** Thrown to db-scheduler so that it reschedules the execution after the inbox's backoff. */
  private static final class RetryLater extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Duration delay;

    RetryLater(Duration delay, Throwable cause) {
      super("inbox event failed; retrying in " + delay, cause, false, false);
      this.delay = delay;
    }
  }

  private final DataSource dataSource;
  private final String inboxTable;
  private final String tasksTable;
  private final boolean createTables;
  private final Dialect configuredDialect;
  private final Map<String, Registered> handlers;
  private final int maxAttempts;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final Duration retention;
  private final int threads;
  private final Duration pollingInterval;
  private final Duration heartbeatInterval;
  private final Duration maintenanceInterval;
  private final InboxListener listener;
  private final Clock clock;
  private final String instanceName;

  private final BoundConnectionDataSource bound = new BoundConnectionDataSource();
  private final OneTimeTask<Void> eventTask;
  private final RecurringTask<Void> maintenanceTask;
  private final Object lock = new Object();
  private volatile boolean ready;
  private volatile SchedulerClient boundClient;
  private volatile JdbcCustomization customization;
  private volatile Scheduler scheduler;
  private volatile boolean closed;

  private final String insertSql;
  private final String lockSql;
  private final String doneSql;
  private final String failedSql;
  private final String replaySql;
  private final String purgeSql;
  private final String statsSql;
  private final String entrySql;
  private final String deadSql;
  private final String orphansSql;

  private JdbcWebhookInbox(Builder b) {
    this.dataSource = b.dataSource;
    this.inboxTable = b.inboxTable;
    this.tasksTable = b.tasksTable;
    this.createTables = b.createTables;
    this.configuredDialect = b.dialect;
    this.handlers = Map.copyOf(b.handlers);
    this.maxAttempts = b.maxAttempts;
    this.firstRetry = b.firstRetry;
    this.maxRetry = b.maxRetry;
    this.retention = b.retention;
    this.threads = b.threads;
    this.pollingInterval = b.pollingInterval;
    this.heartbeatInterval = b.heartbeatInterval;
    this.maintenanceInterval = b.maintenanceInterval;
    this.listener = b.listener;
    this.clock = b.clock;
    this.instanceName = b.instanceName;
    this.eventTask = Tasks.oneTime(EVENT_TASK)
        .onFailure((complete, ops) -> {
          Throwable cause = complete.getCause().orElse(null);
          Duration delay = cause instanceof RetryLater r ? r.delay : backoff(complete.getExecution().consecutiveFailures + 1);
          ops.reschedule(complete, Instant.now().plus(delay));
        })
        .onDeadExecutionRevive()
        .execute((instance, context) -> handle(instance.getId()));
    this.maintenanceTask = Tasks.recurring(MAINTENANCE_TASK, Schedules.fixedDelay(b.maintenanceInterval))
        .execute((instance, context) -> maintain());
    String t = inboxTable;
    this.insertSql = "INSERT INTO " + t + " (event_key, provider, state, body, headers, received_at, attempts,"
        + " created_at, updated_at) VALUES (?, ?, '" + PENDING + "', ?, ?, ?, 0, ?, ?)";
    this.lockSql = "SELECT provider, state, body, headers, received_at, attempts FROM " + t
        + " WHERE event_key = ? FOR UPDATE";
    this.doneSql = "UPDATE " + t + " SET state = '" + DONE + "', attempts = ?, done_at = ?, updated_at = ?"
        + " WHERE event_key = ? AND state = '" + PENDING + "'";
    this.failedSql = "UPDATE " + t + " SET state = ?, attempts = ?, last_error = ?, updated_at = ?"
        + " WHERE event_key = ? AND state = '" + PENDING + "'";
    this.replaySql = "UPDATE " + t + " SET state = '" + PENDING + "', attempts = 0, updated_at = ?"
        + " WHERE event_key = ? AND state = '" + DEAD + "'";
    this.purgeSql = "DELETE FROM " + t + " WHERE state = '" + DONE + "' AND done_at <= ?";
    this.statsSql = "SELECT state, COUNT(*), MIN(created_at) FROM " + t + " GROUP BY state";
    String columns = "event_key, provider, state, attempts, last_error, received_at, updated_at";
    this.entrySql = "SELECT " + columns + " FROM " + t + " WHERE event_key = ?";
    this.deadSql = "SELECT " + columns + " FROM " + t + " WHERE state = '" + DEAD + "' ORDER BY updated_at";
    this.orphansSql = "SELECT i.event_key FROM " + t + " i WHERE i.state = '" + PENDING + "' AND i.updated_at < ?"
        + " AND NOT EXISTS (SELECT 1 FROM " + tasksTable + " s WHERE s.task_name = '" + EVENT_TASK + "'"
        + " AND s.task_instance = i.event_key)";
  }

  /**
   * Starts an inbox on a {@code DataSource}, with the defaults: tables {@code videojob_webhook_inbox} and
   * {@code scheduled_tasks}, which must exist; {@value #DEFAULT_MAX_ATTEMPTS} attempts; 7 days' retention.
   *
   * @param dataSource where connections come from (a pool); the inbox does not close it
   * @return a builder
   * @throws NullPointerException if dataSource is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * Starts processing on this instance: db-scheduler polls the inbox for due events (and runs the maintenance
   * task) on {@link Builder#threads} threads. An instance that only receives need not start; events it stores
   * are processed by the instances that did. Calling it again does nothing.
   *
   * @throws WebhookInboxException if the database cannot be reached or the tables are missing
   * @throws IllegalStateException if the inbox is closed
   */
  public void start() {
    prepare();
    synchronized (lock) {
      if (closed) throw new IllegalStateException("JdbcWebhookInbox on table " + inboxTable + " is closed");
      if (scheduler != null) return;
      Scheduler s = Scheduler.create(dataSource, eventTask)
          .startTasks(maintenanceTask)
          .tableName(tasksTable)
          .jdbcCustomization(customization)
          .commitWhenAutocommitDisabled(true)
          .threads(threads)
          .pollingInterval(pollingInterval)
          .heartbeatInterval(heartbeatInterval)
          .schedulerName(new SchedulerName.Fixed(instanceName))
          .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
          .failureLogging(LogLevel.DEBUG, false)
          .enableImmediateExecution()
          .build();
      s.start();
      scheduler = s;
      LOG.info("Webhook inbox {} processing on {} ({} threads, polling every {})", inboxTable, instanceName, threads,
          pollingInterval);
    }
  }

  @Override
  public boolean supports(String provider) {
    return handlers.containsKey(provider);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Inserts the event's row and its db-scheduler execution in one transaction; a row already there (in
   * any state) makes it a {@link Acceptance#DUPLICATE}.
   *
   * @throws IllegalStateException if the inbox is closed
   */
  @Override
  public Acceptance accept(String eventKey, WebhookEvent event, Map<String, List<String>> headersRead) {
    Objects.requireNonNull(eventKey, "eventKey == null");
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(headersRead, "headersRead == null");
    requireOpen();
    String provider = event.provider();
    if (!handlers.containsKey(provider)) {
      throw new WebhookInboxException("The inbox on " + inboxTable + " has no format and handler for provider "
          + provider + ": register one with JdbcWebhookInbox.Builder.handler or transactionalHandler", null);
    }
    prepare();
    String key = StoredKeys.of(eventKey);
    long now = clock.millis();
    boolean stored = inTransaction("accept", c -> {
      try (PreparedStatement ps = c.prepareStatement(insertSql)) {
        ps.setString(1, key);
        ps.setString(2, provider);
        ps.setBytes(3, event.rawBody());
        ps.setString(4, HeaderLines.encode(headersRead));
        ps.setLong(5, event.receivedAt().toEpochMilli());
        ps.setLong(6, now);
        ps.setLong(7, now);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (SqlErrors.isDuplicateKey(e)) return false;
        throw e;
      }
      schedule(c, key, Instant.ofEpochMilli(now));
      return true;
    });
    if (!stored) return Acceptance.DUPLICATE;
    notify(l -> l.stored(key, provider));
    Scheduler s = scheduler;
    if (s != null) s.triggerCheckForDueExecutions();
    return Acceptance.STORED;
  }

  /**
   * The inbox's depth now.
   *
   * @return counts per state and the age of the oldest pending event
   * @throws WebhookInboxException if the database cannot be reached
   * @throws IllegalStateException if the inbox is closed
   */
  public InboxStats stats() {
    requireOpen();
    prepare();
    return inTransaction("stats", c -> {
      long pending = 0;
      long done = 0;
      long dead = 0;
      Optional<Duration> oldest = Optional.empty();
      try (PreparedStatement ps = c.prepareStatement(statsSql); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String state = rs.getString(1);
          long n = rs.getLong(2);
          if (PENDING.equals(state)) {
            pending = n;
            long created = rs.getLong(3);
            oldest = Optional.of(Duration.ofMillis(Math.max(0, clock.millis() - created)));
          } else if (DONE.equals(state)) {
            done = n;
          } else if (DEAD.equals(state)) {
            dead = n;
          }
        }
      }
      return new InboxStats(pending, done, dead, oldest);
    });
  }

  /**
   * The dead events, oldest first, for an operator to inspect and {@link #replay}.
   *
   * @param limit the most to return; positive
   * @return the entries
   * @throws IllegalArgumentException if limit is not positive
   * @throws WebhookInboxException if the database cannot be reached
   * @throws IllegalStateException if the inbox is closed
   */
  public List<InboxEntry> deadEvents(int limit) {
    if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
    requireOpen();
    prepare();
    return inTransaction("deadEvents", c -> {
      List<InboxEntry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(deadSql)) {
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(entry(rs));
        }
      }
      return out;
    });
  }

  /**
   * One event's entry.
   *
   * @param eventKey the event key, as the pipeline made it or as stored
   * @return the entry, if the inbox holds the event
   * @throws WebhookInboxException if the database cannot be reached
   * @throws IllegalStateException if the inbox is closed
   */
  public Optional<InboxEntry> entry(String eventKey) {
    Objects.requireNonNull(eventKey, "eventKey == null");
    requireOpen();
    prepare();
    String key = StoredKeys.of(eventKey);
    return inTransaction("entry", c -> {
      try (PreparedStatement ps = c.prepareStatement(entrySql)) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.<InboxEntry>empty();
        }
      }
    });
  }

  /**
   * Makes a dead event pending again, with a fresh count of attempts, and schedules it now (fix the cause
   * first: a handler bug, a missing format).
   *
   * @param eventKey the event key, as the pipeline made it or as stored
   * @return true if the event was dead and is now pending; false if it is not in the inbox or not dead
   * @throws WebhookInboxException if the database cannot be reached
   * @throws IllegalStateException if the inbox is closed
   */
  public boolean replay(String eventKey) {
    Objects.requireNonNull(eventKey, "eventKey == null");
    requireOpen();
    prepare();
    String key = StoredKeys.of(eventKey);
    long now = clock.millis();
    boolean replayed = inTransaction("replay", c -> {
      try (PreparedStatement ps = c.prepareStatement(replaySql)) {
        ps.setLong(1, now);
        ps.setString(2, key);
        if (ps.executeUpdate() != 1) return false;
      }
      schedule(c, key, Instant.ofEpochMilli(now));
      return true;
    });
    if (replayed) {
      LOG.info("Webhook inbox event {} replayed", key);
      Scheduler s = scheduler;
      if (s != null) s.triggerCheckForDueExecutions();
      notify(l -> l.replayed(key));
    }
    return replayed;
  }

  /**
   * Deletes the DONE rows whose retention has run out, in one statement (the maintenance task does this
   * on its own; call it yourself if no instance {@link #start started}).
   *
   * @return how many rows were deleted
   * @throws WebhookInboxException if the database cannot be reached
   * @throws IllegalStateException if the inbox is closed
   */
  public int purgeDone() {
    requireOpen();
    prepare();
    long cutoff = clock.millis() - retention.toMillis();
    int rows = inTransaction("purgeDone", c -> {
      try (PreparedStatement ps = c.prepareStatement(purgeSql)) {
        ps.setLong(1, cutoff);
        return ps.executeUpdate();
      }
    });
    if (rows > 0) {
      LOG.debug("Webhook inbox {} purged {} handled events past their retention", inboxTable, rows);
      notify(l -> l.purged(rows));
    }
    return rows;
  }

  /** @return the inbox table, as configured */
  public String inboxTable() {
    return inboxTable;
  }

  /** @return db-scheduler's table, as configured */
  public String tasksTable() {
    return tasksTable;
  }

  /**
   * Stops processing on this instance, waiting up to 30 seconds for running handlers (an event whose handler
   * does not finish is picked up again elsewhere), and marks the inbox closed. The {@code DataSource} stays open.
   */
  @Override
  public void close() {
    Scheduler s;
    synchronized (lock) {
      closed = true;
      s = scheduler;
      scheduler = null;
    }
    if (s != null) s.stop();
  }

  @Override
  public String toString() {
    return "JdbcWebhookInbox{table=" + inboxTable + ", providers=" + handlers.keySet() + "}";
  }

  // ---- processing ----

  private void handle(String key) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new WebhookInboxException("Cannot get a database connection to handle inbox event " + key
          + SqlErrors.describe(e) + "; it is retried", e);
    }
    try (c) {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) c.setAutoCommit(false);
      try {
        handle(c, key);
      } finally {
        if (autoCommit) restoreAutoCommit(c);
      }
    } catch (SQLException e) {
      throw new WebhookInboxException("Webhook inbox event " + key + " could not be handled" + SqlErrors.describe(e)
          + "; it is retried", e);
    }
  }

  private void handle(Connection c, String key) throws SQLException {
    Row row;
    try {
      row = lockRow(c, key);
      if (row == null || !PENDING.equals(row.state())) {
        c.commit(); // done or dead already: a second execution of a finished event does nothing
        return;
      }
    } catch (SQLException e) {
      rollbackQuietly(c);
      throw e;
    }
    int attempt = row.attempts() + 1;
    Exception failure = null;
    try {
      Registered r = handlers.get(row.provider());
      if (r == null) {
        throw new WebhookInboxException("The inbox on " + inboxTable + " has no format and handler for provider "
            + row.provider() + " on this instance: register one, then replay the event", null);
      }
      WebhookEvent event = r.format().parse(row.body(), WebhookHeaders.ofMulti(HeaderLines.decode(row.headers())),
          Instant.ofEpochMilli(row.receivedAt()));
      r.handler().handle(event, new InboxTransaction(GuardedConnection.of(c), key, attempt));
      long now = clock.millis();
      try (PreparedStatement ps = c.prepareStatement(doneSql)) {
        ps.setInt(1, attempt);
        ps.setLong(2, now);
        ps.setLong(3, now);
        ps.setString(4, key);
        ps.executeUpdate();
      }
      c.commit();
    } catch (Exception e) {
      failure = e;
      rollbackQuietly(c);
    }
    if (failure == null) {
      LOG.debug("Webhook inbox event {} handled on attempt {}", key, attempt);
      notify(l -> l.handled(key, row.provider(), attempt));
      return;
    }
    boolean dead = attempt >= maxAttempts;
    try (PreparedStatement ps = c.prepareStatement(failedSql)) {
      ps.setString(1, dead ? DEAD : PENDING);
      ps.setInt(2, attempt);
      ps.setString(3, describe(failure));
      ps.setLong(4, clock.millis());
      ps.setString(5, key);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly(c);
      e.addSuppressed(failure);
      throw e;
    }
    Exception cause = failure;
    if (dead) {
      LOG.error("Webhook inbox event {} is DEAD after {} attempts; replay it once the cause is fixed", key, attempt,
          cause);
      notify(l -> l.dead(key, row.provider(), attempt, cause));
      return; // the execution completes and is removed; the row stays DEAD
    }
    Duration delay = backoff(attempt);
    LOG.warn("Webhook inbox event {} failed on attempt {} of {}; retrying in {}: {}", key, attempt, maxAttempts, delay,
        cause.toString());
    notify(l -> l.retrying(key, row.provider(), attempt, delay, cause));
    throw new RetryLater(delay, cause);
  }

  private Row lockRow(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(lockSql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        return new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getLong(5), rs.getInt(6));
      }
    }
  }

  private void maintain() {
    if (closed) return;
    try {
      purgeDone();
      List<String> orphans = inTransaction("maintenance", c -> {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(orphansSql)) {
          ps.setMaxRows(ORPHAN_BATCH);
          ps.setLong(1, clock.millis() - maintenanceInterval.toMillis());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) keys.add(rs.getString(1));
          }
        }
        for (String key : keys) schedule(c, key, Instant.now());
        return keys;
      });
      if (!orphans.isEmpty()) {
        LOG.warn("Webhook inbox {} found {} pending events without an execution and scheduled them", inboxTable,
            orphans.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("Webhook inbox {} maintenance failed; it runs again in {}", inboxTable, maintenanceInterval, e);
    }
  }

  private Duration backoff(int attempt) {
    long first = firstRetry.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long millis = Math.min(maxRetry.toMillis(), first << shift);
    if (millis < 0) millis = maxRetry.toMillis();
    long jitter = millis / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(millis / 5 + 1);
    return Duration.ofMillis(Math.min(maxRetry.toMillis(), millis + jitter));
  }

  private static String describe(Throwable e) {
    String s = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    int q = s.indexOf('?');
    if (q >= 0) s = s.substring(0, q) + "?<redacted>"; // signed URLs carry their secrets in the query
    return s.length() > MAX_ERROR_CHARS ? s.substring(0, MAX_ERROR_CHARS - 3) + "..." : s;
  }

  private static InboxEntry entry(ResultSet rs) throws SQLException {
    return new InboxEntry(rs.getString(1), rs.getString(2), InboxEntry.State.valueOf(rs.getString(3)), rs.getInt(4),
        Optional.ofNullable(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)));
  }

  private void notify(java.util.function.Consumer<InboxListener> call) {
    if (listener == null) return;
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("InboxListener {} threw; ignored", listener, e);
    }
  }

  // ---- database plumbing ----

  /** Schedules the event's execution inside the caller's transaction, through db-scheduler's client. */
  private void schedule(Connection c, String key, Instant when) {
    bound.with(c, () -> boundClient.scheduleIfNotExists(eventTask.instance(key), when));
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T inTransaction(String operation, SqlWork<T> work) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new WebhookInboxException("Cannot get a database connection for the webhook inbox " + inboxTable
          + SqlErrors.describe(e) + ": check that the database is running and reachable and that the DataSource's"
          + " URL, user and password are right", e);
    }
    try (c) {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        if (autoCommit) restoreAutoCommit(c);
      }
    } catch (SQLException e) {
      throw translate(operation, e);
    } catch (WebhookInboxException e) {
      throw e;
    } catch (RuntimeException e) {
      // db-scheduler reports its SQL failures as its own runtime exceptions
      throw new WebhookInboxException("Webhook inbox " + operation + " on " + inboxTable + " and " + tasksTable
          + " failed: " + e + "; check that db-scheduler's table exists (see JdbcWebhookInbox.Dialect.ddl)", e);
    }
  }

  private void prepare() {
    if (ready) return;
    synchronized (lock) {
      if (ready) return;
      inTransactionUnprepared(c -> {
        Dialect dialect = configuredDialect != null ? configuredDialect
            : Dialect.detect(c.getMetaData().getDatabaseProductName());
        boolean missing = !exists(c, "SELECT event_key, provider, state, body, headers, received_at, attempts,"
            + " last_error, created_at, updated_at, done_at FROM " + inboxTable + " WHERE 1 = 0")
            || !exists(c, "SELECT task_name, task_instance, task_data, execution_time, picked, picked_by,"
            + " last_success, last_failure, consecutive_failures, last_heartbeat, version, priority FROM "
            + tasksTable + " WHERE 1 = 0");
        if (missing) {
          if (!createTables) throw missingTables(dialect, null);
          if (dialect == null) {
            throw new WebhookInboxException("Cannot create the webhook inbox tables on "
                + c.getMetaData().getDatabaseProductName() + ", for which no DDL ships: create them yourself after"
                + " dev/videojob/durable/sql/postgresql.sql, or set the dialect on the builder", null);
          }
          createTables(c, dialect);
        }
        return null;
      });
      customization = new AutodetectJdbcCustomization(dataSource, true);
      boundClient = SchedulerClient.Builder.create(bound, eventTask).tableName(tasksTable)
          .jdbcCustomization(customization).build();
      ready = true;
    }
  }

  private <T> T inTransactionUnprepared(SqlWork<T> work) {
    return inTransaction("prepare", work);
  }

  private boolean exists(Connection c, String probe) throws SQLException {
    // A failed statement aborts a PostgreSQL transaction: probe inside a savepoint-free auto-commit moment.
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.executeQuery(probe).close();
      return true;
    } catch (SQLException e) {
      if (SqlErrors.isMissingTable(e)) return false;
      throw new WebhookInboxException("The webhook inbox tables " + inboxTable + " and " + tasksTable + " exist but"
          + " lack columns the inbox needs" + SqlErrors.describe(e) + ": compare them with the DDL in"
          + " dev/videojob/durable/sql/", e);
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private void createTables(Connection c, Dialect dialect) throws SQLException {
    List<String> statements = Ddl.statements(dialect.ddl(inboxTable, tasksTable));
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          // Two instances starting together can both try; a CREATE ... IF NOT EXISTS may then fail on one.
          LOG.debug("Webhook inbox DDL statement failed, checking whether another instance created it: {}", sql, e);
        }
      }
    } finally {
      c.setAutoCommit(autoCommit);
    }
    if (!exists(c, "SELECT event_key FROM " + inboxTable + " WHERE 1 = 0")
        || !exists(c, "SELECT task_name FROM " + tasksTable + " WHERE 1 = 0")) {
      throw missingTables(dialect, null);
    }
    LOG.info("Created the webhook inbox tables {} and {} where missing ({} DDL)", inboxTable, tasksTable, dialect);
  }

  private WebhookInboxException missingTables(Dialect dialect, SQLException cause) {
    String ddl = dialect == null ? "dev/videojob/durable/sql/ (postgresql.sql, mariadb.sql or h2.sql)"
        : dialect.ddlResource() + " (JdbcWebhookInbox.Dialect." + dialect + ".ddl(\"" + inboxTable + "\", \""
        + tasksTable + "\"))";
    return new WebhookInboxException("The webhook inbox tables " + inboxTable + " and " + tasksTable + " do not both"
        + " exist: create them with the DDL in the class path resource " + ddl + ", or build the inbox with"
        + " createTablesIfMissing(true)", cause);
  }

  private WebhookInboxException translate(String operation, SQLException e) {
    if (SqlErrors.isMissingTable(e)) {
      ready = false;
      return missingTables(configuredDialect, e);
    }
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return new WebhookInboxException("Lost the database connection during " + operation + " on the webhook inbox "
          + inboxTable + SqlErrors.describe(e) + ": check that the database is up; the call may be retried", e);
    }
    return new WebhookInboxException("Webhook inbox " + operation + " on " + inboxTable + " failed"
        + SqlErrors.describe(e) + "; see the cause", e);
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.debug("could not restore auto-commit", e);
    }
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException("JdbcWebhookInbox on table " + inboxTable + " is closed");
  }

  /** Configures a {@link JdbcWebhookInbox}. Not thread-safe; the inbox it builds is. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Map<String, Registered> handlers = new LinkedHashMap<>();
    private String inboxTable = Ddl.INBOX_TABLE;
    private String tasksTable = Ddl.TASKS_TABLE;
    private boolean createTables;
    private Dialect dialect;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration firstRetry = DEFAULT_FIRST_RETRY;
    private Duration maxRetry = DEFAULT_MAX_RETRY;
    private Duration retention = IdempotencyStore.DEFAULT_RETENTION;
    private int threads = DEFAULT_THREADS;
    private Duration pollingInterval = DEFAULT_POLLING_INTERVAL;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration maintenanceInterval = DEFAULT_MAINTENANCE_INTERVAL;
    private InboxListener listener;
    private Clock clock = Clock.systemUTC();
    private String instanceName = defaultInstanceName();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    private static String defaultInstanceName() {
      String host = System.getenv("HOSTNAME");
      String name = (host == null || host.isBlank() ? "host" : host) + "-" + ProcessHandle.current().pid();
      return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }

    /**
     * Registers a provider's format and an at-least-once handler: it may run more than once for an event
     * (after a crash, or a failed commit), so make its effects idempotent. Prefer
     * {@link #transactionalHandler(WebhookFormat, TransactionalWebhookHandler)} when the effect is in this database.
     *
     * @param format the provider's webhook format (the one its pipeline uses)
     * @param handler the handler
     * @return this builder
     * @throws IllegalArgumentException if the provider already has a handler
     */
    public Builder handler(WebhookFormat format, WebhookHandler handler) {
      Objects.requireNonNull(handler, "handler == null");
      return transactionalHandler(format, (event, tx) -> handler.handle(event));
    }

    /**
     * Registers a provider's format and a handler that runs in the transaction marking the event done:
     * what it writes through {@link InboxTransaction#connection()} commits exactly once.
     *
     * @param format the provider's webhook format (the one its pipeline uses)
     * @param handler the handler
     * @return this builder
     * @throws IllegalArgumentException if the provider already has a handler
     */
    public Builder transactionalHandler(WebhookFormat format, TransactionalWebhookHandler handler) {
      Objects.requireNonNull(format, "format == null");
      Objects.requireNonNull(handler, "handler == null");
      if (handlers.putIfAbsent(format.provider(), new Registered(format, handler)) != null) {
        throw new IllegalArgumentException("provider " + format.provider() + " already has a handler in this inbox");
      }
      return this;
    }

    /**
     * Sets the inbox table. Default {@code videojob_webhook_inbox}.
     *
     * @param name letters, digits and underscores (at most 48), optionally {@code schema.table}
     * @return this builder
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder inboxTable(String name) {
      this.inboxTable = Ddl.validateTableName(name, "inboxTable");
      return this;
    }

    /**
     * Sets db-scheduler's table; default {@code scheduled_tasks}, which an application already using
     * db-scheduler can share.
     *
     * @param name letters, digits and underscores (at most 48), optionally {@code schema.table}
     * @return this builder
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder tasksTable(String name) {
      this.tasksTable = Ddl.validateTableName(name, "tasksTable");
      return this;
    }

    /**
     * Sets whether the first use creates missing tables with the shipped DDL of the dialect. Default false:
     * the tables must exist, and a missing one is a {@link WebhookInboxException} that says which DDL to run.
     *
     * @param create whether to create missing tables
     * @return this builder
     */
    public Builder createTablesIfMissing(boolean create) {
      this.createTables = create;
      return this;
    }

    /**
     * Sets the dialect whose DDL creates the tables, for a database not recognised by its product name.
     * Default: detected from the connection's metadata.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect == null");
      return this;
    }

    /**
     * Sets how many times an event's handler runs before the event is DEAD; default {@value JdbcWebhookInbox#DEFAULT_MAX_ATTEMPTS}.
     *
     * @param attempts positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxAttempts(int attempts) {
      if (attempts <= 0) throw new IllegalArgumentException("maxAttempts must be positive: " + attempts);
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Sets the wait before the first retry (doubled for each further one, plus up to 20% jitter) and the
     * longest wait; defaults {@link JdbcWebhookInbox#DEFAULT_FIRST_RETRY} and {@link JdbcWebhookInbox#DEFAULT_MAX_RETRY}.
     *
     * @param first positive
     * @param max at least first
     * @return this builder
     * @throws IllegalArgumentException if either is not positive or max is less than first
     */
    public Builder retryBackoff(Duration first, Duration max) {
      positive(first, "first");
      positive(max, "max");
      if (max.compareTo(first) < 0) throw new IllegalArgumentException("max " + max + " is less than first " + first);
      this.firstRetry = first;
      this.maxRetry = max;
      return this;
    }

    /**
     * Sets how long a handled event is kept, so that a late redelivery is a duplicate; default
     * {@link IdempotencyStore#DEFAULT_RETENTION} (7 days, CreativeAI's de-duplication window).
     *
     * @param retention positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /**
     * Sets how many handlers run at once on this instance; default {@value JdbcWebhookInbox#DEFAULT_THREADS}.
     *
     * @param threads positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder threads(int threads) {
      if (threads <= 0) throw new IllegalArgumentException("threads must be positive: " + threads);
      this.threads = threads;
      return this;
    }

    /**
     * Sets how often this instance looks for due events stored by other instances; default
     * {@link JdbcWebhookInbox#DEFAULT_POLLING_INTERVAL}. Events stored on this instance start at once.
     *
     * @param interval positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder pollingInterval(Duration interval) {
      this.pollingInterval = positive(interval, "interval");
      return this;
    }

    /**
     * Sets how often a running event's heartbeat is written; after six missed heartbeats another instance
     * takes the event over. Default {@link JdbcWebhookInbox#DEFAULT_HEARTBEAT_INTERVAL}.
     *
     * @param interval positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval, "interval");
      return this;
    }

    /**
     * Sets how often the maintenance task purges handled events past their retention and schedules pending
     * events that lost their execution; default {@link JdbcWebhookInbox#DEFAULT_MAINTENANCE_INTERVAL}.
     *
     * @param interval positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maintenanceInterval(Duration interval) {
      this.maintenanceInterval = positive(interval, "interval");
      return this;
    }

    /**
     * Sets a listener for operations (metrics, alerts); default none.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(InboxListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets the clock for the inbox's own times (created, done, retention); default {@link Clock#systemUTC()}.
     * db-scheduler's schedule follows the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the name this instance gives db-scheduler (shown as {@code picked_by}); default the host name and
     * process id.
     *
     * @param name 1 to 50 characters
     * @return this builder
     * @throws IllegalArgumentException if blank or longer than 50 characters
     */
    public Builder instanceName(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || name.length() > 50) {
        throw new IllegalArgumentException("instanceName must be 1 to 50 characters: '" + name + "'");
      }
      this.instanceName = name;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive: " + d);
      return d;
    }

    /**
     * Builds the inbox. Opens no connection: the first use checks the tables (and creates them if asked to).
     *
     * @return the inbox; {@link JdbcWebhookInbox#start() start} it on the instances that should process
     * @throws IllegalStateException if no handler is registered
     */
    public JdbcWebhookInbox build() {
      if (handlers.isEmpty()) {
        throw new IllegalStateException("No handler registered: add handler(format, handler) for each provider"
            + " (or transactionalHandler(format, handler)) whose pipeline uses this inbox");
      }
      return new JdbcWebhookInbox(this);
    }
  }
}
