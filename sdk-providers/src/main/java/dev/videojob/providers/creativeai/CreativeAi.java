package dev.videojob.providers.creativeai;

import static dev.videojob.providers.creativeai.CreativeAiApi.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.VideoJob;
import dev.videojob.core.VideoRequest;
import dev.videojob.core.spi.ApiRequest;
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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The CreativeAI adapter: {@code POST /v1/video/generations} answers 202 {@code {id, status}},
 * {@code GET /v1/video/generations/{id}} polls, and a signed webhook reports the end
 * ({@link CreativeAiWebhookFormat}). Auth is {@code Authorization: Bearer <API key>}.
 *
 * <p>Request body: {@code model} (the request's model, else {@code auto}, which CreativeAI accepts per
 * its reference page), {@code prompt}, {@code duration} as whole seconds written {@code "5s"},
 * {@code aspect_ratio} ({@code "16:9"}), {@code webhook_url} from the callback URL, and
 * {@code image_url} from {@link CreativeAiOptions}. Metadata, style, quality and outputs are not
 * in the document and are refused before any call.
 *
 * <p>Where the document is silent (assumptions, each in one constant of this package):
 * <ul>
 *   <li>the status answer has the webhook body's shape ({@code id, status, output_url, credits,
 *       failover_used, completed_at}), optionally with a {@code phase} label and {@code progress};</li>
 *   <li>error bodies are OpenAI-style {@code {error:{code|type, message}}} (read by the standard parser);</li>
 *   <li>a failed generation carries {@code error} as text or {@code {code, message}};</li>
 *   <li>CreativeAI documents no idempotency key for creates, so a create whose answer is lost is
 *       not resent (the transport's safe-create rule) and there is no cancel operation.</li>
 * </ul>
 * What the document mentions without naming a field (the "full status chain" in webhook payloads, the
 * elapsed time of a failure) stays in {@link VideoJob#rawJson()}. Its failover chain, webhook retries,
 * 7-day de-duplication and refunds happen at CreativeAI and need nothing from the client.
 *
 * <p>Thread-safe; close it to release its connection pool.
 */
public final class CreativeAi extends HttpAdapter {
  /** The provider id. */
  public static final String ID = "creativeai";
  /** The production base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.creativeai.run/v1";
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "CREATIVEAI_API_KEY";
  /** The environment variable that overrides the base URL. */
  public static final String ENV_BASE_URL = "CREATIVEAI_BASE_URL";
  /** The model sent when the request names none. */
  public static final String DEFAULT_MODEL = "auto";

  private static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .supports(RequestField.PROMPT, RequestField.MODEL, RequestField.ASPECT_RATIO, RequestField.DURATION,
          RequestField.CALLBACK_URL, RequestField.EXTRA_FIELDS)
      .extensionType(CreativeAiOptions.class)
      .build();

  private CreativeAi(HttpTransport http) {
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
  public static CreativeAi fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables.
   *
   * @param env the variables
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static CreativeAi fromEnv(Map<String, String> env) {
    return EnvProviderFactory.withBaseUrl(builder().apiKey(env.get(ENV_API_KEY)), env, ENV_BASE_URL).build();
  }

  /** @return the format that parses CreativeAI's webhooks (the webhook secret is the same API key) */
  public CreativeAiWebhookFormat webhookFormat() {
    return CreativeAiWebhookFormat.create();
  }

  /**
   * Checks what the capabilities cannot: a prompt or an image is needed, and the duration must be whole seconds.
   *
   * @param request the request
   * @throws InvalidRequestException naming the field at fault
   */
  @Override
  public void validate(VideoRequest request) {
    boolean image = request.extension(CreativeAiOptions.class).flatMap(CreativeAiOptions::imageUrl).isPresent();
    if (request.prompt().map(String::isBlank).orElse(true) && !image) {
      throw InvalidRequestException.forField(ID, "prompt", "creativeai needs a prompt (or an image_url through"
          + " CreativeAiOptions.imageToVideo); set one");
    }
    request.duration().ifPresent(d -> {
      if (d.toMillis() % 1000 != 0) {
        throw InvalidRequestException.forField(ID, "duration", "creativeai takes whole seconds (\"5s\"); got " + d);
      }
    });
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    ObjectNode body = http.json().createObjectNode();
    body.put(F_MODEL, request.model().orElse(DEFAULT_MODEL));
    request.prompt().ifPresent(p -> body.put(F_PROMPT, p));
    request.duration().ifPresent(d -> body.put(F_DURATION, d.toSeconds() + "s"));
    request.aspectRatio().ifPresent(r -> body.put(F_ASPECT_RATIO, r.toString()));
    request.callbackUrl().ifPresent(u -> body.put(F_WEBHOOK_URL, u.toString()));
    request.extension(CreativeAiOptions.class).flatMap(CreativeAiOptions::imageUrl)
        .ifPresent(u -> body.put(F_IMAGE_URL, u.toString()));
    Json.putExtraFields(body, request, http.json());
    return http.send(ApiRequest.post(PATH_GENERATIONS).json(body).createsJob(true).build(), context)
        .thenApply(r -> {
          VideoJob job = CreativeAiJobs.toJob(r.json(), r.bodyString(), null, context.clock().instant());
          if (job.metadata().containsKey("model")) return job;
          return job.toBuilder().metadata("model", body.get(F_MODEL).asText()).build();
        });
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    Objects.requireNonNull(jobId, "jobId == null");
    return http.send(ApiRequest.get(Urls.path(PATH_GENERATION, jobId)).build(), context)
        .thenApply(r -> CreativeAiJobs.toJob(r.json(), r.bodyString(), jobId, context.clock().instant()));
  }

  /** Builds a {@link CreativeAi}; not thread-safe. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String apiKey;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * @param apiKey the CreativeAI API key (also the webhook signing key); required
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
    public CreativeAi build() {
      return new CreativeAi(transport(ID, Auth.bearer(Credentials.apiKey(ID, apiKey, ENV_API_KEY))).build());
    }
  }
}
