package dev.videojob.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs webhook bodies with a provider's scheme: for tests, emulators, and applications that relay
 * events to their own receivers. Thread-safe.
 */
public final class WebhookSigner {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SignatureScheme scheme;
  private final WebhookSecret secret;
  private final Clock clock;

  private WebhookSigner(SignatureScheme scheme, WebhookSecret secret, Clock clock) {
    this.scheme = Objects.requireNonNull(scheme, "scheme == null");
    this.secret = Objects.requireNonNull(secret, "secret == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * A signer that timestamps with the system UTC clock.
   *
   * @param scheme the scheme
   * @param secret the secret as text, read as the scheme expects
   * @return the signer
   * @throws WebhookVerificationException with reason INVALID_SECRET if the secret is empty or cannot be decoded
   */
  public static WebhookSigner of(SignatureScheme scheme, String secret) {
    Objects.requireNonNull(scheme, "scheme == null");
    return new WebhookSigner(scheme, scheme.secret(Objects.requireNonNull(secret, "secret == null")), Clock.systemUTC());
  }

  /**
   * A signer with a given secret and clock.
   *
   * @param scheme the scheme
   * @param secret the secret
   * @param clock the clock that dates signatures
   * @return the signer
   */
  public static WebhookSigner of(SignatureScheme scheme, WebhookSecret secret, Clock clock) {
    return new WebhookSigner(scheme, secret, clock);
  }

  /**
   * Signs a body with a fresh random message id ({@code msg_...}) and the clock's now.
   *
   * @param body the raw body bytes
   * @return the headers to send with it
   */
  public Map<String, String> sign(byte[] body) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return sign(body, "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id));
  }

  /**
   * Signs a body with a given message id (for schemes that sign one) and the clock's now.
   *
   * @param body the raw body bytes
   * @param messageId the message id; keep it for a redelivery of the same message
   * @return the headers to send with it
   */
  public Map<String, String> sign(byte[] body, String messageId) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(messageId, "messageId == null");
    return scheme.sign(body, secret, messageId, clock.instant());
  }

  @Override
  public String toString() {
    return "WebhookSigner{" + scheme.name() + "}";
  }
}
