package dev.videojob.webhooks;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.VideoJobException;

/**
 * A {@link WebhookInbox} could not do its work: the database is unreachable, its tables are missing (the
 * message says which DDL to run or how to have them created), or a statement failed. The pipeline answers
 * the delivery 503 with {@code Retry-After}, so the provider delivers the event again.
 */
public class WebhookInboxException extends VideoJobException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param cause the underlying failure, or null
   */
  public WebhookInboxException(String message, Throwable cause) {
    super(message, ErrorContext.none(), cause);
  }
}
