/**
 * The provider adapters, one package each ({@code creativeai}, {@code higgsfield}, {@code ssemble},
 * {@code vidbuilder}, {@code videopilot}), each with the same files: the adapter, its options, its status
 * table ({@code <Provider>Statuses}), its provider factory and its webhook format. Here too:
 * {@link dev.videojob.providers.ProviderBuilder}, the settings every adapter's builder shares, and
 * {@link dev.videojob.providers.StatusMapping}, the row every status table answers with.
 */
package dev.videojob.providers;
