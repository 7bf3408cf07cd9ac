package dev.videojob.core.internal.http;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.RateLimitExceededException;
import dev.videojob.core.AuthenticationException;
import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.core.JobNotFoundException;
import dev.videojob.core.OutcomeUnknownException;
import dev.videojob.core.ProviderUnavailableException;
import dev.videojob.core.QuotaExceededException;
import dev.videojob.core.RateLimitedException;
import dev.videojob.core.VideoJobException;
import dev.videojob.core.internal.Redaction;
import dev.videojob.core.internal.RetryAfter;
import dev.videojob.core.spi.ApiRequest;
import dev.videojob.core.spi.ApiResponse;
import dev.videojob.core.spi.CallContext;
import dev.videojob.core.spi.ErrorParser;
import dev.videojob.core.spi.ProviderError;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The table from what a call ended with to the SDK's exceptions: a status that is not 2xx (with the provider's
 * code, message and hint from the {@link ErrorParser}), an I/O failure, a client-side limit or a cancellation.
 * A create call's failure carries its idempotency key and whether a job may exist.
 *
 * <p>Internal: not part of the public API. Immutable and thread-safe.
 */
public final class StatusMapping {
  private final String provider;
  private final ErrorParser errorParser;
  private final SafeCreateRule rule;

  /**
   * @param provider the provider id
   * @param errorParser reads the provider's error bodies
   * @param rule the safe-create rule, which the messages follow
   */
  public StatusMapping(String provider, ErrorParser errorParser, SafeCreateRule rule) {
    this.provider = provider;
    this.errorParser = errorParser;
    this.rule = rule;
  }

  /** The context of an error of this call: the provider, and for a submission its key and whether a job may exist. */
  private ErrorContext errorContext(CallContext context) {
    ErrorContext ec = ErrorContext.of(provider).withIdempotencyKey(context.idempotencyKey().orElse(null));
    return context.jobMayExist() ? ec.withJobMayExist(true) : ec;
  }

  /** What to do when a job may exist, for the end of a message; empty when none may. */
  private String mayExistAdvice(ErrorContext ec) {
    if (!ec.jobMayExist()) return "";
    return rule.keysHonoured() ? "; a job may exist: resubmit with the same idempotency key, which " + provider
        + " honours, or look it up" : "; a job may exist: look it up before submitting again";
  }

  /**
   * Maps a failure that came instead of an answer.
   *
   * @param t the failure, unwrapped
   * @param request the call
   * @param context the logical call's context
   * @param callerCancelled whether the caller cancelled the call
   * @return the exception to fail with: the failure itself when it is a {@link VideoJobException} or the caller's
   *     cancellation; {@link RateLimitedException} for a client-side limit; {@link OutcomeUnknownException} when a
   *     create's request went out and the provider takes no key; else {@link ProviderUnavailableException}
   */
  public RuntimeException failure(Throwable t, ApiRequest request, CallContext context, boolean callerCancelled) {
    if (t instanceof VideoJobException) return (RuntimeException) t;
    ErrorContext ec = errorContext(context);
    String key = context.idempotencyKey().orElse(null);
    if (t instanceof CancellationException) {
      if (callerCancelled || context.isCancelled() || !request.createsJob()) return (CancellationException) t;
      // Nobody asked for it: a create must not look cancelled while its request may still be on its way.
      return new OutcomeUnknownException("the create call was cut short inside the SDK, not by the caller; the"
          + " job may or may not exist: look it up before submitting again", ec.withJobMayExist(true), t, key);
    }
    if (t instanceof RateLimitExceededException || t instanceof BulkheadFullException) {
      return new RateLimitedException("the client-side " + (t instanceof BulkheadFullException ? "concurrency" : "rate")
          + " limit for " + provider + " was reached; nothing was sent, try again later", ec, null, Map.of());
    }
    if (t instanceof AttemptFailure) {
      AttemptFailure f = (AttemptFailure) t;
      String what = f.io() instanceof InterruptedIOException ? "timed out" : "failed";
      if (request.createsJob() && f.requestSent() && !rule.keysHonoured()) {
        return new OutcomeUnknownException("the create call " + what + " after the request was sent (" + f.getMessage()
            + "); the job may or may not exist and " + provider + " takes no idempotency key, so it was not resent",
            ec, f.io(), key);
      }
      return new ProviderUnavailableException(provider + " could not be reached: the call " + what + " ("
          + f.getMessage() + ")" + mayExistAdvice(ec), ec, f.io(), !f.requestSent());
    }
    return new VideoJobException("the call failed: " + t, ec, t);
  }

