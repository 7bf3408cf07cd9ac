package dev.videojob.durable;

import dev.videojob.core.testing.TestDatabases;
import javax.sql.DataSource;

/** The webhook inbox on an in-process H2 database. */
class H2JdbcWebhookInboxTest extends JdbcWebhookInboxContract {
  private static final DataSource H2 = TestDatabases.h2("inbox_" + ProcessHandle.current().pid());

  @Override
  protected DataSource dataSource() {
    return H2;
  }
}
