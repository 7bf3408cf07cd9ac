package dev.videojob.providers.higgsfield;

import dev.videojob.core.ProviderExtension;
import java.util.List;
import java.util.Objects;

/**
 * What only the Higgsfield-like API takes beyond the shared fields: typed {@code outputs[]} entries
 * (the guide's {@code [{"type":"master","format":"mp4"}]}). Style and metadata are the shared
 * {@code VideoRequest} fields; the shared {@code outputs} strings ({@code "master:mp4"}) are the same
 * thing untyped, and a request may use one or the other. Immutable.
 *
 * @param outputs the outputs wanted, in order; not empty
 */
public record HiggsfieldOptions(List<HiggsfieldOutput> outputs) implements ProviderExtension {
  /**
   * Creates the options.
   *
   * @param outputs the outputs wanted, in order; not empty
   * @throws NullPointerException if outputs or an entry is null
   * @throws IllegalArgumentException if outputs is empty
   */
  public HiggsfieldOptions {
    outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs == null"));
    if (outputs.isEmpty()) throw new IllegalArgumentException("outputs is empty; leave the options out instead");
  }

  /**
   * Options asking for these outputs.
   *
   * @param outputs the outputs wanted
   * @return the options
   */
  public static HiggsfieldOptions outputs(HiggsfieldOutput... outputs) {
    return new HiggsfieldOptions(List.of(outputs));
  }
}
