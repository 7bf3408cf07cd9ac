package dev.videojob.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-call overrides of the client's defaults, in the manner of stripe-java's {@code RequestOptions}.
 *
 * <p>The idempotency key is part of the logical request ({@link VideoRequest.Builder#idempotencyKey}),
 * not of these options: one place for it, and it only means something on submission.
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new Builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Map<String, String> extraHeaders;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHeaders));
  }

  /** @return options that override nothing */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the total time budget of the call, retries and their waits included, if overridden */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return how many retries the call may make, if overridden */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** @return headers added to the call's HTTP requests, unmodifiable */
  public Map<String, String> extraHeaders() {
    return extraHeaders;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", extraHeaders="
        + extraHeaders.keySet() + "}";
  }

  /** Builds {@link RequestOptions}; not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param timeout the total time budget of the call, retries included; default the client's {@link RetrySettings#totalTimeout()}
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * @param maxRetries retries after the first attempt, 0 for none; default the client's {@link RetrySettings#maxRetries()}
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0");
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param name a header name
     * @param value its value
     * @return this
     */
    public Builder header(String name, String value) {
      extraHeaders.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
