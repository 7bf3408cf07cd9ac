package dev.videojob.core;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: the fields most providers share, a typed per-provider
 * {@link ProviderExtension}, and a raw pass-through for fields the SDK does not model.
 *
 * <p>A field the chosen provider cannot honour is never dropped silently: submission fails with
 * an {@link InvalidRequestException} naming the field and the provider, before any network call.
 * Immutable; build with {@link #builder()}.
 */
public final class VideoRequest {
  private final String provider;
  private final String prompt;
  private final String model;
  private final String style;
  private final AspectRatio aspectRatio;
  private final Duration duration;
  private final String quality;
  private final List<String> outputs;
  private final URI callbackUrl;
  private final Map<String, String> metadata;
  private final String idempotencyKey;
  private final ProviderExtension extension;
  private final Map<String, Object> extraFields;

  private VideoRequest(Builder b) {
    this.provider = b.provider;
    this.prompt = b.prompt;
    this.model = b.model;
    this.style = b.style;
    this.aspectRatio = b.aspectRatio;
    this.duration = b.duration;
    this.quality = b.quality;
    this.outputs = List.copyOf(b.outputs);
    this.callbackUrl = b.callbackUrl;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.idempotencyKey = b.idempotencyKey;
    this.extension = b.extension;
    this.extraFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraFields));
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the provider id this request is pinned to; empty lets the client's routing choose */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /** @return the text prompt, if any */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** @return the model name, if any */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** @return the visual style, if any */
  public Optional<String> style() {
    return Optional.ofNullable(style);
  }

  /** @return the aspect ratio, if any */
  public Optional<AspectRatio> aspectRatio() {
    return Optional.ofNullable(aspectRatio);
  }

  /** @return the wanted duration, if any */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** @return the quality level in the provider's terms ({@code high}, {@code 1080p}), if any */
  public Optional<String> quality() {
    return Optional.ofNullable(quality);
  }

  /** @return the outputs wanted (such as {@code mp4_1080p}, {@code thumbnail}); empty for the provider's default */
  public List<String> outputs() {
    return outputs;
  }

  /** @return the URL the provider calls when the job changes, if any */
  public Optional<URI> callbackUrl() {
    return Optional.ofNullable(callbackUrl);
  }

  /** @return metadata sent with the job (campaign, user, listing), unmodifiable */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * The key that makes retries and resubmissions of this logical request safe. When absent the
   * client creates one per call to {@code submit} and uses it on every attempt.
   *
   * @return the caller's idempotency key, if set
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** @return the provider-specific fields, if any */
  public Optional<ProviderExtension> extension() {
    return Optional.ofNullable(extension);
  }

  /**
   * The extension if it is of the given type.
   *
   * @param type the adapter's extension class
   * @param <T> the extension type
   * @return the extension, if set and of that type
   */
  public <T extends ProviderExtension> Optional<T> extension(Class<T> type) {
    return type.isInstance(extension) ? Optional.of(type.cast(extension)) : Optional.empty();
  }

  /** @return raw top-level JSON fields merged into the provider's request body, unmodifiable */
  public Map<String, Object> extraFields() {
    return extraFields;
  }

  /** @return a builder holding this request's values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.provider = provider;
    b.prompt = prompt;
    b.model = model;
    b.style = style;
    b.aspectRatio = aspectRatio;
    b.duration = duration;
    b.quality = quality;
    b.outputs.addAll(outputs);
    b.callbackUrl = callbackUrl;
    b.metadata.putAll(metadata);
    b.idempotencyKey = idempotencyKey;
    b.extension = extension;
    b.extraFields.putAll(extraFields);
    return b;
  }

  @Override
  public String toString() {
    return "VideoRequest{" + (provider != null ? "provider=" + provider + ", " : "")
        + (model != null ? "model=" + model + ", " : "")
        + (aspectRatio != null ? "aspectRatio=" + aspectRatio + ", " : "")
        + (duration != null ? "duration=" + duration + ", " : "")
        + "prompt=" + (prompt == null ? "none" : prompt.length() + " chars")
        + (extension != null ? ", extension=" + extension.getClass().getSimpleName() : "") + "}";
  }

  /** Builds a {@link VideoRequest}; not thread-safe. Every field is optional. */
  public static final class Builder {
    private String provider;
    private String prompt;
    private String model;
    private String style;
    private AspectRatio aspectRatio;
    private Duration duration;
    private String quality;
    private final List<String> outputs = new ArrayList<>();
    private URI callbackUrl;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String idempotencyKey;
    private ProviderExtension extension;
    private final Map<String, Object> extraFields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param provider pins the request to this provider id (no failover); default: the client's routing chooses
     * @return this
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * @param prompt the text prompt; default none
     * @return this
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * @param model the model name; default the provider's
     * @return this
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * @param style the visual style; default the provider's
     * @return this
     */
    public Builder style(String style) {
      this.style = style;
      return this;
    }

    /**
     * @param aspectRatio the frame aspect ratio; default the provider's
     * @return this
     */
    public Builder aspectRatio(AspectRatio aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    /**
     * @param duration the wanted length; default the provider's
     * @return this
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder duration(Duration duration) {
      if (duration != null && (duration.isZero() || duration.isNegative())) {
        throw new IllegalArgumentException("duration must be positive, got " + duration);
      }
      this.duration = duration;
      return this;
    }

    /**
     * @param quality the quality level in the provider's terms; default the provider's
     * @return this
     */
    public Builder quality(String quality) {
      this.quality = quality;
      return this;
    }

    /**
     * @param output an output wanted, added to the list
     * @return this
     */
    public Builder addOutput(String output) {
      outputs.add(Objects.requireNonNull(output, "output == null"));
      return this;
    }

    /**
     * @param callbackUrl the webhook URL the provider calls; default none (poll instead)
     * @return this
     */
    public Builder callbackUrl(URI callbackUrl) {
      this.callbackUrl = callbackUrl;
      return this;
    }

    /**
     * @param key a metadata key
     * @param value its value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * @param values metadata to add
     * @return this
     */
    public Builder metadata(Map<String, String> values) {
      values.forEach(this::metadata);
      return this;
    }

    /**
     * @param idempotencyKey the key of this logical request, reused on every retry; default one per {@code submit} call
     * @return this
     * @throws IllegalArgumentException if blank or longer than 255 characters
     */
    public Builder idempotencyKey(String idempotencyKey) {
      if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
        throw new IllegalArgumentException("idempotencyKey must be 1 to 255 characters");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * @param extension the provider-specific fields; default none
     * @return this
     */
    public Builder extension(ProviderExtension extension) {
      this.extension = extension;
      return this;
    }

    /**
     * Adds a raw top-level JSON field to the provider's request body, for what the SDK does not model.
     * It overrides a field the adapter would write under the same name.
     *
     * @param name the JSON field name
     * @param value a JSON-serialisable value (String, Number, Boolean, Map, List) or null for JSON null
     * @return this
     */
    public Builder extraField(String name, Object value) {
      extraFields.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** @return the request */
    public VideoRequest build() {
      return new VideoRequest(this);
    }
  }
}
