package dev.videojob.store.jdbc;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.core.testing.TestDatabases;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store on the PostgreSQL server at 127.0.0.1:5432. */
class PostgresJdbcIdempotencyStoreTest extends JdbcIdempotencyStoreContract {
  private static final DataSource POSTGRES = TestDatabases.postgres();

  @BeforeAll
  static void requirePostgres() {
    RequiredServices.assume(TestDatabases.reachable(POSTGRES),
        "PostgreSQL not reachable at 127.0.0.1:5432 (user postgres, trust auth, database test)");
  }

  @Override
  protected DataSource dataSource() {
    return POSTGRES;
  }

  @Override
  protected JdbcIdempotencyStore.Dialect expectedDialect() {
    return JdbcIdempotencyStore.Dialect.POSTGRESQL;
  }

  @Override
  protected String schemaForTest() throws SQLException {
    TestDatabases.execute(POSTGRES, "CREATE SCHEMA IF NOT EXISTS vj_test_schema");
    return "vj_test_schema";
  }
}
