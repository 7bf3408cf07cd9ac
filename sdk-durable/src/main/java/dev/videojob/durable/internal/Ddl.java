package dev.videojob.durable.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the DDL shipped with the durable module and adapts it to the application's table names.
 *
 * <p>The scripts name the tables {@code videojob_webhook_inbox} and {@code scheduled_tasks}, and their
 * indexes {@code <table>_<suffix>}. For other names each table reference becomes the (possibly
 * schema-qualified) name and each index name the unqualified table name plus the suffix. Statements end
 * with a {@code ;} at the end of a line; lines starting with {@code --} are comments.
 */
public final class Ddl {
  /** The inbox table name the scripts use. */
  public static final String INBOX_TABLE = "videojob_webhook_inbox";
  /** db-scheduler's table name the scripts use. */
  public static final String TASKS_TABLE = "scheduled_tasks";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

  private Ddl() {}

  /**
   * Reads a script from the class path.
   *
   * @param resource the resource path
   * @return its text
   * @throws IllegalStateException if the resource is missing from the jar
   */
  public static String load(String resource) {
    try (InputStream in = Ddl.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("class path resource " + resource + " is missing from videojob-durable");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource " + resource, e);
    }
  }

  /**
   * Renames the tables of a script.
   *
   * @param script the script as shipped
   * @param inboxTable the inbox table, validated
   * @param tasksTable db-scheduler's table, validated
   * @return the script for those names
   */
  public static String forTables(String script, String inboxTable, String tasksTable) {
    return rename(rename(script, INBOX_TABLE, inboxTable), TASKS_TABLE, tasksTable);
  }

  private static String rename(String script, String from, String to) {
    String unqualified = to.substring(to.lastIndexOf('.') + 1);
    String objects = Pattern.compile("\\b" + from + "(_[A-Za-z0-9_]+)\\b").matcher(script)
        .replaceAll(m -> Matcher.quoteReplacement(unqualified + m.group(1)));
    return Pattern.compile("\\b" + from + "\\b").matcher(objects).replaceAll(Matcher.quoteReplacement(to));
  }

  /**
   * Splits a script into statements.
   *
   * @param script the script
   * @return the statements, without their semicolons
   */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) continue;
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) out.add(current.toString().strip());
    return List.copyOf(out);
  }

  /**
   * Checks a table name.
   *
   * @param name the name, optionally {@code schema.table}
   * @param what what the table is, for the message
   * @return the name
   * @throws IllegalArgumentException if it is not a plain SQL identifier
   */
  public static String validateTableName(String name, String what) {
    Objects.requireNonNull(name, what + " == null");
    String[] parts = name.split("\\.", -1);
    boolean valid = parts.length <= 2;
    for (String part : parts) valid &= IDENTIFIER.matcher(part).matches();
    if (!valid) {
      throw new IllegalArgumentException(what + " '" + name + "' is not a plain SQL identifier: use letters, digits"
          + " and underscores, at most 48 characters, starting with a letter or underscore, optionally prefixed by"
          + " a schema and a dot");
    }
    return name;
  }
}
