package dev.videojob.durable;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.core.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The webhook inbox on the PostgreSQL server at 127.0.0.1:5432. */
class PostgresJdbcWebhookInboxTest extends JdbcWebhookInboxContract {
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
}
