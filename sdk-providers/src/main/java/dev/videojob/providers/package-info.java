/**
 * The provider adapters, one package each ({@code creativeai}, {@code higgsfield}, {@code ssemble},
 * {@code vidbuilder}, {@code videopilot}), and {@link dev.videojob.providers.ProviderBuilder}, the
 * settings every adapter's builder shares.
 */
package dev.videojob.providers;
