/**
 * Receive AI video providers' webhooks in any servlet container or framework: verify them over the
 * raw bytes ({@link dev.videojob.webhooks.WebhookVerifier}, {@link dev.videojob.webhooks.SignatureScheme}),
 * or by a per-job {@link dev.videojob.webhooks.CallbackTokens token} for providers that sign nothing;
 * parse them into a {@link dev.videojob.webhooks.WebhookEvent} through a provider's
 * {@link dev.videojob.webhooks.WebhookFormat}; and process each once
 * ({@link dev.videojob.webhooks.WebhookPipeline}, {@link dev.videojob.webhooks.WebhookServlet}), answering
 * the provider only once the event can no longer be lost: after the handler succeeded, or after a durable
 * {@link dev.videojob.webhooks.WebhookInbox} stored it.
 *
 * <p>This package knows no provider: provider adapters implement {@code WebhookFormat}.
 */
package dev.videojob.webhooks;
