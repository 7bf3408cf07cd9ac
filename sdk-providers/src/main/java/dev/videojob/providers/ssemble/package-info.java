/**
 * The ssemble adapter ({@link dev.videojob.providers.ssemble.Ssemble}): long video in, several
 * vertical shorts out. Its request fields are in {@link dev.videojob.providers.ssemble.SsembleOptions},
 * its callbacks are parsed by {@link dev.videojob.providers.ssemble.SsembleWebhookFormat}.
 */
package dev.videojob.providers.ssemble;
