package dev.videojob.providers.ssemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobError;
import dev.videojob.core.JobStatus;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.internal.HumanDurations;
import dev.videojob.providers.internal.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Turns ssemble's JSON (create, status, result and webhook bodies) into {@link VideoJob} snapshots. */
final class SsembleJobs {
  private SsembleJobs() {}

  /**
   * Reads a create, status or result answer ({@code {data:{...}}}).
   *
   * @param root the answer
   * @param rawJson the text the object was read from (the whole body), kept as the snapshot's raw JSON
   * @param knownId the job id when the caller knows it (status, result), else null
   * @param observedAt when it was received
   * @return the snapshot
   * @throws ProviderResponseException if no job id can be found
   */
  static VideoJob fromAnswer(JsonNode root, String rawJson, String knownId, Instant observedAt) {
    JsonNode data = root.has(SsembleApi.DATA) && root.get(SsembleApi.DATA).isObject() ? root.get(SsembleApi.DATA) : root;
    String id = Json.text(data, SsembleApi.REQUEST_ID)
        .or(() -> Json.text(data, SsembleApi.ID))
        .or(() -> Json.text(data, SsembleApi.ID_FALLBACK))
        .orElse(knownId);
    if (id == null) {
      throw new ProviderResponseException("the answer carries no requestId or _id, so the job cannot be tracked",
          ErrorContext.of(Ssemble.ID), SsembleApi.REQUEST_ID, null);
    }
    String raw = Json.text(data, SsembleApi.STATUS_FIELD).orElse(null);
    JobStatus status = SsembleStatuses.of(raw).status();
    VideoJob.Builder b = VideoJob.builder(Ssemble.ID, id, status).rawStatus(raw == null ? "unknown" : raw)
        .observedAt(observedAt).rawJson(rawJson);
    HumanDurations.read(data, SsembleApi.ESTIMATED_TIME).ifPresent(b::estimatedTimeRemaining);
    Json.instant(data, SsembleApi.CREATED_AT).ifPresent(b::createdAt);
    Json.instant(data, SsembleApi.COMPLETED_AT).ifPresent(b::completedAt);
    Optional<String> step = Json.text(data, SsembleApi.STEP);
    step.ifPresent(b::phase);
    Json.text(data, SsembleApi.STEP_MESSAGE).ifPresent(m -> b.metadata("stepMessage", m));
    Optional<BigDecimal> percent = Json.number(data, SsembleApi.PROGRESS);
    if (percent.isPresent()) {
      b.progress(percent.get().doubleValue() / 100.0);
    } else if (status == JobStatus.SUCCEEDED) {
      b.progress(1.0);
    } else if (status == JobStatus.RUNNING) {
      step.flatMap(SsembleStatuses::stepProgress).ifPresent(b::progress);
    }
    if (status == JobStatus.SUCCEEDED) addShorts(b, data);
    if (status.isFailure()) b.error(error(status, data, step.orElse(null)));
    return b.build();
  }

  /**
   * Reads a webhook body.
   *
   * @param root the body
   * @param rawJson the text the object was read from (the whole body), kept as the snapshot's raw JSON
   * @param jobId the body's requestId
   * @param status the event's status
   * @param receivedAt when it arrived
   * @return the snapshot
   */
  static VideoJob fromWebhook(JsonNode root, String rawJson, String jobId, JobStatus status, Instant receivedAt) {
    JsonNode data = root.path(SsembleApi.DATA);
    String raw = Json.text(root, SsembleApi.STATUS_FIELD).orElse(Json.text(root, SsembleApi.EVENT).orElse("unknown"));
    VideoJob.Builder b = VideoJob.builder(Ssemble.ID, jobId, status).rawStatus(raw).observedAt(receivedAt)
        .rawJson(rawJson);
    Optional<Instant> at = Json.instant(root, SsembleApi.TIMESTAMP);
    if (status.isTerminal()) at.or(() -> Optional.of(receivedAt)).ifPresent(b::completedAt);
    if (status == JobStatus.SUCCEEDED) {
      b.progress(1.0);
      addShorts(b, data);
    }
    if (status.isFailure()) b.error(error(status, data.isObject() ? data : root, null));
    return b.build();
  }

  private static void addShorts(VideoJob.Builder b, JsonNode data) {
    JsonNode shorts = data.path(SsembleApi.SHORTS);
    if (!shorts.isArray()) return;
    for (JsonNode s : shorts) {
      Optional<URI> url = Json.url(Ssemble.ID, s, SsembleApi.SHORT_VIDEO_URL);
      if (url.isEmpty()) continue;
      Optional<String> shortId = Json.text(s, SsembleApi.SHORT_ID);
      Optional<URI> thumb = Json.text(s, SsembleApi.SHORT_THUMBNAIL)
          .or(() -> Json.text(s, SsembleApi.SHORT_THUMBNAIL_FALLBACK))
          .flatMap(t -> Json.absoluteUrl(Ssemble.ID, SsembleApi.SHORT_THUMBNAIL, t));
      Asset.Builder a = Asset.builder(url.get(), AssetKind.SHORT).mimeType("video/mp4")
          .title(Json.text(s, SsembleApi.SHORT_TITLE).orElse(null))
          .attribute("id", shortId.orElse(null))
          .attribute("thumbnailUrl", thumb.map(URI::toString).orElse(null));
      Json.seconds(s, SsembleApi.SHORT_DURATION).ifPresent(a::duration);
      Json.number(s, SsembleApi.SHORT_VIRAL_SCORE).ifPresent(n -> a.score(n.doubleValue()));
      b.addOutput(a.build());
      thumb.ifPresent(t -> b.addOutput(Asset.builder(t, AssetKind.THUMBNAIL)
          .title(Json.text(s, SsembleApi.SHORT_TITLE).orElse(null)).attribute("shortId", shortId.orElse(null)).build()));
    }
  }

  private static JobError error(JobStatus status, JsonNode data, String step) {
    if (status == JobStatus.CANCELED) return new JobError(ErrorCategory.CANCELED, null, "the job was cancelled", step, false);
    String code = null;
    String message = null;
    for (String f : SsembleApi.FAILURE_FIELDS) {
      JsonNode v = data.get(f);
      if (v == null || v.isNull()) continue;
      if (v.isObject()) {
        code = Json.text(v, "code").orElse(code);
        message = Json.text(v, "message").orElse(message);
      } else if (message == null) {
        message = Json.text(data, f).orElse(null);
      }
      if (message != null) break;
    }
    if (message == null) message = "ssemble reported the job as " + status.name().toLowerCase(java.util.Locale.ROOT);
    String c = code == null ? "" : code.toLowerCase(java.util.Locale.ROOT);
    ErrorCategory category = c.contains("credit") || c.contains("subscription") ? ErrorCategory.INSUFFICIENT_CREDITS
        : "fetching_video".equals(step) ? ErrorCategory.INVALID_INPUT
        : ErrorCategory.UNKNOWN;
    return new JobError(category, code, message, step, false);
  }
}
