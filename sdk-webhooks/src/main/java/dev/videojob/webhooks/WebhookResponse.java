package dev.videojob.webhooks;

import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline decided about one request, and what to answer the provider. Any framework can
 * write it out: {@link #statusCode()}, {@link #body()} and, when present, a {@code Retry-After}
 * header of {@link #retryAfter()} seconds.
 */
public final class WebhookResponse {
  /** How long a provider is asked to wait before retrying a 503. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /** The outcomes, each with the HTTP status it maps to. */
  public enum Outcome {
    /**
     * Verified and taken care of, as the pipeline's mode says: handled (synchronous), committed to the inbox
     * (durable), or only queued (acknowledge before handling): 200.
     */
    ACCEPTED(200, "accepted"),
    /** The same event was processed before: acknowledged and dropped, 200. */
    DUPLICATE(200, "duplicate"),
    /** The same event is being processed right now: 503 with Retry-After, so the provider comes back. */
    RETRY_LATER(503, "in progress, retry later"),
    /** Bad or missing signature or callback token: 401. */
    REJECTED(401, "invalid signature"),
    /** The body is over the limit: 413. */
    TOO_LARGE(413, "payload too large"),
    /** The body is not the provider's format, or holds a value the format cannot read: 400. */
    MALFORMED(400, "malformed payload"),
    /** The handoff queue is full (or the pipeline closed): 503 with Retry-After; the claim was released. */
    OVERLOADED(503, "overloaded, retry later"),
    /** Synchronous mode: the handler threw; the claim was released: 503 with Retry-After, so the provider redelivers. */
    HANDLER_FAILED(503, "processing failed, retry later"),
    /**
     * Synchronous mode: the handler did not finish within the pipeline's handler budget: 503 with Retry-After.
     * It goes on running; if it succeeds the redelivery is a duplicate, if it fails the redelivery is processed.
     */
    HANDLER_TIMEOUT(503, "still processing, retry later"),
    /** The idempotency store or the inbox cannot be reached: 503 with Retry-After. */
    UNAVAILABLE(503, "unavailable, retry later"),
    /** An unexpected error (a bug in a format or configuration): 500, so the provider retries. */
    FAILED(500, "internal error");

    private final int statusCode;
    private final String body;

    Outcome(int statusCode, String body) {
      this.statusCode = statusCode;
      this.body = body;
    }

    /** @return the HTTP status to answer */
    public int statusCode() {
      return statusCode;
    }

    /** @return whether the provider should deliver the event again later */
    public boolean retryable() {
      return statusCode >= 500;
    }
  }

  private final Outcome outcome;
  private final WebhookEvent event;
  private final Reason rejection;

  private WebhookResponse(Outcome outcome, WebhookEvent event, Reason rejection) {
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.event = event;
    this.rejection = rejection;
  }

  /**
   * A response.
   *
   * @param outcome the outcome
   * @param event the parsed event, or null if the request did not get that far
   * @param rejection why the request was rejected, or null
   * @return the response
   */
  public static WebhookResponse of(Outcome outcome, WebhookEvent event, Reason rejection) {
    return new WebhookResponse(outcome, event, rejection);
  }

  /** @return the outcome */
  public Outcome outcome() {
    return outcome;
  }

  /** @return the HTTP status to answer */
  public int statusCode() {
    return outcome.statusCode;
  }

  /** @return a short plain-text body that reveals nothing about secrets or which check failed */
  public String body() {
    return outcome.body;
  }

  /** @return the Retry-After to send, for the 503 outcomes */
  public Optional<Duration> retryAfter() {
    return outcome.statusCode == 503 ? Optional.of(RETRY_AFTER) : Optional.empty();
  }

  /** @return the event, once the request was verified and parsed */
  public Optional<WebhookEvent> event() {
    return Optional.ofNullable(event);
  }

  /** @return why the request was rejected, for {@link Outcome#REJECTED} and {@link Outcome#TOO_LARGE} */
  public Optional<Reason> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public String toString() {
    return "WebhookResponse{" + outcome + " " + statusCode() + (rejection == null ? "" : " " + rejection)
        + (event == null ? "" : ", " + event) + "}";
  }
}
