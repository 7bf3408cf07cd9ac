package dev.videojob.providers.vidbuilder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.JsonWebhookFormat;
import dev.videojob.providers.internal.WebhookBodies;
import dev.videojob.webhooks.SignatureScheme;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHeaders;
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
 * status the document does not list is an event of kind {@link WebhookEvent.Kind#UNKNOWN}; a body without a
 * status, or a listed status without a {@code jobId}, is a {@link dev.videojob.webhooks.WebhookParseException}.
 * Relative URLs ({@code /api/download/{jobId}}) are resolved against the base URL
 * ({@value VidBuilder#DEFAULT_BASE_URL} unless {@link #withBaseUrl} says otherwise). Immutable and
 * thread-safe.
 */
public final class VidBuilderWebhookFormat extends JsonWebhookFormat {
  private final boolean signed;
  private final URI baseUrl;

  private VidBuilderWebhookFormat(boolean signed, URI baseUrl) {
    super(VidBuilder.ID, signed ? SignatureScheme.hmacSha256Hex(VidBuilderApi.SIGNATURE_HEADER) : null);
    this.signed = signed;
    this.baseUrl = baseUrl;
  }

  /** @return the format for unsigned callbacks (VidBuilder's default); the same as {@link #unsigned()} */
  public static VidBuilderWebhookFormat create() {
    return unsigned();
  }

  /** @return the format for unsigned callbacks (VidBuilder's default): no signature scheme */
  public static VidBuilderWebhookFormat unsigned() {
    return new VidBuilderWebhookFormat(false, URI.create(VidBuilder.DEFAULT_BASE_URL));
  }

  /** @return the format for callbacks signed in {@code x-webhook-signature}, the hex HMAC-SHA256 of the body */
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
  protected WebhookEvent parse(JsonNode root, byte[] body, WebhookHeaders headers, Instant receivedAt) {
    String status = Json.text(root, VidBuilderApi.STATUS_FIELD).orElseThrow(() -> refuse("webhook body has no status"));
    Optional<String> jobId = Json.text(root, VidBuilderApi.JOB_ID);
    if (!VidBuilderStatuses.isWebhookStatus(status)) {
      return WebhookEvent.builder(VidBuilder.ID, WebhookEvent.Kind.UNKNOWN, status).jobId(jobId.orElse(null))
          .receivedAt(receivedAt).rawBody(body).build();
    }
    String id = jobId.orElseThrow(() -> refuse("webhook body has no jobId"));
    return WebhookEvent.builder(VidBuilder.ID, WebhookEvent.Kind.JOB_UPDATE, status)
        .snapshot(VidBuilderJobs.read(root, WebhookBodies.text(body), id, null, baseUrl, receivedAt))
        .receivedAt(receivedAt).rawBody(body).build();
  }
}
