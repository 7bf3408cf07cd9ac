package dev.videojob.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Credentials;

/**
 * How a provider authenticates calls: one header and its value. {@link #toString()} never shows
 * the value. Immutable.
 */
public final class Auth {
  private static final Auth NONE = new Auth(null, null, "none");

  private final String header;
  private final String value;
  private final String scheme;

  private Auth(String header, String value, String scheme) {
    this.header = header;
    this.value = value;
    this.scheme = scheme;
  }

  /**
   * {@code Authorization: Bearer <token>}.
   *
   * @param token the API key or token
   * @return the auth
   * @throws IllegalArgumentException if the token is null or blank
   */
  public static Auth bearer(String token) {
    return new Auth("Authorization", "Bearer " + requireSecret(token, "token"), "bearer");
  }

  /**
   * A key in a header of its own, such as {@code X-API-Key: <key>}.
   *
   * @param header the header name
   * @param key the key
   * @return the auth
   * @throws IllegalArgumentException if the key is null or blank
   */
  public static Auth header(String header, String key) {
    return new Auth(Objects.requireNonNull(header, "header == null"), requireSecret(key, "key"), "header " + header);
  }

  /**
   * HTTP Basic: {@code Authorization: Basic base64(user:password)}.
   *
   * @param user the user name
   * @param password the password
   * @return the auth
   * @throws IllegalArgumentException if the user is blank, contains ':', or the password is null or blank
   */
  public static Auth basic(String user, String password) {
    requireSecret(user, "user");
    if (user.indexOf(':') >= 0) throw new IllegalArgumentException("user must not contain ':'");
    requireSecret(password, "password");
    return new Auth("Authorization", Credentials.basic(user, password, StandardCharsets.UTF_8), "basic");
  }

  /** @return no authentication */
  public static Auth none() {
    return NONE;
  }

  private static String requireSecret(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing or blank: set the provider's API key");
    }
    return value;
  }

  /** @return the header name, or null for {@link #none()} */
  public String headerName() {
    return header;
  }

  /** @return the header value (a secret: never log it), or null for {@link #none()} */
  public String headerValue() {
    return value;
  }

  @Override
  public String toString() {
    return "Auth{" + scheme + (value == null ? "" : ", <redacted>") + "}";
  }
}
