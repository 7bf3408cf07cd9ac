package dev.videojob.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the provider's code, message and hint from an error response body. The
 * {@link #standard()} parser understands the shapes the supported providers use; an adapter
 * with another shape supplies its own.
 */
@FunctionalInterface
public interface ErrorParser {

  /**
   * Reads an error body.
   *
   * @param response the non-2xx response
   * @return what the provider said; {@link ProviderError#empty()} when nothing could be read
   */
  ProviderError parse(ApiResponse response);

  /**
   * The parser for the common shapes: {@code {error:{code,message,details}}} (ssemble),
   * {@code {error, message, code, hint}} (VidBuilder, VideoPilot), {@code {detail:[{msg,loc}]}}
   * (422 validation lists), {@code {detail:"..."}} and {@code {message}}; a non-JSON body becomes
   * the message, cut to 300 characters. A {@code details} value (in the {@code error} object or at the
   * top level) is kept as JSON text, or as the text of a string.
   *
   * @return the parser
   */
  static ErrorParser standard() {
    return response -> {
      JsonNode root = response.jsonOrNull();
      if (root == null || !root.isObject()) {
        String text = response.bodyString().strip();
        if (text.isEmpty()) return ProviderError.empty();
        return new ProviderError(null, text.length() > 300 ? text.substring(0, 300) + "..." : text, null);
      }
      JsonNode error = root.get("error");
      if (error != null && error.isObject()) {
        return new ProviderError(text(error, "code", "type"), text(error, "message", "detail"), text(error, "hint"),
            details(error.get("details")));
      }
      String code = text(root, "code", "error_code");
      String message = text(root, "message");
      if (error != null && error.isTextual()) {
        if (message == null) message = error.asText();
        else if (code == null) code = error.asText();
      }
      JsonNode detail = root.get("detail");
      if (detail != null && detail.isArray()) {
        List<String> items = new ArrayList<>();
        for (JsonNode d : detail) {
          String loc = d.has("loc") ? d.get("loc").toString() : "";
          items.add((loc.isEmpty() ? "" : loc + ": ") + (d.has("msg") ? d.get("msg").asText() : d.toString()));
        }
        message = (message == null ? "" : message + ": ") + String.join("; ", items);
      } else if (detail != null && detail.isTextual() && message == null) {
        message = detail.asText();
      }
      return new ProviderError(code, message, text(root, "hint"), details(root.get("details")));
    };
  }

  /** A details value as text: JSON for an object or a list, the text of a value; null when absent or empty. */
  private static String details(JsonNode details) {
    if (details == null || details.isNull() || details.isMissingNode()) return null;
    if (details.isContainerNode()) return details.isEmpty() ? null : details.toString();
    String text = details.asText();
    return text.isBlank() ? null : text;
  }

  private static String text(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull() && v.isValueNode()) return v.asText();
    }
    return null;
  }
}
