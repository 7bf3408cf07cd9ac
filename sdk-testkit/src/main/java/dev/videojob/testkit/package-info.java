/**
 * Test support for applications: in-process emulators of the providers, on loopback, so code that
 * uses the SDK can be tested end to end with no API keys and no network.
 */
package dev.videojob.testkit;
