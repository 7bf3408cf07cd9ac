package dev.videojob.core.internal.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Records whether an attempt's request reached the wire. Attached to the OkHttp request as a
 * tag; a failure before the request headers started is certain to have created nothing.
 */
public final class SendTracker extends EventListener {
  private volatile boolean sent;

  /** @return whether the request headers started being written */
  public boolean requestSent() {
    return sent;
  }

  @Override
  public void requestHeadersStart(Call call) {
    sent = true;
  }

  /** @return the factory that finds each call's tracker in its request tag */
  public static EventListener.Factory factory() {
    return call -> {
      SendTracker t = call.request().tag(SendTracker.class);
      return t != null ? t : EventListener.NONE;
    };
  }
}
