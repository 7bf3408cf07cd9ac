package dev.videojob.core.spi;

import dev.videojob.core.AspectRatio;
import dev.videojob.core.ProviderExtension;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider can do; the client checks every request against it before any network call.
 * Immutable; build with {@link #builder()}.
 */
public final class ProviderCapabilities {
  private final boolean cancel;
  private final boolean webhooks;
  private final boolean polling;
  private final String idempotencyKeyHeader;
  private final Set<AspectRatio> aspectRatios;
  private final Duration maxDuration;
  private final Set<RequestField> supportedFields;
  private final Set<RequestField> requiredFields;
  private final Class<? extends ProviderExtension> extensionType;

  private ProviderCapabilities(Builder b) {
    this.cancel = b.cancel;
    this.webhooks = b.webhooks;
    this.polling = b.polling;
    this.idempotencyKeyHeader = b.idempotencyKeyHeader;
    this.aspectRatios = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(b.aspectRatios));
    this.maxDuration = b.maxDuration;
    this.supportedFields = Set.copyOf(b.supportedFields);
    this.requiredFields = Set.copyOf(b.requiredFields);
    this.extensionType = b.extensionType;
  }

  /** @return a builder: nothing supported until said */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether jobs can be canceled */
  public boolean cancel() {
    return cancel;
  }

  /** @return whether the provider calls a webhook URL */
  public boolean webhooks() {
    return webhooks;
  }

  /** @return whether job status can be polled */
  public boolean polling() {
    return polling;
  }

  /**
   * The header in which the provider honours an idempotency key. When present, a create may be
   * retried whatever happened to the previous attempt; when absent, only when the SDK is sure
   * nothing was created.
   *
   * @return the header name, if the provider documents idempotency keys
   */
  public Optional<String> idempotencyKeyHeader() {
    return Optional.ofNullable(idempotencyKeyHeader);
  }

  /** @return whether the provider documents idempotency keys */
  public boolean idempotencyKeys() {
    return idempotencyKeyHeader != null;
  }

  /** @return the aspect ratios the provider takes; empty means any */
  public Set<AspectRatio> aspectRatios() {
    return aspectRatios;
  }

  /** @return the longest duration the provider takes, if limited */
  public Optional<Duration> maxDuration() {
    return Optional.ofNullable(maxDuration);
  }

  /** @return the shared request fields the provider honours */
  public Set<RequestField> supportedFields() {
    return supportedFields;
  }

  /** @return the shared request fields the provider requires */
  public Set<RequestField> requiredFields() {
    return requiredFields;
  }

  /** @return the provider's extension type, if it has one */
  public Optional<Class<? extends ProviderExtension>> extensionType() {
    return Optional.ofNullable(extensionType);
  }

  @Override
  public String toString() {
    return "ProviderCapabilities{cancel=" + cancel + ", webhooks=" + webhooks + ", polling=" + polling
        + ", idempotencyKeyHeader=" + idempotencyKeyHeader + ", aspectRatios=" + aspectRatios + ", maxDuration="
        + maxDuration + ", supportedFields=" + supportedFields + "}";
  }

  /** Builds {@link ProviderCapabilities}; not thread-safe. */
  public static final class Builder {
    private boolean cancel;
    private boolean webhooks;
    private boolean polling;
    private String idempotencyKeyHeader;
    private final Set<AspectRatio> aspectRatios = new LinkedHashSet<>();
    private Duration maxDuration;
    private final Set<RequestField> supportedFields = EnumSet.noneOf(RequestField.class);
    private final Set<RequestField> requiredFields = EnumSet.noneOf(RequestField.class);
    private Class<? extends ProviderExtension> extensionType;

    private Builder() {}

    /**
     * @param cancel whether jobs can be canceled; default false
     * @return this
     */
    public Builder cancel(boolean cancel) {
      this.cancel = cancel;
      return this;
    }

    /**
     * @param webhooks whether the provider calls webhooks; default false
     * @return this
     */
    public Builder webhooks(boolean webhooks) {
      this.webhooks = webhooks;
      return this;
    }

    /**
     * @param polling whether status can be polled; default false
     * @return this
     */
    public Builder polling(boolean polling) {
      this.polling = polling;
      return this;
    }

    /**
     * @param header the header that carries an idempotency key; default none (not supported)
     * @return this
     */
    public Builder idempotencyKeyHeader(String header) {
      this.idempotencyKeyHeader = header;
      return this;
    }

    /**
     * @param ratios aspect ratios the provider takes, added; default any
     * @return this
     */
    public Builder aspectRatios(AspectRatio... ratios) {
      for (AspectRatio r : ratios) aspectRatios.add(Objects.requireNonNull(r, "ratio == null"));
      return this;
    }

    /**
     * @param max the longest duration; default unlimited
     * @return this
     */
    public Builder maxDuration(Duration max) {
      this.maxDuration = max;
      return this;
    }

    /**
     * @param fields shared request fields the provider honours, added
     * @return this
     */
    public Builder supports(RequestField... fields) {
      supportedFields.addAll(Set.of(fields));
      return this;
    }

    /**
     * @param fields shared request fields the provider requires, added (and marked supported)
     * @return this
     */
    public Builder requires(RequestField... fields) {
      requiredFields.addAll(Set.of(fields));
      supportedFields.addAll(Set.of(fields));
      return this;
    }

    /**
     * @param type the provider's extension type; default none
     * @return this
     */
    public Builder extensionType(Class<? extends ProviderExtension> type) {
      this.extensionType = type;
      return this;
    }

    /** @return the capabilities */
    public ProviderCapabilities build() {
      return new ProviderCapabilities(this);
    }
  }
}
