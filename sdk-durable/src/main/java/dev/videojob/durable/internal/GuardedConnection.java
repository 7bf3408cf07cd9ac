package dev.videojob.durable.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;

/**
 * The inbox transaction's connection as a handler sees it: everything works except ending the transaction
 * or the connection, which the inbox does itself once the event is marked done.
 */
public final class GuardedConnection {
  private static final Set<String> FORBIDDEN = Set.of("commit", "rollback", "close", "setAutoCommit", "abort",
      "releaseSavepoint", "setTransactionIsolation");

  private GuardedConnection() {}

  /**
   * @param connection the transaction's connection
   * @return a view of it whose commit, rollback, close and setAutoCommit throw
   */
  public static Connection of(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          String name = method.getName();
          boolean savepointRollback = name.equals("rollback") && method.getParameterCount() == 1;
          if (FORBIDDEN.contains(name) && !savepointRollback) {
            throw new SQLFeatureNotSupportedException("Connection." + name + " is not allowed in an inbox handler:"
                + " the inbox commits your writes together with the event's done mark (throw to roll them back)");
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
