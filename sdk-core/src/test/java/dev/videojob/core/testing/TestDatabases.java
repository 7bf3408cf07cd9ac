package dev.videojob.core.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The databases the tests run against: an in-process H2, and the PostgreSQL and MariaDB servers
 * on 127.0.0.1 that {@code .ci/run} starts. Connections come straight from {@link DriverManager}
 * (no pool), one per {@code getConnection()}.
 *
 * <p>The server URLs can be overridden with {@code VIDEOJOB_TEST_POSTGRES_URL} and
 * {@code VIDEOJOB_TEST_MARIADB_URL}.
 */
public final class TestDatabases {
  /** PostgreSQL: trust auth, user postgres, database test. */
  public static final String POSTGRES_URL = env("VIDEOJOB_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5");
  /** MariaDB: root with an empty password, database test. */
  public static final String MARIADB_URL = env("VIDEOJOB_TEST_MARIADB_URL",
      "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&connectTimeout=5000");

  private TestDatabases() {}

  /** @return connections to the PostgreSQL server */
  public static DataSource postgres() {
    return new UrlDataSource(POSTGRES_URL);
  }

  /** @return connections to the MariaDB server */
  public static DataSource mariadb() {
    return new UrlDataSource(MARIADB_URL);
  }

  /**
   * An in-memory H2 database that lives until the JVM exits.
   *
   * @param name the database name; the same name gives the same database
   * @return connections to it
   */
  public static DataSource h2(String name) {
    return new UrlDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
  }

  /**
   * Connects once to find out whether the database answers.
   *
   * @param dataSource the database
   * @return whether a connection could be made and is valid
   */
  public static boolean reachable(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Runs one statement in its own connection, such as a {@code DROP TABLE} in a test's clean-up.
   *
   * @param dataSource the database
   * @param sql the statement
   * @throws SQLException if it fails
   */
  public static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Wraps a data source so that its connections start with auto-commit off, as some pools hand them out.
   *
   * @param dataSource the database
   * @return connections to it with auto-commit off
   */
  public static DataSource withAutoCommitOff(DataSource dataSource) {
    return new UrlDataSource(null) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
      }
    };
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A {@link DataSource} that opens a new {@link DriverManager} connection for each call. */
  private static class UrlDataSource implements DataSource {
    private final String url;

    UrlDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return DriverManager.getConnection(url, username, password);
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

    @Override
    public String toString() {
      return url == null ? "DataSource" : "UrlDataSource{" + url.replaceAll("password=[^&;]*", "password=<redacted>") + "}";
    }
  }
}
