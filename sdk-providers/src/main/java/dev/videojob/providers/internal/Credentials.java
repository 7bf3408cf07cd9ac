package dev.videojob.providers.internal;

import dev.videojob.core.InvalidRequestException;

/** The one way every adapter refuses to be built without its credentials. */
public final class Credentials {
  private Credentials() {}

  /**
   * @param provider the provider id
   * @param apiKey the key given, or null
   * @param envVariable the environment variable that holds it
   * @return the key
   * @throws InvalidRequestException (field {@code apiKey}) naming the builder method and the variable, if the
   *     key is null or blank
   */
  public static String apiKey(String provider, String apiKey, String envVariable) {
    if (apiKey == null || apiKey.isBlank()) throw missing(provider, "apiKey", "an API key: set apiKey(...) or "
        + envVariable);
    return apiKey;
  }

  /**
   * @param provider the provider id
   * @param field the builder field at fault, such as {@code apiKey} or {@code auth}
   * @param what what is needed and how to give it, such as {@code "an API key: set apiKey(...) or X_API_KEY"}
   * @return the exception, for the adapter to throw
   */
  public static InvalidRequestException missing(String provider, String field, String what) {
    return InvalidRequestException.forField(provider, field, provider + " needs " + what);
  }
}
