package dev.videojob.store.jdbc;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.core.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store on the MariaDB server at 127.0.0.1:3306. */
class MariaDbJdbcIdempotencyStoreTest extends JdbcIdempotencyStoreContract {
  private static final DataSource MARIADB = TestDatabases.mariadb();

  @BeforeAll
  static void requireMariaDb() {
    RequiredServices.assume(TestDatabases.reachable(MARIADB),
        "MariaDB not reachable at 127.0.0.1:3306 (user root, empty password, database test)");
  }

  @Override
  protected DataSource dataSource() {
    return MARIADB;
  }

  @Override
  protected JdbcIdempotencyStore.Dialect expectedDialect() {
    return JdbcIdempotencyStore.Dialect.MARIADB;
  }

  @Override
  protected String schemaForTest() {
    return "test"; // in MariaDB a schema is a database; the tests' database is test
  }
}
