package dev.videojob.webhooks;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;

/**
 * A verified webhook body cannot be read as the provider's format: it is not JSON, or a field the
 * format needs (the job id) is missing or of the wrong type. The servlet adapter answers 400.
 *
 * <p>An event type the format does not know is not this error: it is a {@link WebhookEvent} of
 * kind {@link WebhookEvent.Kind#UNKNOWN}.
 */
public class WebhookParseException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider id
   * @param message what is wrong with the body; must not quote secrets or signed URLs
   * @param cause the parser's exception, or null
   */
  public WebhookParseException(String provider, String message, Throwable cause) {
    super(message, provider == null ? ErrorContext.none() : ErrorContext.of(provider), cause);
  }
}
