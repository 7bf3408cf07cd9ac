package dev.videojob.webhooks;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;
import java.util.Objects;

/**
 * A webhook delivery could not be trusted, or a verifier could not be configured; {@link #reason()}
 * says why.
 *
 * <p>Messages name the header or the check that failed, never a secret, a received or expected
 * signature, or a callback token.
 */
public class WebhookVerificationException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was rejected (or a configuration refused). */
  public enum Reason {
    /** A header the scheme needs (signature, id, timestamp) is absent. */
    MISSING_HEADER,
    /** A header is present but cannot be read (bad encoding, bad number, no known version). */
    MALFORMED_HEADER,
    /** The signed timestamp is older than the tolerance allows: a replay, or a very late retry. */
    TIMESTAMP_TOO_OLD,
    /** The signed timestamp is further in the future than the tolerance allows. */
    TIMESTAMP_TOO_NEW,
    /** No signature in the request matches the body under any configured secret. */
    NO_MATCHING_SIGNATURE,
    /** The body is larger than the configured limit; it was not read or hashed further. */
    BODY_TOO_LARGE,
    /** A configured secret is empty or cannot be decoded (raised when the verifier is built). */
    INVALID_SECRET,
    /** The callback URL carries no token, for a provider that signs nothing. */
    MISSING_TOKEN,
    /** The callback URL's token does not match. */
    INVALID_TOKEN
  }

  /** Why verification failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the delivery was rejected
   * @param message what failed and what to do; must not contain a secret or a signature
   * @param provider the provider id, or null
   */
  public WebhookVerificationException(Reason reason, String message, String provider) {
    super(message, provider == null ? ErrorContext.none() : ErrorContext.of(provider), null);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Creates the exception with no provider named.
   *
   * @param reason why the delivery was rejected
   * @param message what failed and what to do; must not contain a secret or a signature
   */
  public WebhookVerificationException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** @return why the delivery was rejected */
  public Reason reason() {
    return reason;
  }
}
