package dev.videojob.providers.videopilot;

import java.util.List;

/**
 * Every VideoPilot path and field name in one place ({@code videopilot-webhooks.txt} and the reference notes).
 * Where they are silent the choice is marked ASSUMED.
 */
final class VideoPilotApi {
  private VideoPilotApi() {}

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

  /** ASSUMED: where the draft answer may carry the video id, in order; the document shows no draft answer. */
  static final List<String> DRAFT_ID_FIELDS = List.of("_id", "id", "video_id", "videoId");
  /** ASSUMED: objects an answer may wrap its payload in. */
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
  /** ASSUMED: a top-level event id, used as the delivery id when present. */
  static final String F_EVENT_ID = "id";
}
