package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookFormat;
import dev.videojob.webhooks.WebhookHeaders;
import dev.videojob.webhooks.WebhookParseException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * VidBuilder's webhook: a POST of {@code {jobId, status, ...}} with status {@code started},
 * {@code completed} (with {@code videoUrl}, {@code s3Upload}, {@code duration}) or {@code failed}
 * (with {@code error}). Progress is not sent by webhook (document); poll for it.
 *
 * <p>Signing is optional at VidBuilder: {@link #signed()} expects {@code x-webhook-signature}, the
 * hex HMAC-SHA256 of the body (give the webhook pipeline the shared secret). The document (a "future
 * enhancement" there) signs {@code JSON.stringify(payload)}, the serialised payload; this format
 * verifies the raw bytes, which are the same bytes whenever the provider sends compact JSON (as
 * {@code JSON.stringify} writes it). {@link #unsigned()}
 * (the default at VidBuilder) has no scheme, so the pipeline requires a per-job
 * {@link dev.videojob.webhooks.CallbackTokens callback token} in the URL. VidBuilder sends no
 * delivery id: its redeliveries (after 30 s, 2 min, 5 min) are recognised by job and status. A
 * status the document does not list is an event of kind {@link WebhookEvent.Kind#UNKNOWN}.
 * Relative URLs ({@code /api/download/{jobId}}) are resolved against the base URL
 * ({@value VidBuilder#DEFAULT_BASE_URL} unless {@link #withBaseUrl} says otherwise). Immutable and
 * thread-safe.
 */
public final class VidBuilderWebhookFormat implements WebhookFormat {
  private static final SignatureScheme SCHEME = SignatureScheme.hmacSha256Hex(VidBuilderApi.SIGNATURE_HEADER);

  private final boolean signed;
  private final URI baseUrl;

  private VidBuilderWebhookFormat(boolean signed, URI baseUrl) {
    this.signed = signed;
    this.baseUrl = baseUrl;
  }

  /** @return the format for unsigned callbacks (VidBuilder's default) */
  public static VidBuilderWebhookFormat unsigned() {
    return new VidBuilderWebhookFormat(false, URI.create(VidBuilder.DEFAULT_BASE_URL));
  }

  /** @return the format for callbacks signed in {@code x-webhook-signature} */
  public static VidBuilderWebhookFormat signed() {
    return new VidBuilderWebhookFormat(true, URI.create(VidBuilder.DEFAULT_BASE_URL));
  }

  /**
   * @param baseUrl the API base URL relative output URLs are resolved against
   * @return a copy of this format with that base URL
   * @throws IllegalArgumentException if the URL is not absolute
   */
  public VidBuilderWebhookFormat withBaseUrl(String baseUrl) {
    URI u = URI.create(Objects.requireNonNull(baseUrl, "baseUrl == null"));
    if (!u.isAbsolute()) throw new IllegalArgumentException("baseUrl must be absolute");
    return new VidBuilderWebhookFormat(signed, u);
  }

  /** @return the base URL relative output URLs are resolved against */
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public String provider() {
    return VidBuilder.ID;
  }

  /** @return the {@code x-webhook-signature} hex HMAC-SHA256 scheme for {@link #signed()}, else empty */
  @Override
  public Optional<SignatureScheme> signatureScheme() {
    return signed ? Optional.of(SCHEME) : Optional.empty();
  }

  /**
   * Reads a callback body.
   *
   * @param body the raw body
   * @param headers the request headers (none needed beyond the signature)
   * @param receivedAt when it arrived
   * @return a {@code JOB_UPDATE} for {@code started}, {@code completed} and {@code failed}, else {@code UNKNOWN}
   * @throws WebhookParseException if the body is not one JSON object (nothing but whitespace may follow it), or
   *     has no status or a listed status without a jobId
   */
  @Override
  public WebhookEvent parse(byte[] body, WebhookHeaders headers, Instant receivedAt) {
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(receivedAt, "receivedAt == null");
    JsonNode root = WebhookBodies.object(VidBuilder.ID, body);
    String status = Json.text(root, VidBuilderApi.STATUS_FIELD)
        .orElseThrow(() -> new WebhookParseException(VidBuilder.ID, "webhook body has no status", null));
    Optional<String> jobId = Json.text(root, VidBuilderApi.JOB_ID);
    if (!VidBuilderStatusTable.isWebhookStatus(status)) {
      return WebhookEvent.builder(VidBuilder.ID, WebhookEvent.Kind.UNKNOWN, status).jobId(jobId.orElse(null))
          .receivedAt(receivedAt).rawBody(body).build();
    }
    String id = jobId.orElseThrow(() -> new WebhookParseException(VidBuilder.ID, "webhook body has no jobId", null));
    return WebhookEvent.builder(VidBuilder.ID, WebhookEvent.Kind.JOB_UPDATE, status)
        .snapshot(VidBuilderJobs.read(root, id, null, baseUrl, receivedAt))
        .receivedAt(receivedAt).rawBody(body).build();
  }

  @Override
  public String toString() {
    return "VidBuilderWebhookFormat{" + (signed ? "signed" : "unsigned") + "}";
  }
}
