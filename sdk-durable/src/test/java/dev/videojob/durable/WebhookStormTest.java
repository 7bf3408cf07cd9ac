package dev.videojob.durable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.core.testing.TestDatabases;
import dev.videojob.webhooks.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thousands of signed deliveries, with duplicates, forgeries and malformed bodies, from many threads into two
 * application instances that share a database, while handlers fail some events once and the second instance,
 * a separate JVM, is killed with {@code kill -9} mid-storm. The "provider" redelivers whatever was not answered
 * 2xx (a 5xx, or no answer at all) to the surviving instance, as providers do.
 *
 * <p>Durable mode: each valid event's effect happens exactly once (the handler writes through the inbox's
 * transaction). Synchronous mode: at least once, never lost. Every forgery is answered 401, every malformed
 * body 400. Bounded: a fixed number of deliveries, each retried at most {@value #MAX_ATTEMPTS} times, all on
 * loopback, within {@link #DEADLINE}.
 */
@Tag("storm")
class WebhookStormTest {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebhookStormTest.class);
  private static final int MAX_ATTEMPTS = 200;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final int SENDERS = 8;

  @Test
  void durableOnPostgresEveryValidEventTakesEffectExactlyOnceThroughAKillMinus9() throws Exception {
    requireReachable(TestDatabases.postgres(), "PostgreSQL");
    Storm storm = new Storm("durable", TestDatabases.POSTGRES_URL, TestDatabases.postgres(), 1500);
    try {
      storm.run();
      storm.assertExactlyOnce();
    } finally {
      storm.cleanUp();
    }
  }

  @Test
  void durableOnMariaDbEveryValidEventTakesEffectExactlyOnceThroughAKillMinus9() throws Exception {
    requireReachable(TestDatabases.mariadb(), "MariaDB");
    Storm storm = new Storm("durable", TestDatabases.MARIADB_URL, TestDatabases.mariadb(), 800);
    try {
      storm.run();
      storm.assertExactlyOnce();
    } finally {
      storm.cleanUp();
    }
  }

  @Test
  void synchronousOnPostgresEveryValidEventTakesEffectAtLeastOnceThroughAKillMinus9() throws Exception {
    requireReachable(TestDatabases.postgres(), "PostgreSQL");
    Storm storm = new Storm("sync", TestDatabases.POSTGRES_URL, TestDatabases.postgres(), 800);
    try {
      storm.run();
      storm.assertAtLeastOnce();
    } finally {
      storm.cleanUp();
    }
  }

  private static void requireReachable(DataSource ds, String name) {
    RequiredServices.assume(TestDatabases.reachable(ds), name + " not reachable on 127.0.0.1 (see TestDatabases)");
  }

  private enum Kind { VALID, FORGED, MALFORMED }

  private record Delivery(Kind kind, int job, byte[] body, Map<String, String> headers) {}

  /** One storm: the tables, the two nodes, the deliveries and what was answered. */
  private static final class Storm {
    private final String mode;
    private final DataSource db;
    private final int events;
    private final StormNode.Config local;
    private final StormNode.Config remote;
    private final Map<Integer, Integer> finalStatus = new ConcurrentHashMap<>();
    private final AtomicInteger answeredByChild = new AtomicInteger();
    private final AtomicInteger sentToSurvivorAfterKill = new AtomicInteger();
    private final List<Delivery> deliveries = new ArrayList<>();
    private StormNode node;

    Storm(String mode, String url, DataSource db, int events) {
      this.mode = mode;
      this.db = db;
      this.events = events;
      String s = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
      String[] names = {"vj_storm_inbox_" + s, "vj_storm_tasks_" + s, "vj_storm_effects_" + s, "vj_storm_fail_" + s,
          "vj_storm_idem_" + s};
      local = new StormNode.Config(mode, url, names[0], names[1], names[2], names[3], names[4], "storm-a-" + s);
      remote = new StormNode.Config(mode, url, names[0], names[1], names[2], names[3], names[4], "storm-b-" + s);
    }

    void run() throws Exception {
      TestDatabases.execute(db, "CREATE TABLE " + local.effectsTable() + " (job_id VARCHAR(64) NOT NULL, instance VARCHAR(64) NOT NULL)");
      TestDatabases.execute(db, "CREATE TABLE " + local.failTable() + " (job_id VARCHAR(64) NOT NULL PRIMARY KEY)");
      Process child = null;
      try {
        node = new StormNode(local); // creates the tables before the child starts
        Path log = Files.createTempFile("storm-node-", ".log");
        child = startChild(log);
        int childPort = awaitPort(child, log);
        run(URI.create("http://127.0.0.1:" + node.port() + StormNode.PATH),
            URI.create("http://127.0.0.1:" + childPort + StormNode.PATH), child);
      } finally {
        if (child != null) child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    private Process startChild(Path log) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", StormNode.class.getName()));
      Collections.addAll(command, remote.args());
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int awaitPort(Process child, Path log) throws Exception {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end) {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("STORM-NODE-PORT ")) return Integer.parseInt(line.substring(16).trim());
        }
        if (!child.isAlive()) throw new IllegalStateException("storm node exited: " + Files.readString(log));
        Thread.sleep(50);
      }
      throw new IllegalStateException("storm node did not start: " + Files.readString(log));
    }

    private void run(URI survivor, URI victim, Process child) throws Exception {
      Random random = new Random(12);
      for (int i = 0; i < events; i++) {
        byte[] body = ShopFormat.body("job.completed", "storm-" + i, "completed").getBytes(StandardCharsets.UTF_8);
        Delivery d = new Delivery(Kind.VALID, i, body, ShopFormat.signedHeaders(body, "dlv-" + i));
        deliveries.add(d);
        if (random.nextInt(100) < 30) deliveries.add(new Delivery(Kind.VALID, i, body, d.headers())); // a duplicate
      }
      for (int i = 0; i < events / 8; i++) {
        byte[] body = ShopFormat.body("job.completed", "forged-" + i, "completed").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(WebhookSigner.of(ShopFormat.SCHEME, "not-the-secret-0000").sign(body));
        headers.put("X-Shop-Delivery", "forged-" + i);
        deliveries.add(new Delivery(Kind.FORGED, -1, body, headers));
        byte[] bad = ("{\"event\":\"job.completed\",\"job_id\":" + i).getBytes(StandardCharsets.UTF_8);
        deliveries.add(new Delivery(Kind.MALFORMED, -1, bad, ShopFormat.signedHeaders(bad, "bad-" + i)));
      }
      Collections.shuffle(deliveries, random);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      AtomicBoolean childAlive = new AtomicBoolean(true);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      int killAt = deliveries.size() / 3;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < SENDERS; t++) {
        running.add(senders.submit(() -> {
          for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
            Delivery d = deliveries.get(i);
            int index = i;
            boolean toChild = i % 2 == 1;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
              boolean child2 = toChild && childAlive.get();
              if (toChild && !child2) sentToSurvivorAfterKill.incrementAndGet();
              Integer status = send(http, child2 ? victim : survivor, d);
              if (status != null && status < 500) {
                finalStatus.put(index, status);
                if (child2) answeredByChild.incrementAndGet();
                break;
              }
              Thread.sleep(50L + random(attempt)); // the provider's redelivery, sooner than its Retry-After
            }
            if (done.incrementAndGet() == killAt && childAlive.compareAndSet(true, false)) {
              child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) f.get(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
      senders.shutdown();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child was killed").isTrue();
      assertThat(answeredByChild.get()).as("the killed instance had acknowledged deliveries").isPositive();
      LOG.info("{} storm: {} deliveries ({} valid events); the child answered {} before its kill -9 at delivery {};"
          + " {} attempts went to the survivor after it", mode, deliveries.size(), events, answeredByChild.get(), killAt,
          sentToSurvivorAfterKill.get());
    }

    private static long random(int attempt) {
      return java.util.concurrent.ThreadLocalRandom.current().nextLong(50L * Math.min(attempt, 4));
    }

    private static Integer send(HttpClient http, URI target, Delivery d) {
      HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
          .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).header("Content-Type", "application/json");
      d.headers().forEach(b::header);
      try {
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return null; // no answer (the instance died): the provider delivers again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    private void assertAnswers() {
      assertThat(finalStatus).as("every delivery got a final answer").hasSize(deliveries.size());
      for (int i = 0; i < deliveries.size(); i++) {
        Delivery d = deliveries.get(i);
        int expected = switch (d.kind()) {
          case VALID -> 200;
          case FORGED -> 401;
          case MALFORMED -> 400;
        };
        assertThat(finalStatus.get(i)).as(d.kind() + " delivery of job " + d.job()).isEqualTo(expected);
      }
    }

    void assertExactlyOnce() throws Exception {
      assertAnswers();
      JdbcWebhookInbox inbox = node.inbox();
      Eventually.await("the inbox drained", DEADLINE, () -> {
        InboxStats s = inbox.stats();
        return s.pending() == 0 && s.done() == events;
      });
      assertThat(inbox.stats().dead()).isZero();
      Map<String, Integer> effects = effects();
      assertThat(effects).as("one effect per valid event").hasSize(events);
      assertThat(effects.values()).as("no effect twice").containsOnly(1);
    }

    void assertAtLeastOnce() throws Exception {
      assertAnswers();
      Map<String, Integer> effects = effects();
      assertThat(effects).as("every valid event took effect (never lost)").hasSize(events);
      assertThat(effects.values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    private Map<String, Integer> effects() throws SQLException {
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
          "SELECT instance, COUNT(*) FROM " + local.effectsTable() + " GROUP BY instance"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) LOG.info("{} storm: {} effects by {}", mode, rs.getInt(2), rs.getString(1));
      }
      Map<String, Integer> out = new HashMap<>();
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
          "SELECT job_id, COUNT(*) FROM " + local.effectsTable() + " GROUP BY job_id"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
      }
      return out;
    }

    void cleanUp() throws Exception {
      if (node != null) node.stop();
      for (String t : List.of(local.inboxTable(), local.tasksTable(), local.effectsTable(), local.failTable(),
          local.storeTable())) {
        TestDatabases.execute(db, "DROP TABLE IF EXISTS " + t);
      }
    }
  }
}
