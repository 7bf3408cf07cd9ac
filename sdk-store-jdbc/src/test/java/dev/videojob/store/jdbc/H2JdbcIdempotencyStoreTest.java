package dev.videojob.store.jdbc;

import dev.videojob.core.testing.TestDatabases;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The JDBC store on an in-process H2 database. */
class H2JdbcIdempotencyStoreTest extends JdbcIdempotencyStoreContract {
  private static final DataSource H2 = TestDatabases.h2("idempotency_" + ProcessHandle.current().pid());

  @Override
  protected DataSource dataSource() {
    return H2;
  }

  @Override
  protected JdbcIdempotencyStore.Dialect expectedDialect() {
    return JdbcIdempotencyStore.Dialect.H2;
  }

  @Override
  protected String schemaForTest() throws SQLException {
    TestDatabases.execute(H2, "CREATE SCHEMA IF NOT EXISTS vj_test_schema");
    return "vj_test_schema";
  }
}
