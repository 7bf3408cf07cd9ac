package dev.videojob.providers.vidbuilder;

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
import dev.videojob.providers.internal.Urls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns VidBuilder's JSON (answers, status and webhooks) into {@link VideoJob} snapshots. */
final class VidBuilderJobs {
  private VidBuilderJobs() {}

  /**
   * Reads any VidBuilder body that describes a job.
   *
   * @param root the body
   * @param rawJson the text the object was read from (the whole body), kept as the snapshot's raw JSON
   * @param knownId the job id when the caller knows it, else null
   * @param fallbackStatus the status when the body names none (the sync answer), else null
   * @param baseUrl what relative URLs are resolved against
   * @param observedAt when it was received
   * @return the snapshot
   * @throws ProviderResponseException if no job id can be found
   */
  static VideoJob read(JsonNode root, String rawJson, String knownId, String fallbackStatus, URI baseUrl, Instant observedAt) {
    Optional<String> videoUrl = Json.text(root, VidBuilderApi.VIDEO_URL);
    String id = Json.text(root, VidBuilderApi.JOB_ID)
        .or(() -> Optional.ofNullable(knownId))
        .or(() -> videoUrl.filter(u -> u.startsWith(VidBuilderApi.DOWNLOAD_PREFIX))
            .map(u -> u.substring(VidBuilderApi.DOWNLOAD_PREFIX.length())).filter(s -> !s.isBlank()))
        .orElseThrow(() -> new ProviderResponseException("the body carries no jobId, so the job cannot be tracked",
            ErrorContext.of(VidBuilder.ID), VidBuilderApi.JOB_ID, null));
    String raw = Json.text(root, VidBuilderApi.STATUS_FIELD).orElse(fallbackStatus);
    JobStatus status = VidBuilderStatuses.of(raw).status();
    VideoJob.Builder b = VideoJob.builder(VidBuilder.ID, id, status).rawStatus(raw == null ? "unknown" : raw)
        .phase(raw).observedAt(observedAt).rawJson(rawJson);
    Json.instant(root, VidBuilderApi.CREATED_AT).ifPresent(b::createdAt);
    Optional<Instant> timestamp = Json.instant(root, VidBuilderApi.TIMESTAMP);
    if (status.isTerminal()) b.completedAt(timestamp.orElse(observedAt));
    Json.number(root, VidBuilderApi.PROGRESS).ifPresent(p -> b.progress(p.doubleValue() / 100.0));
    if (status == JobStatus.SUCCEEDED) b.progress(1.0);
    HumanDurations.read(root, VidBuilderApi.ESTIMATED_TIME).ifPresent(b::estimatedTimeRemaining);
    Json.text(root, VidBuilderApi.MESSAGE).ifPresent(m -> b.metadata("message", m));
    Json.text(root, VidBuilderApi.STATUS_URL).ifPresent(m -> b.metadata("statusUrl", m));
    Json.bool(root, VidBuilderApi.WEBHOOK_CONFIGURED).ifPresent(m -> b.metadata("webhookConfigured", m.toString()));
    Json.text(root, VidBuilderApi.RENDER_TIME).ifPresent(m -> b.metadata("renderTime", m));
    Json.text(root, VidBuilderApi.SCENE_COUNT).ifPresent(m -> b.metadata("scenes", m));
    Json.bool(root, VidBuilderApi.REELS_GENERATED).ifPresent(m -> b.metadata("reelsGenerated", m.toString()));
    JsonNode queue = root.get(VidBuilderApi.QUEUE);
    if (queue != null && queue.isObject()) {
      Json.text(queue, VidBuilderApi.QUEUE_POSITION).ifPresent(p -> b.metadata("queuePosition", p));
      queue.properties().forEach(e -> {
        if (!e.getKey().equals(VidBuilderApi.QUEUE_POSITION) && e.getValue().isValueNode()) {
          b.metadata("queue." + e.getKey(), e.getValue().asText());
        }
      });
    }
    if (status == JobStatus.SUCCEEDED) {
      addOutputs(b, root, videoUrl, baseUrl, timestamp.orElse(observedAt));
    }
    if (status == JobStatus.FAILED) b.error(error(root));
    return b.build();
  }

