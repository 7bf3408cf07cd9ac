/**
 * The adapter for a Higgsfield-like video API ({@link dev.videojob.providers.higgsfield.Higgsfield}) as its
 * integration guide describes it, with typed outputs, the status table and the webhook format.
 */
package dev.videojob.providers.higgsfield;
