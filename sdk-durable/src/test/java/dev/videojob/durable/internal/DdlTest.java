package dev.videojob.durable.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videojob.durable.JdbcWebhookInbox;
import org.junit.jupiter.api.Test;

class DdlTest {

  @Test
  void renamesBothTablesAndTheirIndexesForEveryDialect() {
    for (JdbcWebhookInbox.Dialect d : JdbcWebhookInbox.Dialect.values()) {
      String ddl = d.ddl("app.my_inbox", "app.my_tasks");
      assertThat(String.join("\n", Ddl.statements(ddl))).as(d.name()).doesNotContain("videojob_webhook_inbox").doesNotContain("scheduled_tasks")
          .contains("CREATE TABLE IF NOT EXISTS app.my_inbox").contains("CREATE TABLE IF NOT EXISTS app.my_tasks")
          .contains("my_inbox_state_idx");
      assertThat(Ddl.statements(ddl)).as(d.name()).allSatisfy(s -> assertThat(s).doesNotEndWith(";"))
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void refusesATableNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> JdbcWebhookInbox.Dialect.H2.ddl("inbox; DROP TABLE users", "tasks"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain SQL identifier");
  }
}
