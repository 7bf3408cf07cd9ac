/**
 * An application on the module path that uses every published videojob module the way a user
 * would. ModulePathTest compiles it against the built modules and runs it with java -m.
 */
module app {
  requires dev.videojob.core;
  requires dev.videojob.providers;
  requires dev.videojob.webhooks;
  requires dev.videojob.media;
  requires dev.videojob.ffmpeg;
  requires dev.videojob.store.jdbc;
  requires dev.videojob.testkit;
  requires com.h2database;
  // H2 is an automatic module, so it cannot declare that its JdbcDataSource needs JNDI.
  requires java.naming;
}
