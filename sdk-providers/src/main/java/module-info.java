/**
 * The five provider adapters, each in its own package, and their {@code VideoProviderFactory}
 * services for {@code VideoClient}'s discovery.
 *
 * <p>{@code dev.videojob.providers.internal} (JSON and webhook helpers the adapters share) is not
 * exported.
 */
module dev.videojob.providers {
  requires transitive dev.videojob.core;
  requires transitive dev.videojob.webhooks;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.videojob.providers;
  exports dev.videojob.providers.creativeai;
  exports dev.videojob.providers.higgsfield;
  exports dev.videojob.providers.ssemble;
  exports dev.videojob.providers.vidbuilder;
  exports dev.videojob.providers.videopilot;

  provides dev.videojob.core.spi.VideoProviderFactory with
      dev.videojob.providers.creativeai.CreativeAiProviderFactory,
      dev.videojob.providers.higgsfield.HiggsfieldProviderFactory,
      dev.videojob.providers.videopilot.VideoPilotProviderFactory,
      dev.videojob.providers.ssemble.SsembleProviderFactory,
      dev.videojob.providers.vidbuilder.VidBuilderProviderFactory;
}
