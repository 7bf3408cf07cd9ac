package dev.videojob.store.jdbc.internal;

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
 * Loads the DDL shipped for the JDBC idempotency store and adapts it to a table name.
 *
 * <p>The shipped scripts name the table {@code videojob_idempotency} and its other objects
 * {@code videojob_idempotency_<suffix>}, so they run as they are for the default name. For
 * another name, the table reference becomes the (possibly schema-qualified) name and each object
 * name becomes the unqualified table name plus the suffix, since index names cannot carry a schema.
 *
 * <p>Internal: not part of the public API.
 */
public final class SqlScript {
  /** The table name the shipped scripts use. */
  public static final String DEFAULT_TABLE = "videojob_idempotency";

  private static final Pattern OBJECT_NAME = Pattern.compile("\\b" + DEFAULT_TABLE + "(_[A-Za-z0-9_]+)\\b");
  private static final Pattern TABLE_NAME = Pattern.compile("\\b" + DEFAULT_TABLE + "\\b");

  private SqlScript() {}

  /**
   * Reads a script shipped in this module.
   *
   * <p>Read through {@link Class#getResourceAsStream}, which finds the module's own resources on
   * the module path as well as on the class path; a class loader finds a named module's resources
   * only in packages the module opens.
   *
   * @param resource the resource path, such as {@code dev/videojob/store/jdbc/sql/h2.sql}
   * @return its text
   * @throws IllegalStateException if the resource is missing from the jar
   */
  public static String load(String resource) {
    try (InputStream in = SqlScript.class.getResourceAsStream("/" + resource)) {
      if (in == null) throw new IllegalStateException("class path resource " + resource + " is missing from videojob-store-jdbc");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource " + resource, e);
    }
  }

  /**
   * Renames the table in a script written for {@link #DEFAULT_TABLE}.
   *
   * @param script the script
   * @param table a validated table name, optionally {@code schema.table}
   * @return the script for that table
   */
  public static String forTable(String script, String table) {
    Objects.requireNonNull(table, "table == null");
    String unqualified = table.substring(table.lastIndexOf('.') + 1);
    String renamed = OBJECT_NAME.matcher(script)
        .replaceAll(m -> Matcher.quoteReplacement(unqualified + m.group(1)));
    return TABLE_NAME.matcher(renamed).replaceAll(Matcher.quoteReplacement(table));
  }

  /**
   * Splits a script into statements: drops {@code --} comment lines and cuts at each {@code ;}
   * that ends a line. The shipped scripts keep to that form.
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
}
