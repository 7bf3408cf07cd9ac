/**
 * For adapter authors: the {@link dev.videojob.core.spi.VideoProvider} SPI, its capabilities, and
 * the {@link dev.videojob.core.spi.HttpTransport} (OkHttp with Failsafe retries, idempotency keys,
 * the safe-create rule and error mapping) that every adapter calls its provider through.
 * Applications use {@code dev.videojob.core}; they meet this package only to write a provider.
 */
package dev.videojob.core.spi;
