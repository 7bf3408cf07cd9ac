package dev.videojob.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The error a provider reports on a failed job, as most write it: a field holding either text (the message)
 * or an object {@code {code, message}}. Either part may be missing.
 *
 * @param code the provider's error code, or null
 * @param message the provider's message, or null
 */
public record ReportedError(String code, String message) {
  /**
   * Reads the error field of a job object.
   *
   * @param node the job object
   * @param field the error field, such as {@code error}
   * @param codeFields where an error object carries its code, in order (default {@code code})
   * @return what was found; both parts null when the field is missing or of another type
   */
  public static ReportedError read(JsonNode node, String field, String... codeFields) {
    JsonNode e = node == null ? null : node.get(field);
    if (e != null && e.isObject()) {
      String code = null;
      for (String f : codeFields.length == 0 ? new String[] {"code"} : codeFields) {
        code = Json.text(e, f).orElse(null);
        if (code != null) break;
      }
      return new ReportedError(code, Json.text(e, "message").orElse(null));
    }
    return new ReportedError(null, e != null && e.isTextual() ? e.asText() : null);
  }

  /** @return the message, if reported */
  public Optional<String> messageText() {
    return Optional.ofNullable(message);
  }
}
