package dev.videojob.providers.higgsfield;

import static dev.videojob.providers.higgsfield.HiggsfieldApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobError;
import dev.videojob.core.JobStatus;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.ReportedError;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a Higgsfield-like job object (create answer, status answer or webhook body) into a {@link VideoJob}. */
final class HiggsfieldJobs {

  private static final Map<String, AssetKind> KINDS = Map.of(
      "master", AssetKind.MASTER, "proxy", AssetKind.PROXY, "preview", AssetKind.PROXY,
      "thumbnail", AssetKind.THUMBNAIL, "hls", AssetKind.MANIFEST, "dash", AssetKind.MANIFEST,
      "manifest", AssetKind.MANIFEST, "audio", AssetKind.AUDIO, "captions", AssetKind.CAPTIONS);

  private HiggsfieldJobs() {}

  /**
   * @param rawJson the text {@code n} was read from (the whole body), kept as the snapshot's raw JSON
   * @throws ProviderResponseException if the object carries no job id and none is known
   */
  static VideoJob toJob(JsonNode n, String rawJson, String fallbackId, Instant observedAt) {
    String id = Json.text(n, F_JOB_ID).or(() -> Optional.ofNullable(fallbackId)).orElseThrow(() ->
        new ProviderResponseException("the answer carries no job id, so the job cannot be tracked",
            ErrorContext.of(Higgsfield.ID), F_JOB_ID, null));
    String raw = Json.text(n, F_STATUS).orElse("unknown");
    StatusMapping m = HiggsfieldStatuses.of(raw);
    VideoJob.Builder b = VideoJob.builder(Higgsfield.ID, id, m.status()).rawStatus(raw).phase(m.phase())
        .progress(m.progress()).observedAt(observedAt).rawJson(rawJson);
    Json.number(n, F_PROGRESS).ifPresent(p -> b.progress(p.doubleValue() > 1.0 ? p.doubleValue() / 100 : p.doubleValue()));
    Json.seconds(n, F_ETA).ifPresent(b::estimatedTimeRemaining);
    Json.instant(n, F_CREATED_AT).ifPresent(b::createdAt);
    Json.instant(n, F_COMPLETED_AT).ifPresent(b::completedAt);
    JsonNode meta = n.get(F_METADATA);
    if (meta != null && meta.isObject()) {
      meta.fields().forEachRemaining(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) b.metadata(e.getKey(), e.getValue().asText());
      });
    }
    JsonNode assets = n.get(F_ASSETS);
    boolean anyMaster = false;
    if (assets != null && assets.isArray()) {
      for (JsonNode a : assets) {
        Optional<URI> url = Json.url(Higgsfield.ID, a, F_ASSET_URL);
        if (url.isEmpty()) continue;
        String type = Json.text(a, F_ASSET_TYPE).orElse("other");
        AssetKind kind = KINDS.getOrDefault(type.toLowerCase(Locale.ROOT), AssetKind.OTHER);
        anyMaster |= kind == AssetKind.MASTER;
        Asset.Builder ab = Asset.builder(url.get(), kind).attribute("type", type)
            .attribute("bitrate", Json.text(a, F_ASSET_BITRATE).orElse(null))
            .attribute("format", Json.text(a, F_OUTPUT_FORMAT).orElse(null))
            .attribute("aspect_ratio", Json.text(a, F_ASPECT_RATIO).orElse(null));
        Json.seconds(a, F_ASSET_DURATION).ifPresent(ab::duration);
        Json.size(Higgsfield.ID, a, F_ASSET_SIZE).ifPresent(ab::sizeBytes);
        Json.instant(a, F_ASSET_EXPIRES_AT).ifPresent(ab::expiresAt);
        b.addOutput(ab.build());
      }
    }
    if (!anyMaster) {
      Json.url(Higgsfield.ID, n, F_MASTER_URL).ifPresent(u -> b.addOutput(Asset.builder(u, AssetKind.MASTER)
          .build()));
    }
    Json.url(Higgsfield.ID, n, F_THUMBNAIL_URL)
        .ifPresent(u -> b.addOutput(Asset.builder(u, AssetKind.THUMBNAIL).build()));
    if (m.status().isFailure()) b.error(error(n, raw, m.status()));
    return b.build();
  }

  private static JobError error(JsonNode n, String raw, JobStatus status) {
    ReportedError reported = ReportedError.read(n, F_ERROR);
    String code = reported.code();
    String message = reported.message();
    if (HiggsfieldStatuses.NSFW.equalsIgnoreCase(raw)) {
      return new JobError(ErrorCategory.MODERATION, code == null ? HiggsfieldStatuses.NSFW : code,
          message == null ? "the content was refused by moderation (nsfw)" : message, null, false);
    }
    if (status == JobStatus.CANCELED) {
      return new JobError(ErrorCategory.CANCELED, code, message == null ? "the job was canceled" : message, null, true);
    }
    return new JobError(ErrorCategory.PROVIDER_INTERNAL, code, message == null ? "the job failed" : message, null, true);
  }
}
