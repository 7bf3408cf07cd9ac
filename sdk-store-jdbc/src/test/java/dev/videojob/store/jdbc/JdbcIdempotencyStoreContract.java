package dev.videojob.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.store.jdbc.internal.SqlScript;
import dev.videojob.core.Claim;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.IdempotencyStoreContract;
import dev.videojob.core.IdempotencyStoreException;
import dev.videojob.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on the JDBC store against one database, plus what only the JDBC store does:
 * the table, its DDL, purging and keys as stored. Each test gets its own table, dropped after.
 */
abstract class JdbcIdempotencyStoreContract extends IdempotencyStoreContract {
  /** A table no other test (or concurrent build) uses. */
  protected final String table = "vj_idem_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private final List<String> tablesToDrop = new ArrayList<>(List.of(table));

  /** @return the database under test; a subclass has made sure it is reachable */
  protected abstract DataSource dataSource();

  /** @return the dialect the store should detect on this database */
  protected abstract JdbcIdempotencyStore.Dialect expectedDialect();

  @Override
  protected IdempotencyStore newNode() {
    return builder().createTableIfMissing(true).build();
  }

  private JdbcIdempotencyStore.Builder builder() {
    return JdbcIdempotencyStore.builder(dataSource()).tableName(table).clock(clock);
  }

  @AfterEach
  void dropTables() throws SQLException {
    for (String t : tablesToDrop) TestDatabases.execute(dataSource(), "DROP TABLE IF EXISTS " + t);
  }

  @Test
  void missingTableIsAnErrorThatSaysWhichDdlToRun() {
    try (JdbcIdempotencyStore store = builder().build()) {
      assertThatThrownBy(() -> store.claim("delivery-1", LEASE))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining("Idempotency table " + table + " does not exist")
          .hasMessageContaining(expectedDialect().ddlResource())
          .hasMessageContaining("createTableIfMissing(true)");
    }
  }

  @Test
  void shippedDdlCreatesATableTheStoreUses() throws SQLException {
    for (String sql : SqlScript.statements(expectedDialect().ddl(table))) TestDatabases.execute(dataSource(), sql);

    try (JdbcIdempotencyStore store = builder().build()) {
      store.complete(store.claim("delivery-1", LEASE), RETENTION);
      assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void shippedDdlRunsAgainOnAnExistingTable() throws SQLException {
    for (int i = 0; i < 2; i++) {
      for (String sql : SqlScript.statements(expectedDialect().ddl(table))) TestDatabases.execute(dataSource(), sql);
    }

    try (JdbcIdempotencyStore store = builder().build()) {
      assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
    }
  }

  @Test
  void doneKeysSurviveARestart() {
    try (JdbcIdempotencyStore beforeRestart = builder().createTableIfMissing(true).build()) {
      beforeRestart.complete(beforeRestart.claim("delivery-1", LEASE), RETENTION);
    }

    try (JdbcIdempotencyStore afterRestart = builder().build()) {
      assertThat(afterRestart.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void commitsEachChangeWhenThePoolHandsOutConnectionsWithAutoCommitOff() {
    try (JdbcIdempotencyStore manual = JdbcIdempotencyStore.builder(TestDatabases.withAutoCommitOff(dataSource()))
        .tableName(table).createTableIfMissing(true).clock(clock).build();
         JdbcIdempotencyStore other = builder().build()) {
      manual.complete(manual.claim("delivery-1", LEASE), RETENTION);

      assertThat(other.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void purgeDeletesOnlyRowsWhoseLeaseOrRetentionRanOut() throws SQLException {
    try (JdbcIdempotencyStore store = builder().createTableIfMissing(true).build()) {
      store.complete(store.claim("short", LEASE), Duration.ofSeconds(10));
      store.complete(store.claim("long", LEASE), RETENTION);
      store.claim("abandoned", Duration.ofSeconds(5));
      store.claim("working", Duration.ofHours(1));
      clock.advance(Duration.ofSeconds(10));

      assertThat(store.purgeExpired()).isEqualTo(2);
      assertThat(storedKeys()).containsExactlyInAnyOrder("long", "working");
    }
  }

  @Test
  void releaseDeletesTheRow() throws SQLException {
    try (JdbcIdempotencyStore store = builder().createTableIfMissing(true).build()) {
      store.release(store.claim("delivery-1", LEASE));

      assertThat(storedKeys()).isEmpty();
    }
  }

  @Test
  void keysLongerThan255CharactersAreStoredAsTheirSha256() throws SQLException {
    try (JdbcIdempotencyStore store = builder().createTableIfMissing(true).build()) {
      store.claim("k".repeat(255), LEASE);
      store.claim("k".repeat(256), LEASE);

      // sha256 of 256 times "k", computed outside Java
      assertThat(storedKeys()).containsExactlyInAnyOrder("k".repeat(255),
          "sha256:ce16fe78208a4e93f7158e62393680e025b2ad584f4e875ce903a654bb74cf93");
    }
  }

  @Test
  void worksInANamedSchemaWhenGivenSchemaDotTable() throws SQLException {
    String schemaTable = schemaForTest() + "." + table;
    tablesToDrop.add(schemaTable);
    try (JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(dataSource()).tableName(schemaTable)
        .createTableIfMissing(true).clock(clock).build()) {
      store.complete(store.claim("delivery-1", LEASE), RETENTION);

      assertThat(store.claim("delivery-1", LEASE).state()).isEqualTo(Claim.State.DONE);
    }
  }

  @Test
  void tableWithoutTheExpectedColumnsIsAClearError() throws SQLException {
    TestDatabases.execute(dataSource(), "CREATE TABLE " + table + " (idem_key VARCHAR(255) PRIMARY KEY)");

    try (JdbcIdempotencyStore store = builder().createTableIfMissing(true).build()) {
      assertThatThrownBy(() -> store.claim("delivery-1", LEASE))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining("lacks the columns");
    }
  }

  @Test
  void tableDroppedWhileRunningIsCreatedAgainWhenAllowed() throws SQLException {
    try (JdbcIdempotencyStore store = builder().createTableIfMissing(true).build()) {
      store.claim("delivery-1", LEASE);
      TestDatabases.execute(dataSource(), "DROP TABLE " + table);

      assertThatThrownBy(() -> store.claim("delivery-2", LEASE))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining("does not exist");
      assertThat(store.claim("delivery-2", LEASE).state()).isEqualTo(Claim.State.CLAIMED);
    }
  }

  /** @return a schema the test may create a table in */
  protected abstract String schemaForTest() throws SQLException;

  private List<String> storedKeys() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT idem_key FROM " + table);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) keys.add(rs.getString(1));
    }
    return keys;
  }
}
