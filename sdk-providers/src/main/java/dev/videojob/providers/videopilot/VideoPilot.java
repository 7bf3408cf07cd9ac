package dev.videojob.providers.videopilot;

import static dev.videojob.providers.videopilot.VideoPilotApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.AspectRatio;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.SubJob;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.AdapterSupport;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.ApiResponse;
import dev.videojob.core.spi.Auth;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.HttpTransport;
import dev.videojob.core.spi.ProviderCapabilities;
import dev.videojob.core.spi.RequestField;
import dev.videojob.providers.ProviderBuilder;
import dev.videojob.providers.internal.Credentials;
import dev.videojob.providers.internal.EnvProviderFactory;
import dev.videojob.providers.internal.HttpAdapter;
import dev.videojob.providers.internal.Json;
import dev.videojob.providers.internal.Urls;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VideoPilot adapter. A VideoPilot video is made in three calls, which {@link #submit} drives as
 * one logical job: {@code POST /api/videos} (draft: prompt, style, voiceType, duration, orientation) →
 * {@code POST /api/videos/{id}/generate-scenes} (answers the scene {@code jobIds[]}) →
 * {@code POST /api/queue/render} ({@code video_id, quality, priority, webhook_url}; answers
 * {@code {_id, status:"pending", estimatedDuration}}). Auth is {@code Authorization: Bearer <API key>}.
 *
 * <p>The job's id is {@link VideoPilotJobId} {@code <videoId>~<renderJobId>}: stateless, it carries the
 * video id and lets {@link #status} poll {@code GET /api/queue/render/{renderJobId}/status} (pending,
 * processing, completed, failed). The submit snapshot lists the scene jobs and the render job as
 * {@link SubJob}s ({@code scene}, {@code render}); status snapshots list the render job and carry the
 * video id in {@code metadata().get("video_id")}. Phases follow script_ready → media_ready → rendering →
 * completed ({@link VideoPilotStatuses}); the script and media phases are only reported by webhooks
 * ({@link VideoPilotWebhookFormat}), since the render status endpoint knows only the render.
 *
 * <p>Where the document and reference notes are silent (assumptions, each a constant in one class):
 * <ul>
 *   <li>the base URL is {@value #DEFAULT_BASE_URL} (the documents name only {@code cdn.videopilot.app});</li>
 *   <li>the draft answer carries the video id as {@code _id} (or {@code id}, {@code video_id}, possibly
 *       wrapped in {@code data}/{@code video});</li>
 *   <li>VideoPilot queues scene generation and rendering behind the earlier steps, so the three calls
 *       are made back to back;</li>
 *   <li>orientation values are {@code portrait}, {@code landscape} and {@code square}, derived from 9:16,
 *       16:9 and 1:1; another orientation goes through {@link VideoPilotOptions};</li>
 *   <li>the render status answer has the render answer's shape plus {@code output_url} (or {@code outputUrl})
 *       and {@code error} when done;</li>
 *   <li>errors are {@code {error, message, code}} (the standard parser reads them);</li>
 *   <li>no idempotency key is documented and there is no cancel operation.</li>
 * </ul>
 * If a step after the draft fails, the submission fails with the step's own exception type (so a caller can
 * still catch {@code QuotaExceededException}, {@code AuthenticationException} or {@code OutcomeUnknownException})
 * re-described to name the step and the draft's video id ({@link VideoJobException#inStep}); since a draft
 * exists, its {@link VideoJobException#nothingCreated()} is false. A render request whose answer is lost or
 * unreadable is an {@link OutcomeUnknownException} carrying the idempotency key: a render may be running, so
 * submitting again could start a second paid one. A video id containing {@value VideoPilotJobId#SEPARATOR}
 * cannot be part of a job id: the submission then fails right after the draft with a
 * {@link dev.videojob.core.ProviderResponseException} naming the field (through {@code VideoClient}, an
 * {@link dev.videojob.core.OutcomeUnknownException} whose cause it is).
 *
 * <p>Thread-safe; close it to release its connection pool.
 */
public final class VideoPilot extends HttpAdapter {
  private static final Logger log = LoggerFactory.getLogger(VideoPilot.class);

  /** The provider id. */
  public static final String ID = "videopilot";
  /** The default base URL (assumed; override it). */
  public static final String DEFAULT_BASE_URL = "https://videopilot.app";
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "VIDEOPILOT_API_KEY";
  /** The environment variable that overrides the base URL. */
  public static final String ENV_BASE_URL = "VIDEOPILOT_BASE_URL";

  private static final Map<AspectRatio, String> ORIENTATIONS = Map.of(
      AspectRatio.PORTRAIT_9_16, "portrait", AspectRatio.LANDSCAPE_16_9, "landscape", AspectRatio.SQUARE_1_1, "square");

  private static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .requires(RequestField.PROMPT)
      .supports(RequestField.STYLE, RequestField.ASPECT_RATIO, RequestField.DURATION, RequestField.QUALITY,
          RequestField.CALLBACK_URL, RequestField.EXTRA_FIELDS)
      .aspectRatios(AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_16_9, AspectRatio.SQUARE_1_1)
      .extensionType(VideoPilotOptions.class)
      .build();

  private VideoPilot(HttpTransport http) {
    super(ID, CAPABILITIES, http);
  }

  /** @return a builder; the API key is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An adapter configured from {@value #ENV_API_KEY} (and {@value #ENV_BASE_URL} if set).
   *
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static VideoPilot fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables.
   *
   * @param env the variables
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static VideoPilot fromEnv(Map<String, String> env) {
    return EnvProviderFactory.withBaseUrl(builder().apiKey(env.get(ENV_API_KEY)), env, ENV_BASE_URL).build();
  }

  /** @return the format that parses VideoPilot's webhooks (its secret is VideoPilot's webhook secret) */
  public VideoPilotWebhookFormat webhookFormat() {
    return VideoPilotWebhookFormat.create();
  }

  /**
   * Checks that the orientation is given one way only and the duration is whole seconds.
   *
   * @param request the request
   * @throws InvalidRequestException naming the field at fault
   */
  @Override
  public void validate(VideoRequest request) {
    boolean orientation = request.extension(VideoPilotOptions.class).flatMap(VideoPilotOptions::orientation).isPresent();
    if (orientation && request.aspectRatio().isPresent()) {
      throw InvalidRequestException.forField(ID, "orientation", "videopilot orientation is given twice (aspectRatio and"
          + " VideoPilotOptions.orientation); use one");
    }
    request.duration().ifPresent(d -> {
      if (d.toMillis() % 1000 != 0) {
        throw InvalidRequestException.forField(ID, "duration", "videopilot takes whole seconds; got " + d);
      }
    });
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    VideoPilotOptions opts = request.extension(VideoPilotOptions.class).orElse(VideoPilotOptions.builder().build());
    ObjectNode draft = http.json().createObjectNode();
    draft.put(F_PROMPT, request.prompt().orElseThrow());
    request.style().ifPresent(s -> draft.put(F_STYLE, s));
    opts.voice().ifPresent(v -> draft.put(F_VOICE, v));
    request.duration().ifPresent(d -> draft.put(F_DURATION, d.toSeconds()));
    opts.orientation().or(() -> request.aspectRatio().map(ORIENTATIONS::get))
        .ifPresent(o -> draft.put(F_ORIENTATION, o));
    Json.putExtraFields(draft, request, http.json());

    return http.send(ApiRequest.post(PATH_VIDEOS).json(draft).createsJob(true).build(), context.forOperation("draft"))
        .thenCompose(r -> {
          JsonNode draftAnswer = VideoPilotJobs.payload(r.json());
          String idField = VideoPilotJobs.firstField(draftAnswer, DRAFT_ID_FIELDS).orElseThrow(() -> new OutcomeUnknownException(
              "videopilot accepted the draft but its answer names no video id (looked for " + DRAFT_ID_FIELDS
                  + "); a draft may exist", ErrorContext.of(ID).withHttpStatus(r.status()), null,
              context.idempotencyKey().orElse(null)));
          // Checked before any further call: a draft whose id cannot be tracked is not worth rendering.
          String videoId = VideoPilotJobs.jobId(Json.text(draftAnswer, idField).orElseThrow(), idField, null, null).videoId();
          return afterDraft(videoId, request, opts, context);
        });
  }

  private CompletableFuture<VideoJob> afterDraft(String videoId, VideoRequest request, VideoPilotOptions opts,
      CallContext context) {
    CompletableFuture<List<String>> scenes = http.send(ApiRequest.post(Urls.path(PATH_GENERATE_SCENES, videoId))
            .json(http.json().createObjectNode()).createsJob(true).build(), context.forOperation("generate-scenes"))
        .thenApply(scenesAnswer -> VideoPilotJobs.jobIds(scenesAnswer.json()))
        .handle((ids, failure) -> {
          if (failure != null) {
            throw inStep(failure, videoId, "videopilot created the draft video " + videoId
                + ", then the generate-scenes call failed; no render was requested: discard the draft, or submit again");
          }
          return ids;
        });
    return scenes.thenCompose(sceneJobs -> {
      ObjectNode render = http.json().createObjectNode().put(F_VIDEO_ID, videoId);
      request.quality().ifPresent(q -> render.put(F_QUALITY, q));
      opts.priority().ifPresent(p -> render.put(F_PRIORITY, p));
      request.callbackUrl().ifPresent(u -> render.put(F_WEBHOOK_URL, u.toString()));
      return http.send(ApiRequest.post(PATH_RENDER).json(render).createsJob(true).build(), context.forOperation("render"))
          .thenApply(renderAnswer -> submitted(videoId, sceneJobs, renderAnswer, context))
          .handle((job, failure) -> {
            if (failure == null) return job;
            Throwable t = AdapterSupport.unwrap(failure);
            String what = t instanceof VideoJobException && renderMayExist((VideoJobException) t)
                ? "videopilot created the draft video " + videoId + " and its scenes, then the render request's answer"
                    + " was lost or unreadable; a render may be running: watch the video's webhooks (render.started"
                    + " names its render job) before submitting again, which could start a second paid render"
                : "videopilot created the draft video " + videoId + " and its scenes, then refused the render request;"
                    + " no render was started: discard the draft, or submit again";
            throw inStep(failure, videoId, what);
          });
    });
  }

  /**
   * A failure of a step after the draft, re-described with the step and the draft's id, keeping its type so
   * callers can still catch {@code QuotaExceededException}, {@code OutcomeUnknownException} and the others.
   */
  private static CompletionException inStep(Throwable failure, String videoId, String what) {
    Throwable t = AdapterSupport.unwrap(failure);
    if (t instanceof CancellationException) throw (CancellationException) t;
    log.warn("videopilot draft {} was created but a later step failed: {}", videoId, t.toString());
    VideoJobException e = t instanceof VideoJobException ? ((VideoJobException) t).inStep(what)
        : new VideoJobException(what + ": " + t, ErrorContext.of(ID), t);
    return new CompletionException(e);
  }

  /** Whether a failed render request may still have started a render (its answer lost, unreadable, or a 5xx/409). */
  private static boolean renderMayExist(VideoJobException e) {
    if (e instanceof OutcomeUnknownException) return true;
    int s = e.httpStatus().orElse(0);
    return (s >= 200 && s < 300) || s == 409 || (s >= 500 && s != 503);
  }

  private VideoJob submitted(String videoId, List<String> sceneJobs, ApiResponse renderAnswer, CallContext context) {
    JsonNode answer = renderAnswer.json();
    String renderId = Json.text(VideoPilotJobs.payload(answer), F_RENDER_ID).orElseThrow(() -> new OutcomeUnknownException(
        "videopilot accepted the render request for " + videoId + " but its answer names no render job id",
        ErrorContext.of(ID).withHttpStatus(renderAnswer.status()), null, context.idempotencyKey().orElse(null)));
    VideoJob job = VideoPilotJobs.fromRender(answer, renderAnswer.bodyString(), VideoPilotJobs.jobId(videoId, F_VIDEO_ID, renderId, F_RENDER_ID), context.clock().instant());
    VideoJob.Builder b = job.toBuilder().subJobs(List.of());
    sceneJobs.forEach(s -> b.addSubJob(new SubJob("scene", s)));
    b.addSubJob(new SubJob("render", renderId));
    return b.build();
  }

  /**
   * Polls the render job named in the id.
   *
   * @param jobId a {@link VideoPilotJobId} value, {@code <videoId>~<renderJobId>}
   * @param context the call's context
   * @return the snapshot; fails with {@link InvalidRequestException} for a bare video id, which names no render job
   */
  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    VideoPilotJobId id;
    try {
      id = VideoPilotJobId.parse(Objects.requireNonNull(jobId, "jobId == null"));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(InvalidRequestException.forField(ID, "jobId", e.getMessage()));
    }
    if (id.renderJob().isEmpty()) {
      return CompletableFuture.failedFuture(InvalidRequestException.forField(ID, "jobId", "videopilot job id " + jobId
          + " names only a video; poll with the id submit returned (<videoId>~<renderJobId>)"));
    }
    return http.send(ApiRequest.get(Urls.path(PATH_RENDER_STATUS, id.renderJobId())).build(), context)
        .thenApply(r -> VideoPilotJobs.fromRender(r.json(), r.bodyString(), id, context.clock().instant()));
  }

  /** Builds a {@link VideoPilot}; not thread-safe. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String apiKey;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * @param apiKey the VideoPilot API key, sent as a Bearer token; required
     * @return this
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * @return the adapter
     * @throws InvalidRequestException if the API key is missing or blank
     * @throws IllegalArgumentException if the base URL is not a URL
     */
    public VideoPilot build() {
      return new VideoPilot(transport(ID, Auth.bearer(Credentials.apiKey(ID, apiKey, ENV_API_KEY))).build());
    }
  }
}
