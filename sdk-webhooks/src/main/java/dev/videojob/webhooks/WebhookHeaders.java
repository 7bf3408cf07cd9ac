package dev.videojob.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A case-insensitive view of a request's headers, the one thing every web framework can give.
 *
 * <p>Implement {@link #values(String)} over your framework's request, or copy the headers with
 * {@link #of(Map)} / {@link #ofMulti(Map)}. Names are matched ignoring case.
 */
@FunctionalInterface
public interface WebhookHeaders {

  /**
   * All values of a header, in the order received.
   *
   * @param name the header name, any case
   * @return the values; empty when the header is absent
   */
  List<String> values(String name);

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the first value, if the header is present
   */
  default Optional<String> first(String name) {
    List<String> v = values(name);
    return v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
  }

  /**
   * Headers with one value each.
   *
   * @param headers name to value; names in any case
   * @return a case-insensitive, immutable copy
   * @throws NullPointerException if headers or a name or value is null
   */
  static WebhookHeaders of(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.computeIfAbsent(Objects.requireNonNull(k, "name == null"), x -> new ArrayList<>())
        .add(Objects.requireNonNull(v, "value == null")));
    return frozen(copy);
  }

  /**
   * Headers with any number of values each (the shape of {@code java.net.http.HttpHeaders#map()}).
   *
   * @param headers name to values; names in any case
   * @return a case-insensitive, immutable copy
   * @throws NullPointerException if headers or a name or value is null
   */
  static WebhookHeaders ofMulti(Map<String, ? extends Collection<String>> headers) {
    Objects.requireNonNull(headers, "headers == null");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, vs) -> {
      List<String> list = copy.computeIfAbsent(Objects.requireNonNull(k, "name == null"), x -> new ArrayList<>());
      for (String v : vs) list.add(Objects.requireNonNull(v, "value == null"));
    });
    return frozen(copy);
  }

  private static WebhookHeaders frozen(TreeMap<String, List<String>> copy) {
    copy.replaceAll((k, v) -> List.copyOf(v));
    return name -> {
      List<String> v = copy.get(name.toLowerCase(Locale.ROOT));
      return v == null ? List.of() : v;
    };
  }
}
