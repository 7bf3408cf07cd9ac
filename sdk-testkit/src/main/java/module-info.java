/**
 * Emulators of the five providers on loopback and a loopback webhook receiver, for tests and
 * the quick start.
 */
module dev.videojob.testkit {
  requires transitive dev.videojob.core;
  requires transitive dev.videojob.webhooks;
  requires mockwebserver3;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires org.slf4j;

  exports dev.videojob.testkit;
}
