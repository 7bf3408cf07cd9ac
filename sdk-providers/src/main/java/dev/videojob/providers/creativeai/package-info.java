/**
 * The CreativeAI adapter ({@link dev.videojob.providers.creativeai.CreativeAi}), its request extension,
 * status table and webhook format.
 */
package dev.videojob.providers.creativeai;
