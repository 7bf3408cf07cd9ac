/**
 * The JDBC {@code IdempotencyStore} for PostgreSQL, MariaDB/MySQL and H2, with its DDL.
 *
 * <p>The DDL scripts in {@code dev/videojob/store/jdbc/sql} are opened so that a migration tool can
 * read them through its class loader on the module path too.
 */
module dev.videojob.store.jdbc {
  requires transitive dev.videojob.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports dev.videojob.store.jdbc;

  opens dev.videojob.store.jdbc.sql;
}
