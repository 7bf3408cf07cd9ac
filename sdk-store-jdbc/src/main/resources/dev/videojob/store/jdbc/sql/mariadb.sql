-- The table of dev.videojob.store.jdbc.JdbcIdempotencyStore on MariaDB and MySQL.
-- One row per key. state is IN_PROGRESS (owned by token until expires_at, then open to takeover)
-- or DONE (remembered until expires_at). Times are epoch milliseconds from the application's clock.
-- The key is VARBINARY so that keys compare byte for byte: the default collations would make
-- "Key" and "key", or "a" and "a " (trailing space), the same key. 1020 bytes hold 255
-- characters of UTF-8; longer keys are stored hashed.
-- Run as is for the default table name, or get it for another name from
-- JdbcIdempotencyStore.Dialect.MARIADB.ddl("my_table").
CREATE TABLE IF NOT EXISTS videojob_idempotency (
  idem_key   VARBINARY(1020) NOT NULL,
  state      VARCHAR(16)     NOT NULL,
  token      VARCHAR(64)     NOT NULL,
  expires_at BIGINT          NOT NULL,
  updated_at BIGINT          NOT NULL,
  PRIMARY KEY (idem_key),
  INDEX videojob_idempotency_expires_idx (expires_at)
) ENGINE=InnoDB;
