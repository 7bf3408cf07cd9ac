package dev.videojob.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.core.IdempotencyStoreException;
import dev.videojob.core.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the JDBC store does without a working database: configuration, DDL and connection failures. */
class JdbcIdempotencyStoreTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "1table", "idem; DROP TABLE users", "idem-keys", "\"idem\"", "a.b.c", "a.",
      "x23456789012345678901234567890123456789012345678_too_long"})
  void rejectsATableNameThatIsNotAPlainIdentifier(String name) {
    JdbcIdempotencyStore.Builder builder = JdbcIdempotencyStore.builder(TestDatabases.h2("unused"));

    assertThatThrownBy(() -> builder.tableName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a plain SQL identifier");
  }

  @Test
  void acceptsASchemaQualifiedTableName() {
    JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(TestDatabases.h2("unused"))
        .tableName("billing.webhook_keys").build();

    assertThat(store.tableName()).isEqualTo("billing.webhook_keys");
  }

  @Test
  void defaultTableIsVideojobIdempotency() {
    assertThat(JdbcIdempotencyStore.builder(TestDatabases.h2("unused")).build().tableName())
        .isEqualTo("videojob_idempotency");
  }

  @Test
  void unreachableDatabaseIsAnErrorThatSaysWhatToCheck() {
    // Nothing listens on port 1; the driver is refused at once.
    var dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=5");
    try (JdbcIdempotencyStore store = JdbcIdempotencyStore.builder(dataSource).build()) {
      assertThatThrownBy(() -> store.claim("delivery-1", Duration.ofSeconds(30)))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining("Cannot get a database connection for the idempotency table videojob_idempotency")
          .hasMessageContaining("SQLState 08001")
          .hasMessageContaining("check that the database is running");
    }
  }

  @Test
  void ddlForAnotherTableNamesTheTableAndItsIndex() {
    String ddl = JdbcIdempotencyStore.Dialect.POSTGRESQL.ddl("billing.webhook_keys");

    assertThat(ddl)
        .contains("CREATE TABLE IF NOT EXISTS billing.webhook_keys (")
        .contains("CREATE INDEX IF NOT EXISTS webhook_keys_expires_idx ON billing.webhook_keys (expires_at)")
        .doesNotContain("videojob_idempotency");
  }

  @Test
  void mariaDbDdlStoresKeysAsBytesSoCaseAndTrailingSpacesCount() {
    assertThat(JdbcIdempotencyStore.Dialect.MARIADB.ddl("videojob_idempotency"))
        .contains("idem_key   VARBINARY(1020) NOT NULL")
        .contains("INDEX videojob_idempotency_expires_idx (expires_at)");
  }

  @Test
  void rejectsAnInvalidTableNameForDdl() {
    assertThatThrownBy(() -> JdbcIdempotencyStore.Dialect.H2.ddl("x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detectsTheDialectFromTheProductName() {
    assertThat(JdbcIdempotencyStore.Dialect.detect("PostgreSQL")).isEqualTo(JdbcIdempotencyStore.Dialect.POSTGRESQL);
    assertThat(JdbcIdempotencyStore.Dialect.detect("MariaDB")).isEqualTo(JdbcIdempotencyStore.Dialect.MARIADB);
    assertThat(JdbcIdempotencyStore.Dialect.detect("MySQL")).isEqualTo(JdbcIdempotencyStore.Dialect.MARIADB);
    assertThat(JdbcIdempotencyStore.Dialect.detect("H2")).isEqualTo(JdbcIdempotencyStore.Dialect.H2);
    assertThat(JdbcIdempotencyStore.Dialect.detect("Oracle")).isNull();
  }
}
