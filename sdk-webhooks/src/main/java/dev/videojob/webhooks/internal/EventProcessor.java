package dev.videojob.webhooks.internal;

import dev.videojob.core.Claim;
import dev.videojob.core.IdempotencyStore;
import dev.videojob.core.VideoJob;
import dev.videojob.webhooks.StatusConfirmer;
import dev.videojob.webhooks.WebhookEvent;
import dev.videojob.webhooks.WebhookHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of the pipeline: for a claimed event, confirm its status (optional), run the
 * handler, mark the claim done, and pass the snapshot on; a failure releases the claim.
 */
public final class EventProcessor {
  /** How processing a claimed event ended. */
  public enum Result {
    /** The handler succeeded (or there is none) and the event was marked done. */
    HANDLED,
    /** The provider did not confirm the event's status: dropped, and released for a later genuine delivery. */
    UNCONFIRMED,
    /** The confirmer or the handler threw: released, so the provider's redelivery is processed. */
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

  private final IdempotencyStore store;
  private final WebhookHandler handler;
  private final StatusConfirmer confirmer;
  private final Consumer<VideoJob> snapshotListener;
  private final Duration lease;
  private final Duration retention;

  /**
   * Creates the processor.
   *
   * @param store where the event was claimed
   * @param handler the application's handler, or null
   * @param confirmer the status confirmer, or null
   * @param snapshotListener the verified-snapshot listener, or null
   * @param lease the claim's lease (for the log line when it ran out)
   * @param retention how long a done event is remembered
   */
  public EventProcessor(IdempotencyStore store, WebhookHandler handler, StatusConfirmer confirmer,
      Consumer<VideoJob> snapshotListener, Duration lease, Duration retention) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.handler = handler;
    this.confirmer = confirmer;
    this.snapshotListener = snapshotListener;
    this.lease = lease;
    this.retention = retention;
  }

  /**
   * Processes a claimed event; never throws.
   *
   * @param received the event as verified and parsed
   * @param claim its acquired claim
   * @return how it ended
   */
  public Result process(WebhookEvent received, Claim claim) {
    String provider = received.provider();
    WebhookEvent event = received;
    try {
      if (confirmer != null && received.snapshot().isPresent()) {
        VideoJob claimed = received.snapshot().get();
        VideoJob confirmed = Objects.requireNonNull(confirmer.confirm(received), "confirmer returned null");
        if (confirmed.status() != claimed.status()) {
          LOG.warn("{} webhook for job {} claims {} but the provider reports {}; dropped", provider, claimed.id(),
              claimed.status(), confirmed.status());
          release(claim);
          return Result.UNCONFIRMED;
        }
        event = received.toBuilder().snapshot(confirmed).build();
      }
      if (handler != null) handler.handle(event);
    } catch (Exception e) {
      LOG.warn("{} webhook handler failed; event released for redelivery: {}", provider, received, e);
      release(claim);
      return Result.FAILED;
    }
    try {
      if (!store.complete(claim, retention)) {
        LOG.warn("{} webhook handled after its {} lease ran out; another delivery may have run too; raise lease(...)",
            provider, lease);
      }
    } catch (RuntimeException e) {
      LOG.error("{} webhook handled but not marked done; a redelivery may run the handler again", provider, e);
    }
    if (snapshotListener != null && event.snapshot().isPresent()) {
      try {
        snapshotListener.accept(event.snapshot().get());
      } catch (RuntimeException e) {
        LOG.warn("{} verified-snapshot listener failed", provider, e);
      }
    }
    return Result.HANDLED;
  }

  /**
   * Releases a claim so the provider's redelivery is processed; never throws.
   *
   * @param claim an acquired claim
   */
  public void release(Claim claim) {
    try {
      store.release(claim);
    } catch (RuntimeException e) {
      LOG.error("could not release a webhook claim; it becomes claimable when its lease runs out", e);
    }
  }
}
