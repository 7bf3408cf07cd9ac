package dev.videojob.providers.higgsfield;

/**
 * Every path and field name of the Higgsfield-like API, in one place. A platform-exact variant (model path
 * in the URL, {@code /requests/{id}/status}) changes these constants, not the adapter. Where the guide is
 * silent the choice is marked ASSUMED.
 */
final class HiggsfieldApi {
  private HiggsfieldApi() {}

  static final String PATH_CREATE = "/v1/videos";
  /** ASSUMED: the guide implies a job resource but shows no status call. */
  static final String PATH_JOB = "/v1/videos/%s";

  static final String F_PROMPT = "prompt";
  static final String F_ASPECT_RATIO = "aspect_ratio";
  static final String F_STYLE = "style";
  static final String F_OUTPUTS = "outputs";
  static final String F_OUTPUT_TYPE = "type";
  static final String F_OUTPUT_FORMAT = "format";
  static final String F_CALLBACK_URL = "callback_url";
  static final String F_METADATA = "metadata";

  static final String F_JOB_ID = "job_id";
  static final String F_STATUS = "status";
  static final String F_ETA = "estimated_time_seconds";
  static final String F_PROGRESS = "progress";
  static final String F_ASSETS = "assets";
  static final String F_ASSET_TYPE = "type";
  static final String F_ASSET_URL = "url";
  static final String F_ASSET_BITRATE = "bitrate";
  static final String F_MASTER_URL = "asset_url";
  static final String F_THUMBNAIL_URL = "thumbnail_url";
  static final String F_ERROR = "error";
  static final String F_CREATED_AT = "created_at";
  static final String F_COMPLETED_AT = "completed_at";
  static final String F_ASSET_DURATION = "duration";
  static final String F_ASSET_SIZE = "size_bytes";
  static final String F_ASSET_EXPIRES_AT = "expires_at";
}