  private static void addOutputs(VideoJob.Builder b, JsonNode root, Optional<String> videoUrl, URI baseUrl,
      Instant issuedAt) {
    Optional<Duration> duration = Json.seconds(root, VidBuilderApi.DURATION);
    JsonNode s3 = root.path(VidBuilderApi.S3_UPLOAD);
    if (s3.isObject() && !Json.bool(s3, VidBuilderApi.S3_ENABLED).orElse(true).equals(Boolean.FALSE)) {
      JsonNode standard = s3.path(VidBuilderApi.S3_STANDARD);
      signed(standard, AssetKind.MASTER, issuedAt).ifPresent(a -> {
        duration.ifPresent(a::duration);
        b.addOutput(a.attribute("variant", VidBuilderApi.S3_STANDARD).build());
      });
      for (Map.Entry<String, JsonNode> e : s3.properties()) {
        if (e.getKey().equals(VidBuilderApi.S3_ENABLED) || e.getKey().equals(VidBuilderApi.S3_STANDARD)) continue;
        if (e.getValue().isObject()) {
          signed(e.getValue(), AssetKind.REEL, issuedAt).ifPresent(a -> b.addOutput(a.attribute("variant", e.getKey()).build()));
        } else if (e.getValue().isArray()) {
          for (JsonNode item : e.getValue()) {
            signed(item, AssetKind.REEL, issuedAt).ifPresent(a -> b.addOutput(a.attribute("variant", e.getKey()).build()));
          }
        }
      }
    }
    videoUrl.flatMap(u -> Urls.resolve(VidBuilder.ID, VidBuilderApi.VIDEO_URL, baseUrl, u)).ifPresent(u -> {
      Asset.Builder a = Asset.builder(u, AssetKind.MASTER).mimeType("video/mp4").needsAuth(Urls.sameOrigin(u, baseUrl))
          .attribute("variant", "download");
      duration.ifPresent(a::duration);
      b.addOutput(a.build());
    });
    JsonNode reels = root.path(VidBuilderApi.REELS);
    if (reels.isArray()) {
      for (JsonNode r : reels) {
        Optional<String> url = r.isTextual() ? Optional.of(r.asText()) : firstText(r, VidBuilderApi.REEL_URL_FIELDS);
        url.filter(s -> !s.isBlank()).flatMap(s -> Urls.resolve(VidBuilder.ID, VidBuilderApi.REELS, baseUrl, s)).ifPresent(u -> {
          Asset.Builder a = Asset.builder(u, AssetKind.REEL).mimeType("video/mp4").needsAuth(Urls.sameOrigin(u, baseUrl));
          if (r.isObject()) {
            HumanDurations.read(r, VidBuilderApi.S3_EXPIRES_IN).ifPresent(d -> a.expiresAt(issuedAt.plus(d)));
            Json.seconds(r, VidBuilderApi.DURATION).ifPresent(a::duration);
          }
          b.addOutput(a.attribute("variant", VidBuilderApi.REELS).build());
        });
      }
    }
  }

  private static Optional<Asset.Builder> signed(JsonNode node, AssetKind kind, Instant issuedAt) {
    return Json.url(VidBuilder.ID, node, VidBuilderApi.S3_SIGNED_URL).map(u -> {
      Asset.Builder a = Asset.builder(u, kind).mimeType("video/mp4")
          .attribute("s3Key", Json.text(node, VidBuilderApi.S3_KEY).orElse(null));
      HumanDurations.read(node, VidBuilderApi.S3_EXPIRES_IN).ifPresent(d -> a.expiresAt(issuedAt.plus(d)));
      return a;
    });
  }

  private static Optional<String> firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      Optional<String> v = Json.text(node, f);
      if (v.isPresent()) return v;
    }
    return Optional.empty();
  }

  private static JobError error(JsonNode root) {
    JsonNode e = root.get(VidBuilderApi.ERROR);
    String message = e != null && e.isObject() ? Json.text(e, "message").orElse(null) : Json.text(root, VidBuilderApi.ERROR).orElse(null);
    String code = e != null && e.isObject() ? Json.text(e, "code").orElse(null) : null;
    if (message == null) message = Json.text(root, VidBuilderApi.MESSAGE).orElse("VidBuilder reported the job as failed");
    boolean invalid = message.toLowerCase(Locale.ROOT).contains("invalid");
    return new JobError(invalid ? ErrorCategory.INVALID_INPUT : ErrorCategory.PROVIDER_INTERNAL, code, message, null,
        !invalid);
  }
}
