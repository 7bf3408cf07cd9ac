package dev.videojob.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsAtSemicolonsThatEndALineAndDropsCommentLines() {
    String script = "-- a comment; with a semicolon\nCREATE TABLE t (\n  a INT\n);\nCREATE INDEX i ON t (a);\n";

    assertThat(SqlScript.statements(script)).containsExactly("CREATE TABLE t (\na INT\n)", "CREATE INDEX i ON t (a)");
  }

  @Test
  void renamesTheTableAndTheObjectsNamedAfterIt() {
    String script = "CREATE TABLE videojob_idempotency (k INT);\n"
        + "CREATE INDEX videojob_idempotency_expires_idx ON videojob_idempotency (k);";

    assertThat(SqlScript.forTable(script, "app.keys"))
        .isEqualTo("CREATE TABLE app.keys (k INT);\nCREATE INDEX keys_expires_idx ON app.keys (k);");
  }

  @Test
  void shippedScriptsSplitIntoTableAndIndexStatements() {
    Map<String, Integer> statements = Map.of("postgresql.sql", 2, "h2.sql", 2, "mariadb.sql", 1);
    statements.forEach((file, count) -> {
      String script = SqlScript.load("dev/videojob/store/jdbc/sql/" + file);

      assertThat(SqlScript.statements(script)).as(file).hasSize(count)
          .first().asString().startsWith("CREATE TABLE IF NOT EXISTS videojob_idempotency (");
    });
  }
}
