package dev.videojob.providers.vidbuilder;

/**
 * Every path, header and field name of the VidBuilder API in one place, from its document
 * ({@code vidbuilder-async-api.md}) and the providers' notes. Where both are silent the choice is
 * marked ASSUMED.
 */
final class VidBuilderApi {
  private VidBuilderApi() {}

  static final String CREATE_ASYNC = "/api/generate-video-async";
  static final String CREATE_SYNC = "/api/generate-flexible-video";
  static final String STATUS = "/api/job-status/%s";
  static final String DOWNLOAD_PREFIX = "/api/download/";
  static final String SIGNATURE_HEADER = "x-webhook-signature";

  // request
  static final String WEBHOOK_URL = "webhookUrl";
  static final String THEME = "theme";
  static final String MUSIC = "music";
  static final String MUSIC_TRACK_ID = "trackId";
  static final String MUSIC_VOLUME = "volume";
  static final String QUALITY = "quality";
  static final String GENERATE_REELS = "generateReels";
  static final String SCENES = "scenes";
  static final String SCENE_TYPE = "type";
  static final String SCENE_DURATION = "duration";
  static final String SCENE_CONTENT = "content";

  // answers and webhooks
  static final String JOB_ID = "jobId";
  static final String STATUS_FIELD = "status";
  static final String SUCCESS = "success";
  static final String MESSAGE = "message";
  static final String STATUS_URL = "statusUrl";
  static final String ESTIMATED_TIME = "estimatedTime";
  static final String WEBHOOK_CONFIGURED = "webhookConfigured";
  /** From the providers' notes: the 202 may carry {@code queue: {position, ...}}. */
  static final String QUEUE = "queue";
  static final String QUEUE_POSITION = "position";
  static final String PROGRESS = "progress";
  static final String CREATED_AT = "createdAt";
  static final String TIMESTAMP = "timestamp";
  static final String ERROR = "error";
  static final String VIDEO_URL = "videoUrl";
  static final String DURATION = "duration";
  static final String SCENE_COUNT = "scenes";
  static final String REELS_GENERATED = "reelsGenerated";
  static final String RENDER_TIME = "renderTime";
  static final String S3_UPLOAD = "s3Upload";
  static final String S3_ENABLED = "enabled";
  static final String S3_STANDARD = "standard";
  static final String S3_KEY = "s3Key";
  static final String S3_SIGNED_URL = "signedUrl";
  static final String S3_EXPIRES_IN = "expiresIn";
  /**
   * ASSUMED: the document does not show where reels go when {@code generateReels} is true. Read are
   * every {@code s3Upload} entry besides {@code enabled} and {@code standard} (an object or an array of
   * objects with {@code signedUrl}), and a top-level {@code reels} array of URLs or objects.
   */
  static final String REELS = "reels";
  static final String[] REEL_URL_FIELDS = {"signedUrl", "url", "videoUrl", "downloadUrl"};
}
