package dev.videojob.durable;

import dev.videojob.core.testing.RequiredServices;
import dev.videojob.core.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The webhook inbox on the MariaDB server at 127.0.0.1:3306, with connections handed out auto-commit off. */
class MariaDbJdbcWebhookInboxTest extends JdbcWebhookInboxContract {
  private static final DataSource MARIADB = TestDatabases.withAutoCommitOff(TestDatabases.mariadb());

  @BeforeAll
  static void requireMariaDb() {
    RequiredServices.assume(TestDatabases.reachable(MARIADB),
        "MariaDB not reachable at 127.0.0.1:3306 (user root, empty password, database test)");
  }

  @Override
  protected DataSource dataSource() {
    return MARIADB;
  }
}
