package dev.videojob.durable.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that hands out the connection of the transaction running on the calling thread,
 * with {@code close()} made a no-op, so that db-scheduler's client schedules an execution inside that
 * transaction (with auto-commit off it neither commits nor rolls back: the caller does).
 */
public final class BoundConnectionDataSource implements DataSource {
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  /**
   * Runs work with a connection bound to this thread.
   *
   * @param connection the transaction's connection, auto-commit off
   * @param work what to run
   * @param <T> its result
   * @return its result
   */
  public <T> T with(Connection connection, Supplier<T> work) {
    bound.set(connection);
    try {
      return work.get();
    } finally {
      bound.remove();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = bound.get();
    if (c == null) throw new SQLException("no transaction is bound to this thread (videojob-durable internal error)");
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) return null;
          if (method.getName().equals("isClosed") && method.getParameterCount() == 0) return false;
          try {
            return method.invoke(c, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) return type.cast(this);
    throw new SQLException("not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
