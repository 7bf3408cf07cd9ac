-- The tables of dev.videojob.durable.JdbcWebhookInbox on PostgreSQL.
-- videojob_webhook_inbox: one row per verified event, keyed by its event key (keys over 100 characters are
-- stored as "sha256:<hex>"). state is PENDING (to be handled), DONE (handled; kept until the retention runs
-- out) or DEAD (failed every attempt; replay it with JdbcWebhookInbox.replay). body and headers are what the
-- provider's WebhookFormat needs to parse the event again. Times are epoch milliseconds.
-- scheduled_tasks: db-scheduler's table (one execution per PENDING row, and the inbox's maintenance task);
-- skip it if your application already has db-scheduler's table under that name.
-- Run as is for the default names, or get it for other names from
-- JdbcWebhookInbox.Dialect.POSTGRESQL.ddl("my_inbox", "my_scheduled_tasks").
CREATE TABLE IF NOT EXISTS videojob_webhook_inbox (
  event_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
  provider    VARCHAR(64)   NOT NULL,
  state       VARCHAR(16)   NOT NULL,
  body        BYTEA         NOT NULL,
  headers     TEXT          NOT NULL,
  received_at BIGINT        NOT NULL,
  attempts    INT           NOT NULL,
  last_error  VARCHAR(1000),
  created_at  BIGINT        NOT NULL,
  updated_at  BIGINT        NOT NULL,
  done_at     BIGINT
);
CREATE INDEX IF NOT EXISTS videojob_webhook_inbox_state_idx ON videojob_webhook_inbox (state, created_at);
CREATE INDEX IF NOT EXISTS videojob_webhook_inbox_done_idx ON videojob_webhook_inbox (done_at);
CREATE TABLE IF NOT EXISTS scheduled_tasks (
  task_name            TEXT                     NOT NULL,
  task_instance        TEXT                     NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN                  NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT                   NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
