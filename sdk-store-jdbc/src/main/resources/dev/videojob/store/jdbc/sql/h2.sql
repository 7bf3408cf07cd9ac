-- The table of dev.videojob.store.jdbc.JdbcIdempotencyStore on H2.
-- One row per key. state is IN_PROGRESS (owned by token until expires_at, then open to takeover)
-- or DONE (remembered until expires_at). Times are epoch milliseconds from the application's clock.
-- Run as is for the default table name, or get it for another name from
-- JdbcIdempotencyStore.Dialect.H2.ddl("my_table").
CREATE TABLE IF NOT EXISTS videojob_idempotency (
  idem_key   VARCHAR(255) NOT NULL PRIMARY KEY,
  state      VARCHAR(16)  NOT NULL,
  token      VARCHAR(64)  NOT NULL,
  expires_at BIGINT       NOT NULL,
  updated_at BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS videojob_idempotency_expires_idx ON videojob_idempotency (expires_at);
