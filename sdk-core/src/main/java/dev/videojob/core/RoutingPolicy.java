package dev.videojob.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the order in which a client with several providers tries them for a submission. The
 * first is tried; a provider that refuses before creating a job (429, 503, capacity) hands over
 * to the next.
 */
@FunctionalInterface
public interface RoutingPolicy {

  /**
   * Orders the candidate providers for one request.
   *
   * @param request the request being submitted
   * @param providerIds the configured provider ids, in registration order
   * @return the ids to try, in order; ids not in {@code providerIds} are ignored
   */
  List<String> order(VideoRequest request, List<String> providerIds);

  /** @return the policy that tries providers in registration order: the first is primary, the rest are fallbacks (the default) */
  static RoutingPolicy inOrder() {
    return (request, ids) -> ids;
  }

  /** @return a policy that spreads submissions by starting each at the next provider in turn, then failing over in order */
  static RoutingPolicy roundRobin() {
    AtomicInteger next = new AtomicInteger();
    return (request, ids) -> {
      if (ids.isEmpty()) return ids;
      int start = Math.floorMod(next.getAndIncrement(), ids.size());
      List<String> ordered = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) ordered.add(ids.get((start + i) % ids.size()));
      return ordered;
    };
  }
}
