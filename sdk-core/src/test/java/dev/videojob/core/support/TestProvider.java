package dev.videojob.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.AspectRatio;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.JobError;
import dev.videojob.core.JobStatus;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.core.spi.VideoProvider;
import dev.videojob.core.spi.Auth;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A provider in a few lines, as the README shows: {@code POST /jobs}, {@code GET /jobs/{id}},
 * {@code POST /jobs/{id}/cancel}; statuses queued, running, succeeded, failed.
 */
public final class TestProvider implements VideoProvider {
  private final String id;
  private final HttpTransport http;
  private final ProviderCapabilities caps;

  public TestProvider(String id, HttpTransport http, boolean idempotencyKeys) {
    this.id = id;
    this.http = http;
    this.caps = ProviderCapabilities.builder().polling(true).cancel(true).webhooks(true)
        .idempotencyKeyHeader(idempotencyKeys ? "Idempotency-Key" : null)
        .supports(RequestField.PROMPT, RequestField.ASPECT_RATIO, RequestField.DURATION, RequestField.METADATA)
        .aspectRatios(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9)
        .maxDuration(Duration.ofSeconds(60))
        .build();
  }

  @Override public String id() { return id; }

  @Override public ProviderCapabilities capabilities() { return caps; }

  @Override public Optional<Auth> assetCredentials(URI url) { return http.assetCredentials(url); }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext ctx) {
    ObjectNode body = http.json().createObjectNode().put("prompt", request.prompt().orElse(null));
    request.aspectRatio().ifPresent(r -> body.put("aspect_ratio", r.toString()));
    return http.send(ApiRequest.post("/jobs").json(body).createsJob(true).build(), ctx).thenApply(r -> toJob(r.json()));
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext ctx) {
    return http.send(ApiRequest.get("/jobs/" + jobId).build(), ctx).thenApply(r -> toJob(r.json()));
  }

  @Override
  public CompletableFuture<VideoJob> cancel(String jobId, CallContext ctx) {
    return http.send(ApiRequest.post("/jobs/" + jobId + "/cancel").build(), ctx).thenApply(r -> toJob(r.json()));
  }

  private VideoJob toJob(JsonNode n) {
    String raw = n.path("status").asText();
    JobStatus s = switch (raw) {
      case "queued" -> JobStatus.QUEUED;
      case "running" -> JobStatus.RUNNING;
      case "succeeded" -> JobStatus.SUCCEEDED;
      case "failed" -> JobStatus.FAILED;
      case "canceled" -> JobStatus.CANCELED;
      default -> JobStatus.UNKNOWN;
    };
    VideoJob.Builder b = VideoJob.builder(id, n.path("id").asText(), s).rawStatus(raw).rawJson(n.toString());
    if (n.hasNonNull("eta_seconds")) b.estimatedTimeRemaining(Duration.ofSeconds(n.get("eta_seconds").asLong()));
    if (n.hasNonNull("url")) b.addOutput(Asset.builder(URI.create(n.get("url").asText()), AssetKind.MASTER).build());
    if (n.hasNonNull("error")) b.error(JobError.of(ErrorCategory.PROVIDER_INTERNAL, n.get("error").asText()));
    return b.build();
  }

  @Override
  public void close() {
    http.close();
  }
}
