package dev.videojob.providers.videopilot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videojob.core.Asset;
import dev.videojob.core.AssetKind;
import dev.videojob.core.ErrorCategory;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.JobError;
import dev.videojob.core.ProviderResponseException;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoJob;
import dev.videojob.providers.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every VideoPilot path and field name in one place, and the reading of its answers and events. */
final class VideoPilotApi {
  static final String PATH_VIDEOS = "/api/videos";
  static final String PATH_GENERATE_SCENES = "/api/videos/%s/generate-scenes";
  static final String PATH_RENDER = "/api/queue/render";
  static final String PATH_RENDER_STATUS = "/api/queue/render/%s/status";

  static final String F_PROMPT = "prompt";
  static final String F_STYLE = "style";
  static final String F_VOICE = "voiceType";
  static final String F_DURATION = "duration";
  static final String F_ORIENTATION = "orientation";
  static final String F_VIDEO_ID = "video_id";
  static final String F_QUALITY = "quality";
  static final String F_PRIORITY = "priority";
  static final String F_WEBHOOK_URL = "webhook_url";

  /** Where the draft answer may carry the video id, in order; the document shows no draft answer. */
  static final List<String> DRAFT_ID_FIELDS = List.of("_id", "id", "video_id", "videoId");
  /** Objects an answer may wrap its payload in. */
  static final List<String> ENVELOPES = List.of("data", "video", "job");
  static final String F_JOB_IDS = "jobIds";
  static final String F_RENDER_ID = "_id";
  static final String F_STATUS = "status";
  static final String F_ESTIMATED_DURATION = "estimatedDuration";
  static final String F_PROGRESS = "progress";
  static final List<String> OUTPUT_URL_FIELDS = List.of("output_url", "outputUrl", "videoUrl");

  static final String F_EVENT = "event";
  static final String F_DATA = "data";
  static final String F_TIMESTAMP = "timestamp";
  static final String F_RENDER_JOB_ID = "render_job_id";
  static final String F_TITLE = "title";
  static final String F_SCENE_COUNT = "scene_count";
  static final String F_TOTAL_DURATION = "total_duration";
  static final String F_SCENES_WITH_IMAGES = "scenes_with_images";
  static final String F_SCENES_WITH_AUDIO = "scenes_with_audio";
  static final String F_ERROR = "error";
  static final String F_FAILED_STEP = "failed_step";
  static final String F_EVENT_ESTIMATED_DURATION = "estimated_duration";
  static final String F_MEDIA_DURATION = "duration";
  static final String F_FILE_SIZE = "file_size";

  private VideoPilotApi() {}

  static String path(String template, String id) {
    return String.format(Locale.ROOT, template, URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** The answer's payload: the object itself, or the first envelope found in it. */
  static JsonNode payload(JsonNode n) {
    for (String e : ENVELOPES) {
      JsonNode inner = n.get(e);
      if (inner != null && inner.isObject()) return inner;
    }
    return n;
  }

  static Optional<String> firstText(JsonNode n, List<String> fields) {
    return firstField(n, fields).flatMap(f -> Json.text(n, f));
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
  static VideoJob fromRender(JsonNode answer, VideoPilotJobId id, Instant observedAt) {
    JsonNode n = payload(answer);
    String raw = Json.text(n, F_STATUS).orElse("unknown");
    VideoPilotStatuses.Mapping m = VideoPilotStatuses.ofStatus(raw);
    VideoJob.Builder b = VideoJob.builder(VideoPilot.ID, id.value(), m.status()).rawStatus(raw).phase(m.phase())
        .progress(m.progress()).observedAt(observedAt).rawJson(answer.toString())
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
    VideoPilotStatuses.Mapping m = VideoPilotStatuses.ofEvent(event);
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
    JsonNode e = n.get(F_ERROR);
    String code = null;
    String message = null;
    if (e != null && e.isObject()) {
      code = Json.text(e, "code").orElse(null);
      message = Json.text(e, "message").orElse(null);
    } else if (e != null && e.isTextual()) {
      message = e.asText();
    }
    if (message == null) message = "VideoPilot reported the job as failed";
    ErrorCategory c = message.toLowerCase(Locale.ROOT).contains("timeout") ? ErrorCategory.TIMEOUT
        : ErrorCategory.PROVIDER_INTERNAL;
    return new JobError(c, code, message, failedStep, true);
  }
}
