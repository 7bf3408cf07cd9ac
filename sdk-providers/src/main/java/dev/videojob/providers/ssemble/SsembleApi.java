package dev.videojob.providers.ssemble;

/**
 * Every path, header and field name of the ssemble API in one place, so a change at ssemble is a
 * change here. Sources: the webhook document ({@code ssemble-webhooks.txt}) for the webhook and
 * the paths it names; the providers' notes ({@code providers/README.md}) for the create and status
 * shapes. Where both are silent the choice is marked ASSUMED.
 */
final class SsembleApi {
  private SsembleApi() {}

  static final String CREATE = "/shorts/create";
  static final String STATUS = "/shorts/%s/status";
  static final String RESULT = "/shorts/%s";
  static final String API_KEY_HEADER = "X-API-Key";

  // create request
  static final String URL = "url";
  static final String FILE_URL = "fileUrl";
  static final String START = "start";
  static final String END = "end";
  static final String PREFERRED_LENGTH = "preferredLength";
  static final String LANGUAGE = "language";
  static final String CAPTION_LANGUAGE = "captionLanguage";
  static final String TEMPLATE_ID = "templateId";
  static final String LAYOUT = "layout";
  static final String WEBHOOK_URL = "webhookUrl";

  // responses: every answer wraps its object in "data"
  static final String DATA = "data";
  static final String REQUEST_ID = "requestId";
  static final String ID = "_id";
  /** ASSUMED: some answers may name the id {@code id}; read as a fallback. */
  static final String ID_FALLBACK = "id";
  static final String STATUS_FIELD = "status";
  static final String ESTIMATED_TIME = "estimatedTime";
  static final String STEP = "step";
  static final String STEP_MESSAGE = "stepMessage";
  static final String PROGRESS = "progress";
  static final String FAILURE_REASON = "failureReason";
  static final String CREATED_AT = "createdAt";
  static final String COMPLETED_AT = "completedAt";

  // shorts, in the webhook's data.shorts and (ASSUMED, same names) in GET /shorts/:id's data.shorts
  static final String SHORTS = "shorts";
  static final String SHORT_ID = "id";
  static final String SHORT_TITLE = "title";
  static final String SHORT_VIDEO_URL = "video_url";
  static final String SHORT_DURATION = "duration";
  static final String SHORT_VIRAL_SCORE = "viral_score";
  /** ASSUMED: not in the document; read when present. */
  static final String SHORT_THUMBNAIL = "thumbnail_url";
  /** ASSUMED: not in the document; read when present. */
  static final String SHORT_THUMBNAIL_FALLBACK = "thumbnail";

  // webhook
  static final String EVENT = "event";
  static final String TIMESTAMP = "timestamp";
  static final String EVENT_COMPLETED = "shorts.completed";
  static final String EVENT_FAILED = "shorts.failed";
  /** ASSUMED: the document's failed-event data is not shown; these are read in order for the reason. */
  static final String[] FAILURE_FIELDS = {"failureReason", "error", "message", "reason"};
}
