package dev.videojob.webhooks;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import dev.videojob.webhooks.internal.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks that a webhook body was signed by the provider, over the raw bytes and a header lookup,
 * so it works in any framework: {@code verifier.verify(body, headers)}.
 *
 * <p>It checks the body size before any HMAC work, accepts several secrets (keep the old one
 * configured while a rotation propagates), compares MACs in constant time and, for schemes that
 * sign a timestamp, checks it both ways against a clock. Immutable and thread-safe.
 */
public final class WebhookVerifier {
  /** The default body limit: 1 MiB, as in the Higgsfield-like guide's handler. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final SignatureScheme scheme;
  private final List<WebhookSecret> secrets;
  private final int maxBodyBytes;
  private final TimestampTolerance tolerance;

  private WebhookVerifier(Builder b) {
    this.scheme = b.scheme;
    if (b.secrets.isEmpty()) {
      throw new WebhookVerificationException(Reason.INVALID_SECRET,
          "No webhook secret configured for " + b.scheme.name() + ": add one with secret(...)");
    }
    this.secrets = List.copyOf(b.secrets);
    this.maxBodyBytes = b.maxBodyBytes;
    this.tolerance = b.timestampCheck ? TimestampTolerance.of(b.window, b.clock) : TimestampTolerance.disabled();
  }

  /**
   * Starts a verifier for a scheme.
   *
   * @param scheme the provider's scheme
   * @return a builder
   * @throws NullPointerException if scheme is null
   */
  public static Builder builder(SignatureScheme scheme) {
    return new Builder(scheme);
  }

  /**
   * Verifies a body that is already in memory.
   *
   * @param body the raw body bytes, exactly as received
   * @param headers the request headers
   * @throws WebhookVerificationException if the body is too large or not signed by a configured secret; see its reason
   * @throws NullPointerException if an argument is null
   */
  public void verify(byte[] body, WebhookHeaders headers) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(headers, "headers == null");
    if (body.length > maxBodyBytes) throw BoundedBody.tooLarge(maxBodyBytes);
    scheme.verify(body, headers, secrets, tolerance);
  }

  /**
   * Reads a body under the size limit, verifies it, and returns it.
   *
   * @param body the body stream; read to its end (or to the limit), not closed
   * @param headers the request headers
   * @return the verified body bytes
   * @throws IOException if reading fails
   * @throws WebhookVerificationException if the body is too large or not signed by a configured secret
   */
  public byte[] verify(InputStream body, WebhookHeaders headers) throws IOException {
    Objects.requireNonNull(body, "body == null");
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    verify(bytes, headers);
    return bytes;
  }

  /** @return the scheme this verifier checks */
  public SignatureScheme scheme() {
    return scheme;
  }

  /** @return the largest body accepted, in bytes */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** @return how signed timestamps are checked */
  public TimestampTolerance tolerance() {
    return tolerance;
  }

  /** Names the scheme and the number of secrets, never the secrets. */
  @Override
  public String toString() {
    return "WebhookVerifier{" + scheme.name() + ", secrets=" + secrets.size() + ", maxBodyBytes=" + maxBodyBytes
        + ", " + tolerance + "}";
  }

  /** Builds a {@link WebhookVerifier}; not thread-safe. */
  public static final class Builder {
    private final SignatureScheme scheme;
    private final List<WebhookSecret> secrets = new ArrayList<>();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration window = TimestampTolerance.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private boolean timestampCheck = true;

    private Builder(SignatureScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme == null");
    }

    /**
     * Adds an accepted secret, read as the scheme expects ({@code whsec_...} for Standard Webhooks,
     * the text itself for the hex schemes). Call it again for each secret during a rotation.
     *
     * @param text the secret
     * @return this
     * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if it is empty or cannot be decoded
     */
    public Builder secret(String text) {
      secrets.add(scheme.secret(Objects.requireNonNull(text, "text == null")));
      return this;
    }

    /**
     * Adds an accepted secret.
     *
     * @param secret the secret
     * @return this
     */
    public Builder secret(WebhookSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret == null"));
      return this;
    }

    /**
     * Sets the largest body accepted; default {@link WebhookVerifier#DEFAULT_MAX_BODY_BYTES}.
     *
     * @param maxBodyBytes the limit in bytes; positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets how far a signed timestamp may be from now, each way; default {@link TimestampTolerance#DEFAULT}.
     *
     * @param window a positive duration
     * @return this
     * @throws IllegalArgumentException if zero or negative (use {@link #disableTimestampCheck()} instead)
     */
    public Builder timestampTolerance(Duration window) {
      Objects.requireNonNull(window, "window == null");
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("tolerance must be positive; call disableTimestampCheck() to turn it off");
      }
      this.window = window;
      return this;
    }

    /**
     * Sets the clock timestamps are checked against; default the system UTC clock.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Turns the timestamp check off: replays are then stopped only by de-duplication. Use it only to
     * process old deliveries on purpose (a backfill).
     *
     * @return this
     */
    public Builder disableTimestampCheck() {
      this.timestampCheck = false;
      return this;
    }

    /**
     * @return the verifier
     * @throws WebhookVerificationException with {@link Reason#INVALID_SECRET} if no secret was added
     */
    public WebhookVerifier build() {
      return new WebhookVerifier(this);
    }
  }
}
