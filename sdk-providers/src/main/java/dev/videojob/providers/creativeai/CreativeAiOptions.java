package dev.videojob.providers.creativeai;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.ProviderExtension;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What only CreativeAI takes: {@code image_url}, the image an image-to-video generation starts
 * from. The model is the shared {@code VideoRequest.model} (CreativeAI accepts {@code auto}).
 * Immutable.
 */
public final class CreativeAiOptions implements ProviderExtension {
  /** The longest image URL accepted, in characters. */
  public static final int MAX_URL_LENGTH = 2048;

  private final URI imageUrl;

  private CreativeAiOptions(URI imageUrl) {
    this.imageUrl = imageUrl;
  }

  /**
   * Options for an image-to-video generation.
   *
   * @param imageUrl the absolute http(s) URL of the start image
   * @return the options
   * @throws NullPointerException if imageUrl is null
   */
  public static CreativeAiOptions imageToVideo(URI imageUrl) {
    return new CreativeAiOptions(Objects.requireNonNull(imageUrl, "imageUrl == null"));
  }

  /** @return the start image, if set */
  public Optional<URI> imageUrl() {
    return Optional.ofNullable(imageUrl);
  }

  /**
   * Checks the image URL: absolute http(s) with a host, at most {@value #MAX_URL_LENGTH} characters.
   *
   * @throws InvalidRequestException naming {@code imageUrl}
   */
  @Override
  public void validate() {
    if (imageUrl == null) return;
    String scheme = imageUrl.getScheme() == null ? "" : imageUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || imageUrl.getHost() == null) {
      throw new InvalidRequestException("creativeai image_url must be an absolute http(s) URL that CreativeAI can fetch",
          ErrorContext.of(CreativeAi.ID), "imageUrl");
    }
    if (imageUrl.toString().length() > MAX_URL_LENGTH) {
      throw new InvalidRequestException("creativeai image_url is longer than " + MAX_URL_LENGTH
          + " characters; host the image at a shorter URL", ErrorContext.of(CreativeAi.ID), "imageUrl");
    }
  }

  @Override
  public String toString() {
    return "CreativeAiOptions{imageUrl=" + (imageUrl == null ? "none" : dev.videojob.core.spi.AdapterSupport.redactUrl(imageUrl))
        + "}";
  }
}
