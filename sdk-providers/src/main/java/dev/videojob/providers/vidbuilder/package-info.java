/**
 * The VidBuilder adapter ({@link dev.videojob.providers.vidbuilder.VidBuilder}): videos assembled
 * from templated scenes. Its request fields are in
 * {@link dev.videojob.providers.vidbuilder.VidBuilderOptions}, its callbacks are parsed by
 * {@link dev.videojob.providers.vidbuilder.VidBuilderWebhookFormat}.
 */
package dev.videojob.providers.vidbuilder;
