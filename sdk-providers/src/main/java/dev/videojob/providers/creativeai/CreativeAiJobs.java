package dev.videojob.providers.creativeai;

import static dev.videojob.providers.creativeai.CreativeAiApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.Cost;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobError;
import dev.videojob.core.JobStatus;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.ReportedError;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Turns a CreativeAI generation object (status answer or webhook body) into a {@link VideoJob}. */
final class CreativeAiJobs {
  private CreativeAiJobs() {}

  static Optional<String> id(JsonNode n) {
    return Json.text(n, F_ID);
  }

  /**
   * @param rawJson the text {@code n} was read from (the whole body), kept as the snapshot's raw JSON
   * @throws ProviderResponseException if the object carries no id and none is known
   */
  static VideoJob toJob(JsonNode n, String rawJson, String fallbackId, Instant observedAt) {
    String id = id(n).or(() -> Optional.ofNullable(fallbackId)).orElseThrow(() -> new ProviderResponseException(
        "the generation object carries no id, so the job cannot be tracked", ErrorContext.of(CreativeAi.ID), F_ID, null));
    String raw = Json.text(n, F_STATUS).orElse("unknown");
    StatusMapping m = CreativeAiStatuses.of(raw);
    JobStatus status = m.status();
    VideoJob.Builder b = VideoJob.builder(CreativeAi.ID, id, status).rawStatus(raw).observedAt(observedAt)
        .rawJson(rawJson);
    // A finer phase label, when the answer carries one, refines a running status.
    Optional<String> phase = Json.text(n, F_PHASE);
    StatusMapping pm = phase.map(CreativeAiStatuses::of).orElse(m);
    if (!status.isTerminal() && phase.isPresent()) {
      b.phase(phase.get().toLowerCase(Locale.ROOT));
      b.progress(pm.progress() != null ? pm.progress() : m.progress());
    } else {
      b.phase(m.phase()).progress(m.progress());
    }
    Json.number(n, F_PROGRESS).ifPresent(p -> b.progress(p.doubleValue() > 1.0 ? p.doubleValue() / 100.0 : p.doubleValue()));
    Json.seconds(n, F_ETA).ifPresent(b::estimatedTimeRemaining);
    Json.text(n, F_MODEL).ifPresent(model -> b.metadata("model", model));
    Json.number(n, F_CREDITS).filter(c -> c.signum() >= 0).ifPresent(c -> b.cost(Cost.credits(c)));
    Json.bool(n, F_FAILOVER).ifPresent(b::failoverUsed);
    Json.instant(n, F_CREATED_AT).ifPresent(b::createdAt);
    Json.instant(n, F_COMPLETED_AT).ifPresent(b::completedAt);
    Json.url(CreativeAi.ID, n, F_OUTPUT_URL)
        .ifPresent(u -> b.addOutput(Asset.builder(u, AssetKind.MASTER).mimeType("video/mp4")
            .attribute("model", Json.text(n, F_MODEL).orElse(null)).build()));
    Json.url(CreativeAi.ID, n, F_THUMBNAIL_URL)
        .ifPresent(u -> b.addOutput(Asset.builder(u, AssetKind.THUMBNAIL).build()));
    if (status.isFailure()) b.error(error(n));
    return b.build();
  }

  private static JobError error(JsonNode n) {
    ReportedError reported = ReportedError.read(n, F_ERROR, "code", "type");
    String code = reported.code();
    String message = reported.message();
    if (message == null) message = Json.text(n, F_ERROR_MESSAGE).orElse("CreativeAI reported the generation as failed");
    String lower = (message + " " + (code == null ? "" : code)).toLowerCase(Locale.ROOT);
    ErrorCategory category = lower.contains("timeout") || lower.contains("timed out") ? ErrorCategory.TIMEOUT
        : lower.contains("moderation") || lower.contains("nsfw") || lower.contains("policy") ? ErrorCategory.MODERATION
        : ErrorCategory.PROVIDER_INTERNAL;
    return new JobError(category, code, message, null, category != ErrorCategory.MODERATION);
  }
}
