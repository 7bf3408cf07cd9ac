package dev.videojob.providers.creativeai;

/**
 * Every CreativeAI path and field name in one place ({@code creativeai-webhooks.txt} and CreativeAI's
 * reference pages). Where the document is silent the choice is marked ASSUMED.
 */
final class CreativeAiApi {
  private CreativeAiApi() {}

  static final String PATH_GENERATIONS = "/video/generations";
  static final String PATH_GENERATION = "/video/generations/%s";

  // create request
  static final String F_MODEL = "model";
  static final String F_PROMPT = "prompt";
  static final String F_DURATION = "duration";
  static final String F_ASPECT_RATIO = "aspect_ratio";
  static final String F_WEBHOOK_URL = "webhook_url";
  static final String F_IMAGE_URL = "image_url";

  // generation object (create answer, status answer, webhook body)
  static final String F_ID = "id";
  static final String F_OBJECT = "object";
  static final String GENERATION_OBJECT = "video.generation";
  static final String F_STATUS = "status";
  /** ASSUMED: a finer phase label beside the status. */
  static final String F_PHASE = "phase";
  /** ASSUMED: a percentage or fraction. */
  static final String F_PROGRESS = "progress";
  static final String F_OUTPUT_URL = "output_url";
  static final String F_THUMBNAIL_URL = "thumbnail_url";
  static final String F_CREDITS = "credits";
  static final String F_FAILOVER = "failover_used";
  static final String F_CREATED_AT = "created_at";
  static final String F_COMPLETED_AT = "completed_at";
  /** ASSUMED: text, or {@code {code|type, message}}. */
  static final String F_ERROR = "error";
  static final String F_ERROR_MESSAGE = "error_message";
  static final String F_ETA = "estimated_time_remaining";
}
