package dev.videojob.providers.videopilot;

import static dev.videojob.providers.videopilot.VideoPilotApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobError;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.StatusMapping;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.ReportedError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns VideoPilot's answers and webhook events into {@link VideoJob} snapshots and job ids. */
final class VideoPilotJobs {
  private VideoPilotJobs() {}

  /** The answer's payload: the object itself, or the first envelope found in it. */
  static JsonNode payload(JsonNode n) {
    for (String e : ENVELOPES) {
      JsonNode inner = n.get(e);
      if (inner != null && inner.isObject()) return inner;
    }
    return n;
  }

  /** The first of the fields that has text. */
  static Optional<String> firstField(JsonNode n, List<String> fields) {
    return fields.stream().filter(f -> Json.text(n, f).isPresent()).findFirst();
  }

  static List<String> jobIds(JsonNode n) {
    JsonNode arr = n.get(F_JOB_IDS);
    if (arr == null) arr = payload(n).get(F_JOB_IDS);
    List<String> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode id : arr) {
        if (id.isValueNode() && !id.asText().isBlank()) out.add(id.asText());
      }
    }
    return out;
  }

  /**
   * The job id of a video and its render job, as VideoPilot named them.
   *
   * @param videoId the video id
   * @param videoField where the answer carried it, for the error
   * @param renderId the render job id, or null
   * @param renderField where the answer carried it, for the error
   * @return the id
   * @throws ProviderResponseException naming the field, if an id cannot be part of a job id (it contains
   *     {@value VideoPilotJobId#SEPARATOR})
   */
  static VideoPilotJobId jobId(String videoId, String videoField, String renderId, String renderField) {
    for (String[] id : new String[][] {{videoId, videoField}, {renderId, renderField}}) {
      if (id[0] != null && id[0].indexOf(VideoPilotJobId.SEPARATOR) >= 0) {
        throw new ProviderResponseException("VideoPilot sent the id '" + id[0] + "' in " + id[1] + "; it contains '"
            + VideoPilotJobId.SEPARATOR + "', which this SDK reserves to join the video and render ids, so the job"
            + " cannot be tracked: report it to the SDK's maintainers", ErrorContext.of(VideoPilot.ID), id[1], null);
      }
    }
    return new VideoPilotJobId(videoId, renderId);
  }

  /** A snapshot from the render status endpoint (or the render queue's answer). */
  static VideoJob fromRender(JsonNode answer, String rawJson, VideoPilotJobId id, Instant observedAt) {
    JsonNode n = payload(answer);
    String raw = Json.text(n, F_STATUS).orElse("unknown");
    StatusMapping m = VideoPilotStatuses.ofStatus(raw);
    VideoJob.Builder b = VideoJob.builder(VideoPilot.ID, id.value(), m.status()).rawStatus(raw).phase(m.phase())
        .progress(m.progress()).observedAt(observedAt).rawJson(rawJson)
        .metadata(F_VIDEO_ID, id.videoId());
    id.renderJob().ifPresent(r -> b.addSubJob(new SubJob("render", r)));
    Json.number(n, F_PROGRESS).ifPresent(p -> b.progress(p.doubleValue() > 1.0 ? p.doubleValue() / 100 : p.doubleValue()));
    Json.seconds(n, F_ESTIMATED_DURATION).ifPresent(b::estimatedTimeRemaining);
    output(n).ifPresent(b::addOutput);
    if (m.status().isFailure()) b.error(error(n, null));
    return b.build();
  }

  /** A snapshot from a webhook event's {@code data}. */
  static VideoJob fromEvent(String event, JsonNode data, Instant timestamp, Instant observedAt, String rawJson) {
    StatusMapping m = VideoPilotStatuses.ofEvent(event);
    String videoId = Json.text(data, F_VIDEO_ID).orElseThrow();
    Optional<String> renderId = Json.text(data, F_RENDER_JOB_ID);
    VideoPilotJobId id = jobId(videoId, F_DATA + "." + F_VIDEO_ID, renderId.orElse(null), F_DATA + "." + F_RENDER_JOB_ID);
    String raw = Json.text(data, F_STATUS).orElse(event);
    VideoJob.Builder b = VideoJob.builder(VideoPilot.ID, id.value(), m.status()).rawStatus(raw).phase(m.phase())
        .progress(m.progress()).observedAt(observedAt).rawJson(rawJson).metadata(F_VIDEO_ID, videoId);
    renderId.ifPresent(r -> b.addSubJob(new SubJob("render", r)));
    Json.text(data, F_TITLE).ifPresent(t -> b.metadata(F_TITLE, t));
    Json.text(data, F_SCENE_COUNT).ifPresent(t -> b.metadata(F_SCENE_COUNT, t));
    Json.text(data, F_TOTAL_DURATION).ifPresent(t -> b.metadata(F_TOTAL_DURATION, t));
    Json.text(data, F_SCENES_WITH_IMAGES).ifPresent(t -> b.metadata(F_SCENES_WITH_IMAGES, t));
    Json.text(data, F_SCENES_WITH_AUDIO).ifPresent(t -> b.metadata(F_SCENES_WITH_AUDIO, t));
    Json.text(data, F_QUALITY).ifPresent(t -> b.metadata(F_QUALITY, t));
    Json.seconds(data, F_EVENT_ESTIMATED_DURATION).ifPresent(b::estimatedTimeRemaining);
    output(data).ifPresent(b::addOutput);
    if (m.status().isTerminal() && timestamp != null) b.completedAt(timestamp);
    if (m.status().isFailure()) b.error(error(data, Json.text(data, F_FAILED_STEP).orElse(null)));
    return b.build();
  }

  private static Optional<Asset> output(JsonNode n) {
    return firstField(n, OUTPUT_URL_FIELDS).flatMap(f -> Json.url(VideoPilot.ID, n, f)).map(u -> {
      Asset.Builder a = Asset.builder(u, AssetKind.MASTER).mimeType("video/mp4")
          .attribute(F_QUALITY, Json.text(n, F_QUALITY).orElse(null));
      Json.seconds(n, F_MEDIA_DURATION).ifPresent(a::duration);
      Json.size(VideoPilot.ID, n, F_FILE_SIZE).ifPresent(a::sizeBytes);
      return a.build();
    });
  }

  private static JobError error(JsonNode n, String failedStep) {
    ReportedError reported = ReportedError.read(n, F_ERROR);
    String code = reported.code();
    String message = reported.message();
    if (message == null) message = "VideoPilot reported the job as failed";
    ErrorCategory c = message.toLowerCase(Locale.ROOT).contains("timeout") ? ErrorCategory.TIMEOUT
        : ErrorCategory.PROVIDER_INTERNAL;
    return new JobError(c, code, message, failedStep, true);
  }
}
