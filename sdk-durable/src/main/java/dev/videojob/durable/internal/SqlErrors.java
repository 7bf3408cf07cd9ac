package dev.videojob.durable.internal;

import java.sql.SQLException;

/** Reads SQLStates the same way on PostgreSQL, MariaDB/MySQL and H2. */
public final class SqlErrors {
  private SqlErrors() {}

  /** @param e the error @return whether it is a unique or primary key violation */
  public static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) return true;
    }
    return false;
  }

  /** @param e the error @return whether a table is missing */
  public static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return "42P01".equals(state) || "42S02".equals(state) || "42S03".equals(state) || "42S04".equals(state)
        || "42102".equals(state);
  }

  /** @param e the error @return what to append to a message: its SQLState and vendor code */
  public static String describe(SQLException e) {
    return " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")";
  }
}
