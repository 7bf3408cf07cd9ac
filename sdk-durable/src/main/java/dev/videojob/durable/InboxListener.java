package dev.videojob.durable;

import java.time.Duration;

/**
 * Hears what the {@link JdbcWebhookInbox} does, for metrics and alerts. Every method is empty: override
 * those you need, and new ones added later break nothing.
 *
 * <p>Methods run on the thread that did the work (a request thread for {@link #stored}, a scheduler thread
 * for the others), after the change committed; they must return quickly and not throw (what they throw is
 * logged and ignored).
 */
public abstract class InboxListener {

  /** Creates a listener. */
  protected InboxListener() {}

  /**
   * A new event was committed to the inbox; the provider gets its 2xx next.
   *
   * @param eventKey the key as stored
   * @param provider the provider id
   */
  public void stored(String eventKey, String provider) {}

  /**
   * An event's handler succeeded and the event is marked done.
   *
   * @param eventKey the key as stored
   * @param provider the provider id
   * @param attempt which attempt succeeded, from 1
   */
  public void handled(String eventKey, String provider, int attempt) {}

  /**
   * An attempt failed and the event will be tried again.
   *
   * @param eventKey the key as stored
   * @param provider the provider id
   * @param attempt which attempt failed, from 1
   * @param retryIn how long until the next attempt
   * @param error what the handler (or the parse) threw
   */
  public void retrying(String eventKey, String provider, int attempt, Duration retryIn, Throwable error) {}

  /**
   * The last attempt failed: the event is dead until replayed.
   *
   * @param eventKey the key as stored
   * @param provider the provider id
   * @param attempts how many attempts were made
   * @param error what the last attempt threw
   */
  public void dead(String eventKey, String provider, int attempts, Throwable error) {}

  /**
   * A dead event was made pending again by {@link JdbcWebhookInbox#replay}.
   *
   * @param eventKey the key as stored
   */
  public void replayed(String eventKey) {}

  /**
   * Handled events past their retention were deleted.
   *
   * @param rows how many
   */
  public void purged(int rows) {}
}
