package dev.videojob.store.jdbc;

import dev.videojob.core.Claim;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.IdempotencyStoreException;
import dev.videojob.core.internal.IdempotencyKeys;
import dev.videojob.store.jdbc.internal.SqlScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdempotencyStore} in a database table, shared by every application instance that
 * uses the same database, and kept across restarts. Runs on PostgreSQL, MariaDB/MySQL and H2
 * through plain {@code java.sql}; bring your own {@link DataSource} (a connection pool).
 *
 * <pre>{@code
 * IdempotencyStore store = JdbcIdempotencyStore.builder(dataSource).createTableIfMissing(true).build();
 * }</pre>
 *
 * <p>The table (default {@code videojob_idempotency}) has one row per key. The DDL ships in
 * the jar as {@code dev/videojob/store/jdbc/sql/postgresql.sql}, {@code mariadb.sql} and {@code h2.sql}
 * (also through {@link Dialect#ddl(String)}); run it with your migrations, or let the store create
 * the table on first use with {@link Builder#createTableIfMissing(boolean)}.
 *
 * <p>How it stays correct with many nodes: a first claim is an {@code INSERT} that fails on the
 * primary key for every caller but one; every later change is a conditional {@code UPDATE} or
 * {@code DELETE} that names the row's current state and owner token, so of several nodes acting
 * on the same row exactly one sees an update count of 1 and the others re-read. Each statement
 * runs on its own in auto-commit mode (a connection handed out with auto-commit off is switched
 * for the call and back); no lock is held between statements. So give the store a plain pool, not
 * a transaction-aware proxy whose connection belongs to the caller's transaction. Times are epoch
 * milliseconds from this store's {@link Clock}, not the database's, so the nodes' clocks should
 * agree (NTP) to well within a lease.
 *
 * <p>Keys of up to 255 characters are stored as given, longer ones as {@code "sha256:"} and a hex
 * digest. Expired rows stay until a later claim of the same key reuses them or
 * {@link #purgeExpired()} deletes them; schedule a purge (daily, say) to keep the table small.
 *
 * <p>Thread-safe. Failures (no connection, missing table, a failed statement) throw
 * {@link IdempotencyStoreException} with a message that says what to do; the
 * {@code DataSource} is never closed by the store.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcIdempotencyStore.class);

  private static final String IN_PROGRESS = "IN_PROGRESS";
  private static final String DONE = "DONE";
  private static final int MAX_ATTEMPTS = 10;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

  /**
   * The SQL dialects whose table definition ships with the store. Only the DDL differs; the
   * statements the store runs are the same on each.
   */
  public enum Dialect {
    /** PostgreSQL 9.5 and later. */
    POSTGRESQL("postgresql.sql"),
    /** MariaDB 10.2 and later, and MySQL 5.7 and later. */
    MARIADB("mariadb.sql"),
    /** H2 2.x. */
    H2("h2.sql");

    private final String resource;

    Dialect(String file) {
      this.resource = "dev/videojob/store/jdbc/sql/" + file;
    }

    /** @return the class path resource holding this dialect's DDL for the default table name */
    public String ddlResource() {
      return resource;
    }

    /**
     * Returns this dialect's DDL for a table name, for your migration tool.
     *
     * @param tableName the table, optionally {@code schema.table}
     * @return the statements, separated by {@code ;} and line breaks
     * @throws IllegalArgumentException if the name is not a plain SQL identifier
     */
    public String ddl(String tableName) {
      return SqlScript.forTable(SqlScript.load(resource), validateTableName(tableName));
    }

    static Dialect detect(String productName) {
      String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
      if (p.contains("postgresql")) return POSTGRESQL;
      if (p.contains("mariadb") || p.contains("mysql")) return MARIADB;
      if (p.equals("h2")) return H2;
      return null;
    }
  }

  private final DataSource dataSource;
  private final String table;
  private final boolean createTableIfMissing;
  private final Clock clock;
  private final Dialect configuredDialect;
  private final Object initLock = new Object();
  private volatile boolean ready;
  private volatile Dialect knownDialect;
  private volatile boolean closed;

  private final String selectSql;
  private final String insertSql;
  private final String acquireSql;
  private final String completeSql;
  private final String releaseSql;
  private final String purgeSql;

  private JdbcIdempotencyStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.tableName;
    this.createTableIfMissing = b.createTableIfMissing;
    this.clock = b.clock;
    this.configuredDialect = b.dialect;
    this.selectSql = "SELECT state, token, expires_at FROM " + table + " WHERE idem_key = ?";
    this.insertSql = "INSERT INTO " + table + " (idem_key, state, token, expires_at, updated_at)"
        + " VALUES (?, '" + IN_PROGRESS + "', ?, ?, ?)";
    this.acquireSql = "UPDATE " + table + " SET state = '" + IN_PROGRESS + "', token = ?, expires_at = ?,"
        + " updated_at = ? WHERE idem_key = ? AND state = ? AND token = ?";
    this.completeSql = "UPDATE " + table + " SET state = '" + DONE + "', expires_at = ?, updated_at = ?"
        + " WHERE idem_key = ? AND state = '" + IN_PROGRESS + "' AND token = ?";
    this.releaseSql = "DELETE FROM " + table + " WHERE idem_key = ? AND state = '" + IN_PROGRESS + "' AND token = ?";
    this.purgeSql = "DELETE FROM " + table + " WHERE expires_at <= ?";
  }

  /**
   * Starts a store on a {@code DataSource}, with the defaults: table {@code videojob_idempotency},
   * which must exist, the dialect detected from the connection, and the system UTC clock.
   *
   * @param dataSource where connections come from; the store does not close it
   * @return a builder
   * @throws NullPointerException if dataSource is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the store is closed
   */
  @Override
  public Claim claim(String key, Duration lease) {
    IdempotencyKeys.requireKey(key);
    IdempotencyKeys.requirePositive(lease, "lease");
    String stored = IdempotencyKeys.storedKey(key);
    return run("claim", c -> {
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        long now = clock.millis();
        long leaseEnd = IdempotencyKeys.plus(now, lease);
        String token = IdempotencyKeys.newToken();
        Row row = select(c, stored);
        if (row == null) {
          if (insert(c, stored, token, leaseEnd, now)) {
            return new Claim(key, Claim.State.CLAIMED, token, Instant.ofEpochMilli(leaseEnd));
          }
          continue; // another node inserted first: read what it wrote
        }
        if (row.expiresAt() > now) {
          if (DONE.equals(row.state())) return new Claim(key, Claim.State.DONE, null, null);
          return new Claim(key, Claim.State.IN_PROGRESS, null, Instant.ofEpochMilli(row.expiresAt()));
        }
        if (acquire(c, stored, row, token, leaseEnd, now)) {
          if (DONE.equals(row.state())) {
            return new Claim(key, Claim.State.CLAIMED, token, Instant.ofEpochMilli(leaseEnd));
          }
          log.info("Took over idempotency key {}: the previous claim's lease ran out at {}",
              stored, Instant.ofEpochMilli(row.expiresAt()));
          return new Claim(key, Claim.State.TAKEN_OVER, token, Instant.ofEpochMilli(leaseEnd));
        }
        // another node changed the row between our read and our update: read again
      }
      throw new IdempotencyStoreException("Could not claim idempotency key " + stored + " in table " + table
          + ": the row changed under " + MAX_ATTEMPTS + " attempts in a row, which means other nodes keep"
          + " claiming and releasing it; retry later", null);
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the store is closed
   */
  @Override
  public boolean complete(Claim claim, Duration retention) {
    IdempotencyKeys.requireAcquired(claim);
    IdempotencyKeys.requirePositive(retention, "retention");
    String stored = IdempotencyKeys.storedKey(claim.key());
    return run("complete", c -> {
      long now = clock.millis();
      try (PreparedStatement ps = c.prepareStatement(completeSql)) {
        ps.setLong(1, IdempotencyKeys.plus(now, retention));
        ps.setLong(2, now);
        ps.setString(3, stored);
        ps.setString(4, claim.token());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the store is closed
   */
  @Override
  public boolean release(Claim claim) {
    IdempotencyKeys.requireAcquired(claim);
    String stored = IdempotencyKeys.storedKey(claim.key());
    return run("release", c -> {
      try (PreparedStatement ps = c.prepareStatement(releaseSql)) {
        ps.setString(1, stored);
        ps.setString(2, claim.token());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Deletes every row whose lease or retention has run out, in one statement. Safe to run while
   * nodes claim: a row that a node re-claims meanwhile no longer matches.
   *
   * @return how many rows were deleted
   * @throws IdempotencyStoreException if the database cannot be reached or the table is missing
   * @throws IllegalStateException if the store is closed
   */
  public int purgeExpired() {
    return run("purgeExpired", c -> {
      try (PreparedStatement ps = c.prepareStatement(purgeSql)) {
        ps.setLong(1, clock.millis());
        return ps.executeUpdate();
      }
    });
  }

  /** @return the table this store uses, as configured */
  public String tableName() {
    return table;
  }

  /** Marks the store closed; later calls throw {@link IllegalStateException}. The {@code DataSource} stays open. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore{table=" + table + "}";
  }

  private record Row(String state, String token, long expiresAt) {}

  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private Row select(Connection c, String stored) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectSql)) {
      ps.setString(1, stored);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        String state = rs.getString(1);
        if (!IN_PROGRESS.equals(state) && !DONE.equals(state)) {
          throw new IdempotencyStoreException("Row for idempotency key " + stored + " in table " + table
              + " has the unknown state '" + state + "'; only IN_PROGRESS and DONE are valid: delete the row", null);
        }
        return new Row(state, rs.getString(2), rs.getLong(3));
      }
    }
  }

  private boolean insert(Connection c, String stored, String token, long leaseEnd, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql)) {
      ps.setString(1, stored);
      ps.setString(2, token);
      ps.setLong(3, leaseEnd);
      ps.setLong(4, now);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  private boolean acquire(Connection c, String stored, Row row, String token, long leaseEnd, long now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(acquireSql)) {
      ps.setString(1, token);
      ps.setLong(2, leaseEnd);
      ps.setLong(3, now);
      ps.setString(4, stored);
      ps.setString(5, row.state());
      ps.setString(6, row.token());
      return ps.executeUpdate() == 1;
    }
  }

  private <T> T run(String operation, SqlWork<T> work) {
    if (closed) throw new IllegalStateException("JdbcIdempotencyStore on table " + table + " is closed");
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new IdempotencyStoreException("Cannot get a database connection for the idempotency table " + table
          + describe(e) + ": check that the database is running and reachable and that the DataSource's URL,"
          + " user and password are right", e);
    }
    try (c) {
      boolean autoCommit = c.getAutoCommit();
      if (!autoCommit) c.setAutoCommit(true);
      try {
        if (!ready) prepare(c);
        return work.apply(c);
      } finally {
        if (!autoCommit) c.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  /** Detects the dialect and checks (or creates) the table, once per store. */
  private void prepare(Connection c) throws SQLException {
    synchronized (initLock) {
      if (ready) return;
      Dialect dialect = dialect(c);
      knownDialect = dialect;
      if (!tableExists(c)) {
        if (!createTableIfMissing) throw missingTable(dialect, null);
        if (dialect == null) {
          throw new IdempotencyStoreException("Cannot create the idempotency table " + table + " on "
              + c.getMetaData().getDatabaseProductName() + ", for which no DDL ships: create it yourself after"
              + " dev/videojob/store/jdbc/sql/postgresql.sql, or set the dialect on the builder", null);
        }
        createTable(c, dialect);
      }
      ready = true;
    }
  }

  private boolean tableExists(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT idem_key, state, token, expires_at, updated_at FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      if (isMissingTable(e)) return false;
      if (isMissingColumn(e)) {
        throw new IdempotencyStoreException("Table " + table + " exists but lacks the columns the idempotency"
            + " store needs (idem_key, state, token, expires_at, updated_at): drop it or choose another"
            + " tableName, then create it from the DDL in dev/videojob/store/jdbc/sql/" + describe(e), e);
      }
      throw e;
    }
  }

  private void createTable(Connection c, Dialect dialect) throws SQLException {
    List<String> statements = SqlScript.statements(dialect.ddl(table));
    try (Statement s = c.createStatement()) {
      for (String sql : statements) s.execute(sql);
    } catch (SQLException e) {
      // Two nodes starting together can both try; PostgreSQL may then fail one CREATE TABLE IF NOT EXISTS.
      if (tableExists(c)) return;
      throw e;
    }
    log.info("Created idempotency table {} if it was missing ({} DDL)", table, dialect);
  }

  private Dialect dialect(Connection c) throws SQLException {
    return configuredDialect != null ? configuredDialect : Dialect.detect(c.getMetaData().getDatabaseProductName());
  }

  private IdempotencyStoreException missingTable(Dialect dialect, SQLException cause) {
    String ddl = dialect == null ? "dev/videojob/store/jdbc/sql/ (postgresql.sql, mariadb.sql or h2.sql)"
        : dialect.ddlResource() + " (JdbcIdempotencyStore.Dialect." + dialect + ".ddl(\"" + table + "\"))";
    return new IdempotencyStoreException("Idempotency table " + table + " does not exist: create it with the DDL in"
        + " the class path resource " + ddl + ", or build the store with createTableIfMissing(true)", cause);
  }

  private IdempotencyStoreException translate(String operation, SQLException e) {
    if (isMissingTable(e)) {
      ready = false; // dropped since we checked: check (and maybe create) again next time
      return missingTable(knownDialect, e);
    }
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return new IdempotencyStoreException("Lost the database connection during " + operation + " on idempotency"
          + " table " + table + describe(e) + ": check that the database is up; the call may be retried", e);
    }
    return new IdempotencyStoreException("Idempotency store " + operation + " on table " + table + " failed"
        + describe(e) + "; see the cause", e);
  }

  private static String describe(SQLException e) {
    return " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + ")";
  }

  private static boolean isDuplicateKey(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  private static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    return "42P01".equals(state) // PostgreSQL undefined_table
        || "42S02".equals(state) // MariaDB/MySQL ER_NO_SUCH_TABLE, H2
        || "42S03".equals(state) || "42S04".equals(state); // H2 2.x: not found, database empty / with candidates
  }

  private static boolean isMissingColumn(SQLException e) {
    String state = e.getSQLState();
    return "42703".equals(state) || "42S22".equals(state) || "42122".equals(state);
  }

  static String validateTableName(String tableName) {
    Objects.requireNonNull(tableName, "tableName == null");
    String[] parts = tableName.split("\\.", -1);
    boolean valid = parts.length <= 2;
    for (String part : parts) valid &= IDENTIFIER.matcher(part).matches();
    if (!valid) {
      throw new IllegalArgumentException("tableName '" + tableName + "' is not a plain SQL identifier: use letters,"
          + " digits and underscores, at most 48 characters, starting with a letter or underscore, optionally"
          + " prefixed by a schema and a dot");
    }
    return tableName;
  }

  /** Configures a {@link JdbcIdempotencyStore}. Not thread-safe; the store it builds is. */
  public static final class Builder {
    private final DataSource dataSource;
    private String tableName = SqlScript.DEFAULT_TABLE;
    private boolean createTableIfMissing;
    private Clock clock = Clock.systemUTC();
    private Dialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the table. Default {@code videojob_idempotency}. Unquoted, so the database folds its
     * case as usual.
     *
     * @param tableName letters, digits and underscores (at most 48), optionally {@code schema.table}
     * @return this builder
     * @throws NullPointerException if tableName is null
     * @throws IllegalArgumentException if it is not such an identifier
     */
    public Builder tableName(String tableName) {
      this.tableName = validateTableName(tableName);
      return this;
    }

    /**
     * Sets whether the first use creates the table (and its index) when it does not exist, with
     * the shipped DDL of the dialect. Default false: the table must exist, and a missing one is an
     * {@link IdempotencyStoreException} that says which DDL to run.
     *
     * @param create whether to create the table
     * @return this builder
     */
    public Builder createTableIfMissing(boolean create) {
      this.createTableIfMissing = create;
      return this;
    }

    /**
     * Sets the clock that leases and retention are measured with. Default {@link Clock#systemUTC()};
     * tests pass a clock they can move.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if clock is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the dialect whose DDL creates the table, for a database the store does not recognise
     * by its product name (a PostgreSQL- or MySQL-compatible one). Default: detected from the
     * connection's metadata.
     *
     * @param dialect the dialect
     * @return this builder
     * @throws NullPointerException if dialect is null
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect == null");
      return this;
    }

    /**
     * Builds the store. Opens no connection: the first call checks the table (and creates it if
     * asked to).
     *
     * @return the store
     */
    public JdbcIdempotencyStore build() {
      return new JdbcIdempotencyStore(this);
    }
  }
}
