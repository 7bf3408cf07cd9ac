package dev.videojob.core;

/**
 * Request fields that only one provider has (VidBuilder's scenes and theme, ssemble's source
 * video, VideoPilot's voice ...), set with {@link VideoRequest.Builder#extension}.
 *
 * <p>Each adapter ships its own implementation; a request whose extension belongs to another
 * provider fails with an {@link InvalidRequestException} before any network call.
 */
public interface ProviderExtension {
  /**
   * Checks the extension's own fields (limits, formats, required combinations).
   *
   * @throws InvalidRequestException naming the field that is wrong
   */
  default void validate() {}
}
