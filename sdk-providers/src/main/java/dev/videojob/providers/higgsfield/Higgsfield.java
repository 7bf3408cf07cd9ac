package dev.videojob.providers.higgsfield;

import static dev.videojob.providers.higgsfield.HiggsfieldApi.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter for a Higgsfield-like video API as the integration guide describes it:
 * {@code POST /v1/videos} with {@code prompt, aspect_ratio, style, outputs[], callback_url, metadata}
 * answers 202 {@code {job_id, status, estimated_time_seconds}}, and a webhook signed with
 * {@code x-api-signature} reports {@code {job_id, status, assets:[{type,url,bitrate}], metadata}}
 * ({@link HiggsfieldWebhookFormat}). Auth is {@code Authorization: Bearer <API key>}; the platform's
 * {@code Authorization: Key id:secret} is {@link Builder#keyIdAndSecret}.
 *
 * <p>Where the guide is silent (assumptions, each a constant in one package-private class so a
 * platform-exact variant is a small change):
 * <ul>
 *   <li>the guide leaves {@code API_BASE} open; the default is {@value #DEFAULT_BASE_URL}, override it;</li>
 *   <li>status is {@code GET /v1/videos/{job_id}} and answers the webhook body's shape;</li>
 *   <li>error bodies are read by the standard parser ({@code {error:{code,message}}}, {@code {detail}},
 *       {@code {message}});</li>
 *   <li>the guide recommends idempotency keys but names no header the API honours, so none is relied on
 *       (a create whose answer is lost is not resent);</li>
 *   <li>there is no cancel operation in the guide (the platform's queued-only {@code /requests/{id}/cancel}
 *       belongs to a platform-exact variant), so cancel fails without a network call;</li>
 *   <li>model, duration and quality are not request fields in the guide and are refused before any call.</li>
 * </ul>
 * The guide's presigned uploads, transcodes, CDN and publishing are the application's side
 * ({@code videojob-ffmpeg} does the transcodes), not calls to this API.
 *
 * <p>Thread-safe; close it to release its connection pool.
 */
public final class Higgsfield extends HttpAdapter {
  /** The provider id. */
  public static final String ID = "higgsfield";
  /** The default base URL (the guide leaves {@code API_BASE} to the provider). */
  public static final String DEFAULT_BASE_URL = "https://api.higgsfield.ai";
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "HIGGSFIELD_API_KEY";
  /** The environment variable that overrides the base URL. */
  public static final String ENV_BASE_URL = "HIGGSFIELD_BASE_URL";

  private static final ProviderCapabilities CAPABILITIES = ProviderCapabilities.builder()
      .polling(true).webhooks(true).cancel(false)
      .requires(RequestField.PROMPT)
      .supports(RequestField.ASPECT_RATIO, RequestField.STYLE, RequestField.OUTPUTS, RequestField.CALLBACK_URL,
          RequestField.METADATA, RequestField.EXTRA_FIELDS)
      .extensionType(HiggsfieldOptions.class)
      .build();

  private Higgsfield(HttpTransport http) {
    super(ID, CAPABILITIES, http);
  }

  /** @return a builder; a credential is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An adapter configured from {@value #ENV_API_KEY} (and {@value #ENV_BASE_URL} if set).
   *
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static Higgsfield fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Same as {@link #fromEnv()} over the given variables.
   *
   * @param env the variables
   * @return the adapter
   * @throws InvalidRequestException if {@value #ENV_API_KEY} is not set
   */
  public static Higgsfield fromEnv(Map<String, String> env) {
    return EnvProviderFactory.withBaseUrl(builder().apiKey(env.get(ENV_API_KEY)), env, ENV_BASE_URL).build();
  }

  /** @return the format that parses the webhooks (its secret is the webhook secret the provider gave you, not the API key) */
  public HiggsfieldWebhookFormat webhookFormat() {
    return HiggsfieldWebhookFormat.create();
  }

  /**
   * Checks that outputs are given one way only and that the shared spellings parse.
   *
   * @param request the request
   * @throws InvalidRequestException naming {@code outputs}
   */
  @Override
  public void validate(VideoRequest request) {
    if (!request.outputs().isEmpty() && request.extension(HiggsfieldOptions.class).isPresent()) {
      throw InvalidRequestException.forField(ID, "outputs", "higgsfield outputs are given twice (VideoRequest.outputs"
          + " and HiggsfieldOptions); use one");
    }
    outputs(request);
  }

  private static List<HiggsfieldOutput> outputs(VideoRequest request) {
    List<HiggsfieldOutput> out = new ArrayList<>();
    request.outputs().forEach(o -> out.add(HiggsfieldOutput.parse(o)));
    request.extension(HiggsfieldOptions.class).ifPresent(o -> out.addAll(o.outputs()));
    return out;
  }

  @Override
  public CompletableFuture<VideoJob> submit(VideoRequest request, CallContext context) {
    ObjectNode body = http.json().createObjectNode();
    body.put(F_PROMPT, request.prompt().orElseThrow());
    request.aspectRatio().ifPresent(r -> body.put(F_ASPECT_RATIO, r.toString()));
    request.style().ifPresent(s -> body.put(F_STYLE, s));
    List<HiggsfieldOutput> outputs = outputs(request);
    if (!outputs.isEmpty()) {
      ArrayNode arr = body.putArray(F_OUTPUTS);
      for (HiggsfieldOutput o : outputs) {
        ObjectNode e = arr.addObject().put(F_OUTPUT_TYPE, o.type());
        o.formatName().ifPresent(f -> e.put(F_OUTPUT_FORMAT, f));
      }
    }
    request.callbackUrl().ifPresent(u -> body.put(F_CALLBACK_URL, u.toString()));
    if (!request.metadata().isEmpty()) {
      ObjectNode meta = body.putObject(F_METADATA);
      request.metadata().forEach(meta::put);
    }
    Json.putExtraFields(body, request, http.json());
    return http.send(ApiRequest.post(PATH_CREATE).json(body).createsJob(true).build(), context)
        .thenApply(r -> {
          VideoJob job = HiggsfieldJobs.toJob(r.json(), r.bodyString(), null, context.clock().instant());
          // The 202 answer does not echo metadata; the snapshot keeps what was sent.
          return job.toBuilder().metadata(request.metadata()).build();
        });
  }

  @Override
  public CompletableFuture<VideoJob> status(String jobId, CallContext context) {
    Objects.requireNonNull(jobId, "jobId == null");
    return http.send(ApiRequest.get(Urls.path(PATH_JOB, jobId)).build(), context)
        .thenApply(r -> HiggsfieldJobs.toJob(r.json(), r.bodyString(), jobId, context.clock().instant()));
  }

  /** Builds a {@link Higgsfield}; not thread-safe. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private Auth auth;
    private String apiKey;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * @param apiKey the API key, sent as {@code Authorization: Bearer <key>}; this or a key id and secret is required
     * @return this
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      this.auth = null;
      return this;
    }

    /**
     * Authenticates the way the Higgsfield platform does: {@code Authorization: Key <id>:<secret>}.
     *
     * @param keyId the key id
     * @param keySecret the key secret
     * @return this
     * @throws IllegalArgumentException if either is blank
     */
    public Builder keyIdAndSecret(String keyId, String keySecret) {
      if (keyId == null || keyId.isBlank() || keySecret == null || keySecret.isBlank()) {
        throw new IllegalArgumentException("key id and secret are required");
      }
      this.auth = Auth.header("Authorization", "Key " + keyId + ":" + keySecret);
      this.apiKey = null;
      return this;
    }

    /**
     * @return the adapter
     * @throws InvalidRequestException if no credential was set
     * @throws IllegalArgumentException if the base URL is not a URL
     */
    public Higgsfield build() {
      Auth a = auth != null ? auth : Auth.bearer(Credentials.apiKey(ID, apiKey, ENV_API_KEY));
      return new Higgsfield(transport(ID, a).build());
    }
  }
}
