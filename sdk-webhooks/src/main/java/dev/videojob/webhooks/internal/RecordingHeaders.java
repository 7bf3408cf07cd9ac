package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.WebhookHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Headers that remember which of them a {@code WebhookFormat} read while parsing, so that a durable inbox
 * stores exactly what the format needs to parse the same body again on another instance. Not thread-safe:
 * one per request.
 */
public final class RecordingHeaders implements WebhookHeaders {
  private final WebhookHeaders delegate;
  private final Map<String, List<String>> read = new LinkedHashMap<>();

  /** @param delegate the request's headers */
  public RecordingHeaders(WebhookHeaders delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate == null");
  }

  @Override
  public List<String> values(String name) {
    List<String> values = delegate.values(name);
    if (values != null && !values.isEmpty()) read.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
    return values == null ? List.of() : values;
  }

  /** @return the headers read so far that had a value, by lower-case name; an unmodifiable copy */
  public Map<String, List<String>> read() {
    return Map.copyOf(read);
  }
}
