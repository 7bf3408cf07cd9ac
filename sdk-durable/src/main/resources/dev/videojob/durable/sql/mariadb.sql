-- The tables of dev.videojob.durable.JdbcWebhookInbox on MariaDB and MySQL.
-- videojob_webhook_inbox: one row per verified event, keyed by its event key (keys over 100 characters are
-- stored as "sha256:<hex>"); VARBINARY so that keys compare byte for byte, whatever the collation. state is
-- PENDING (to be handled), DONE (handled; kept until the retention runs out) or DEAD (failed every attempt;
-- replay it with JdbcWebhookInbox.replay). body and headers are what the provider's WebhookFormat needs to
-- parse the event again. Times are epoch milliseconds.
-- scheduled_tasks: db-scheduler's table (one execution per PENDING row, and the inbox's maintenance task);
-- skip it if your application already has db-scheduler's table under that name. execution_time has an
-- explicit default so that MariaDB does not give it ON UPDATE CURRENT_TIMESTAMP.
-- Run as is for the default names, or get it for other names from
-- JdbcWebhookInbox.Dialect.MARIADB.ddl("my_inbox", "my_scheduled_tasks").
CREATE TABLE IF NOT EXISTS videojob_webhook_inbox (
  event_key   VARBINARY(400) NOT NULL,
  provider    VARCHAR(64)    NOT NULL,
  state       VARCHAR(16)    NOT NULL,
  body        LONGBLOB       NOT NULL,
  headers     TEXT           NOT NULL,
  received_at BIGINT         NOT NULL,
  attempts    INT            NOT NULL,
  last_error  VARCHAR(1000),
  created_at  BIGINT         NOT NULL,
  updated_at  BIGINT         NOT NULL,
  done_at     BIGINT,
  PRIMARY KEY (event_key),
  INDEX videojob_webhook_inbox_state_idx (state, created_at),
  INDEX videojob_webhook_inbox_done_idx (done_at)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(100) NOT NULL,
  task_data            BLOB,
  execution_time       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  picked               BOOLEAN      NOT NULL,
  picked_by            VARCHAR(50),
  last_success         TIMESTAMP(6) NULL,
  last_failure         TIMESTAMP(6) NULL,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP(6) NULL,
  version              BIGINT       NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance),
  INDEX scheduled_tasks_execution_time_idx (execution_time),
  INDEX scheduled_tasks_last_heartbeat_idx (last_heartbeat),
  INDEX scheduled_tasks_priority_execution_time_idx (priority DESC, execution_time ASC)
) ENGINE=InnoDB;
