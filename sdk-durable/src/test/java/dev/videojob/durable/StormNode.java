package dev.videojob.durable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.videojob.store.jdbc.JdbcIdempotencyStore;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookPipeline;
import dev.videojob.webhooks.WebhookServlet;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One application instance of the storm test: an embedded Jetty on loopback with a {@link WebhookServlet} for
 * the shop provider, in the durable mode (a started {@link JdbcWebhookInbox}) or the synchronous mode (a shared
 * {@link JdbcIdempotencyStore}). Its handler fails every seventh job once (remembered in a table, so across
 * instances) and records each effect in the effects table: through the inbox's transaction in the durable mode,
 * on its own connection in the synchronous one.
 *
 * <p>The test runs one node in its own JVM and another with {@link #main} in a child JVM, which it kills with
 * {@code kill -9}; the child prints {@code STORM-NODE-PORT <port>} once it listens.
 */
final class StormNode {
  static final String PATH = "/webhooks/shop";

  record Config(String mode, String jdbcUrl, String inboxTable, String tasksTable, String effectsTable,
      String failTable, String storeTable, String instance) {
    String[] args() {
      return new String[] {mode, jdbcUrl, inboxTable, tasksTable, effectsTable, failTable, storeTable, instance};
    }

    static Config of(String[] a) {
      return new Config(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }
  }

  private final HikariDataSource pool;
  private final Server server;
  private final JdbcWebhookInbox inbox;
  private final WebhookPipeline pipeline;
  private final int port;

  StormNode(Config config) throws Exception {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setMaximumPoolSize(12);
    hc.setPoolName("storm-" + config.instance());
    this.pool = new HikariDataSource(hc);
    String effects = config.effectsTable();
    String fails = config.failTable();
    if (config.mode().equals("durable")) {
      inbox = JdbcWebhookInbox.builder(pool).inboxTable(config.inboxTable()).tasksTable(config.tasksTable())
          .createTablesIfMissing(true).instanceName(config.instance()).threads(4)
          .pollingInterval(Duration.ofMillis(250)).heartbeatInterval(Duration.ofMillis(500))
          .retryBackoff(Duration.ofMillis(100), Duration.ofMillis(500)).maintenanceInterval(Duration.ofSeconds(5))
          .transactionalHandler(new ShopFormat(), (event, tx) -> {
            failOnceForEverySeventhJob(pool, fails, event);
            recordEffect(tx.connection(), effects, event, config.instance());
          }).build();
      inbox.start();
      pipeline = WebhookPipeline.builder(new ShopFormat()).secret(ShopFormat.SECRET).inbox(inbox).build();
    } else {
      inbox = null;
      JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(pool).tableName(config.storeTable())
          .createTableIfMissing(true).build();
      pipeline = WebhookPipeline.builder(new ShopFormat()).secret(ShopFormat.SECRET).idempotencyStore(store)
          .lease(Duration.ofSeconds(3)).handler(event -> {
            failOnceForEverySeventhJob(pool, fails, event);
            try (Connection c = pool.getConnection()) {
              recordEffect(c, effects, event, config.instance());
            }
          }).build();
    }
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new WebhookServlet(pipeline)), PATH);
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  int port() {
    return port;
  }

  JdbcWebhookInbox inbox() {
    return inbox;
  }

  static int jobNumber(WebhookEvent event) {
    String id = event.jobId().orElseThrow();
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  private static void failOnceForEverySeventhJob(DataSource pool, String fails, WebhookEvent event) throws SQLException {
    if (jobNumber(event) % 7 != 0) return;
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO " + fails + " (job_id) VALUES (?)")) {
      ps.setString(1, event.jobId().orElseThrow());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) return; // failed once already
      throw e;
    }
    throw new IllegalStateException("injected failure for " + event.jobId().orElseThrow());
  }

  private static void recordEffect(Connection c, String effects, WebhookEvent event, String instance) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + effects + " (job_id, instance) VALUES (?, ?)")) {
      ps.setString(1, event.jobId().orElseThrow());
      ps.setString(2, instance);
      ps.executeUpdate();
    }
  }

  void stop() throws Exception {
    server.stop();
    pipeline.close();
    if (inbox != null) inbox.close();
    pool.close();
  }

  /**
   * Runs a node until the process is killed.
   *
   * @param args the {@link Config} values in order
   * @throws Exception if it cannot start
   */
  public static void main(String[] args) throws Exception {
    StormNode node = new StormNode(Config.of(args));
    System.out.write(("STORM-NODE-PORT " + node.port() + "\n").getBytes(StandardCharsets.UTF_8));
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