  /**
   * Maps an answer that is not 2xx.
   *
   * @param r the answer
   * @param request the call
   * @param context the logical call's context
   * @return {@link QuotaExceededException} (402, credit codes), {@link AuthenticationException} (401, 403),
   *     {@link JobNotFoundException} (404), {@link RateLimitedException} (429, with {@code Retry-After}),
   *     {@link InvalidRequestException} for a redirect (not followed) or another 4xx, {@link OutcomeUnknownException}
   *     for a 303 to a create or a gateway's 502/504 to a create the provider takes no key for,
   *     {@link ProviderUnavailableException} (408, 5xx)
   */
  public RuntimeException status(ApiResponse r, ApiRequest request, CallContext context) {
    ProviderError pe;
    try {
      pe = errorParser.parse(r);
    } catch (RuntimeException e) {
      pe = ProviderError.empty();
    }
    int s = r.status();
    ErrorContext ec = errorContext(context).withHttpStatus(s).withRequestId(r.requestId().orElse(null))
        .withProviderError(pe.code(), pe.message(), pe.hint()).withDetails(pe.details());
    String key = context.idempotencyKey().orElse(null);
    String code = pe.code() == null ? "" : pe.code().toLowerCase(Locale.ROOT);
    if (s == 402 || code.contains("credit") || code.contains("quota") || code.contains("subscription")
        || code.contains("payment")) {
      return new QuotaExceededException("the account cannot pay for this: top up credits or upgrade the plan", ec);
    }
    if (s == 401) return new AuthenticationException("the API key was refused: check the credentials", ec);
    if (s == 403) return new AuthenticationException("the API key is not allowed to do this", ec);
    if (s == 404) return new JobNotFoundException("not found at " + Redaction.url(r.url()), ec);
    if (s == 429) {
      Optional<Duration> after = RetryAfter.parse(r.header("Retry-After").orElse(null), context.clock());
      return new RateLimitedException("rate limited" + after.map(d -> "; retry after " + d.toSeconds() + " s").orElse(""),
          ec, after.orElse(null), r.rateLimitHeaders());
    }
    if (s >= 300 && s < 400) {
      String to = r.header("Location").map(Redaction::url).orElse("an address it did not give");
      if (request.createsJob() && s == 303) {
        return new OutcomeUnknownException("the create call was answered 303 See Other (to " + to + "), which usually"
            + " means the job was made; the SDK follows no redirect, so the job may or may not exist: look it up"
            + " before submitting again", ec, null, key);
      }
      return new InvalidRequestException("the call was redirected to " + to + "; the SDK follows no redirects (a create"
          + " must never be resent behind its retry rule, nor credentials sent to another host): set the base URL to the"
          + " provider's current API address", ec, "baseUrl");
    }
    if (s == 408) {
      return new ProviderUnavailableException(provider + " timed out waiting for the request and did not process it;"
          + " try again", ec, null, true);
    }
    if (s >= 500) {
      if (request.createsJob() && !rule.keysHonoured() && (s == 502 || s == 504)) {
        return new OutcomeUnknownException("a gateway answered " + s + " to the create call; the job may or may not"
            + " exist and " + provider + " takes no idempotency key, so it was not resent", ec, null, key);
      }
      return new ProviderUnavailableException(provider + " is unavailable" + mayExistAdvice(ec), ec, null, s == 503);
    }
    if (s == 409 && request.createsJob()) {
      return new InvalidRequestException("the provider refused the create call as a conflict; a job with this"
          + " idempotency key may already exist: look it up before submitting again", ec, null);
    }
    return new InvalidRequestException("the provider rejected the request", ec, null);
  }
}
