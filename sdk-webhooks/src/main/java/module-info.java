/**
 * Webhook verification, the exactly-once pipeline and the optional Jakarta servlet.
 *
 * <p>The Servlet API is optional ({@code requires static}): only {@code WebhookServlet} needs it,
 * and an application that uses the servlet has a container that provides it.
 */
module dev.videojob.webhooks {
  requires transitive dev.videojob.core;
  requires static jakarta.servlet;
  requires org.slf4j;

  exports dev.videojob.webhooks;
}
