package dev.videojob.core.internal.http;

import dev.failsafe.Bulkhead;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-side bounds for one provider key: a smooth rate limit and a bound on calls in flight. A call
 * beyond either waits up to {@code maxQueueWait}, then fails without being sent.
 *
 * <p>Internal: not part of the public API.
 *
 * @param ratePermits calls per period, 0 for no rate limit
 * @param ratePeriod the rate limit's period
 * @param maxConcurrency calls in flight at most, 0 for no bound
 * @param maxQueueWait how long a call waits for either
 */
public record CallLimits(int ratePermits, Duration ratePeriod, int maxConcurrency, Duration maxQueueWait) {

  /**
   * Builds the policies; build them once per provider key, since they hold the shared permits.
   *
   * @param <T> the result type
   * @return the rate limiter and the bulkhead that are configured, in that order
   */
  public <T> List<Policy<T>> policies() {
    List<Policy<T>> l = new ArrayList<>();
    if (ratePermits > 0) {
      l.add(RateLimiter.<T>smoothBuilder(ratePermits, ratePeriod).withMaxWaitTime(maxQueueWait).build());
    }
    if (maxConcurrency > 0) {
      l.add(Bulkhead.<T>builder(maxConcurrency).withMaxWaitTime(maxQueueWait).build());
    }
    return List.copyOf(l);
  }
}
