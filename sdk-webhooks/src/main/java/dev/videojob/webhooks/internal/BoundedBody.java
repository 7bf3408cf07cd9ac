package dev.videojob.webhooks.internal;

import dev.videojob.webhooks.WebhookVerificationException;
import dev.videojob.webhooks.WebhookVerificationException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, stopping as soon as it passes the size limit. */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * Reads the whole stream, or fails once it holds more than {@code maxBytes}.
   *
   * @param in the body stream; not closed
   * @param maxBytes the largest body accepted
   * @return the body bytes
   * @throws IOException if reading fails
   * @throws WebhookVerificationException with {@link Reason#BODY_TOO_LARGE} past the limit
   */
  public static byte[] read(InputStream in, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * The exception for a body past the limit.
   *
   * @param maxBytes the limit
   * @return the exception
   */
  public static WebhookVerificationException tooLarge(int maxBytes) {
    return new WebhookVerificationException(Reason.BODY_TOO_LARGE, "Webhook body is larger than the "
        + maxBytes + "-byte limit: raise maxBodyBytes if the provider's events are really this large");
  }
}
