/**
 * Durable processing on db-scheduler over the application's own database ({@code dev.videojob.durable}):
 * the webhook inbox that stores each verified event before the 2xx and processes it once on any instance.
 *
 * <p>{@code dev.videojob.durable.internal} is machinery and is not exported. The DDL scripts are opened so
 * that migration tools can read them.
 */
module dev.videojob.durable {
  requires transitive dev.videojob.webhooks;
  requires transitive java.sql;
  requires com.github.kagkarlsson.scheduler;
  requires org.slf4j;

  exports dev.videojob.durable;

  opens dev.videojob.durable.sql;
}
