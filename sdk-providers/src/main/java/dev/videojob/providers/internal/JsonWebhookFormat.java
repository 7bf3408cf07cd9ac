package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every provider's webhook format whose body is one JSON object: it holds the provider id and
 * the signature scheme (none for a provider that signs nothing), and reads the verified body with
 * {@link WebhookBodies#object} (exactly one JSON object, nothing after it, one shared mapper) before the
 * provider's own {@link #parse(JsonNode, byte[], WebhookHeaders, Instant)} sees it. Subclasses are
 * immutable.
 */
public abstract class JsonWebhookFormat implements WebhookFormat {
  private final String provider;
  private final SignatureScheme scheme;

  /**
   * @param provider the provider id
   * @param scheme the signature scheme, or null when the provider signs nothing
   */
  protected JsonWebhookFormat(String provider, SignatureScheme scheme) {
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.scheme = scheme;
  }

  @Override
  public final String provider() {
    return provider;
  }

  /** @return the scheme the provider signs with, or empty when it signs nothing (a callback token then guards the URL) */
  @Override
  public final Optional<SignatureScheme> signatureScheme() {
    return Optional.ofNullable(scheme);
  }

  /**
   * Reads a verified body: one JSON object, then the provider's own reading.
   *
   * @param body the raw body
   * @param headers the request headers
   * @param receivedAt when it arrived
   * @return the event
   * @throws WebhookParseException if the body is not one JSON object (nothing but whitespace may follow it), or
   *     the provider's reading refuses it
   */
  @Override
  public final WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
    return parse(WebhookBodies.object(provider, body), body, headers, receivedAt);
  }

  /**
   * Reads the body's JSON object into an event.
   *
   * @param root the body as a JSON object
   * @param body the raw body, for {@link WebhookEvent.Builder#rawBody}
   * @param headers the request headers
   * @param receivedAt when it arrived
   * @return the event
   * @throws WebhookParseException if the object cannot be an event of this provider
   */
  protected abstract WebhookEvent parse(JsonNode root, byte[] body, WebhookHeaders headers, Instant receivedAt);

  /**
   * @param message what is wrong with the body, quoting nothing from it
   * @return the parse failure of this provider
   */
  protected final WebhookParseException refuse(String message) {
    return new WebhookParseException(provider, message, null);
  }

  /** @return the format's class and its scheme's name, or {@code unsigned} */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + (scheme == null ? "unsigned" : scheme.name()) + "}";
  }
}
