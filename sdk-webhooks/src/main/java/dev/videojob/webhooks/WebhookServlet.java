package dev.videojob.webhooks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jakarta Servlet 6 endpoint for one provider's webhooks: a thin adapter over
 * {@link WebhookPipeline#receive(java.io.InputStream, WebhookHeaders, String)}.
 *
 * <p>It reads the raw body itself under the pipeline's size limit (a declared
 * {@code Content-Length} over the limit is answered before reading), and answers 401 for a bad
 * signature or token, 413 for a body too large, 400 for a malformed body, 200 for an accepted or
 * duplicate event, and 503 with {@code Retry-After} when the handler failed or ran past its budget, the
 * handoff queue is full, the event is still being processed, or the store or inbox is down. When the 200 goes
 * back depends on the pipeline's mode (after the handler, after the inbox stored the event, or at once for
 * the acknowledge-first opt-in); the servlet is the same for all three. Only POST is served. Register it with the container yourself:
 * {@code context.addServlet(new ServletHolder(new WebhookServlet(pipeline)), "/webhooks/ssemble")}.
 * Do not put a filter in front that reads the body or its parameters.
 */
// The Servlet API is an optional dependency of this module (requires static): the container that
// runs this servlet supplies it, so it is not re-exported to every user of the webhooks module.
@SuppressWarnings("exports")
public final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);

  private final transient WebhookPipeline pipeline;

  /**
   * Creates the servlet.
   *
   * @param pipeline the pipeline for the provider this endpoint receives; not closed by the servlet
   * @throws NullPointerException if pipeline is null
   */
  public WebhookServlet(WebhookPipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline == null");
  }

  /**
   * Receives one delivery.
   *
   * @param req the request
   * @param resp the response
   * @throws IOException if the response cannot be written
   */
  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long declared = req.getContentLengthLong();
    WebhookResponse answer;
    if (declared > pipeline.maxBodyBytes()) {
      LOG.warn("{} webhook rejected: declared Content-Length over the limit", pipeline.provider());
      answer = WebhookResponse.of(WebhookResponse.Outcome.TOO_LARGE, null,
          WebhookVerificationException.Reason.BODY_TOO_LARGE);
    } else {
      WebhookHeaders headers = name -> {
        Enumeration<String> values = req.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
      };
      answer = pipeline.receive(req.getInputStream(), headers, req.getQueryString());
    }
    write(resp, answer);
  }

  private static void write(HttpServletResponse resp, WebhookResponse answer) throws IOException {
    resp.setStatus(answer.statusCode());
    answer.retryAfter().ifPresent(d -> resp.setHeader("Retry-After", Long.toString(d.toSeconds())));
    if (answer.statusCode() == 413) resp.setHeader("Connection", "close");
    resp.setContentType("text/plain;charset=utf-8");
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  @Override
  public String toString() {
    return "WebhookServlet{" + pipeline.provider() + "}";
  }
}
