/**
 * The provider-neutral job API ({@code dev.videojob.core}) and the provider SPI
 * ({@code dev.videojob.core.spi}).
 *
 * <p>{@code dev.videojob.core.internal} is machinery, shared only with the sibling videojob
 * modules and never exported to applications. Provider adapters are found through
 * {@link java.util.ServiceLoader} ({@code VideoClient.fromEnv}).
 */
@SuppressWarnings("module") // the qualified exports name modules that are built after this one
module dev.videojob.core {
  requires transitive okhttp3;
  requires transitive com.fasterxml.jackson.databind;
  requires dev.failsafe.core;
  requires org.slf4j;

  exports dev.videojob.core;
  exports dev.videojob.core.spi;

  // Each grant and its reason: InternalGrants in module-tests, which checks this list against it.
  exports dev.videojob.core.internal to
      dev.videojob.media,
      dev.videojob.store.jdbc,
      dev.videojob.webhooks;
  exports dev.videojob.core.internal.http to
      dev.videojob.media;

  uses dev.videojob.core.spi.VideoProviderFactory;
}
