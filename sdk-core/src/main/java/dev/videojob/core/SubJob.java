package dev.videojob.core;

import java.util.Objects;

/**
 * A provider job that is part of one logical job (VideoPilot's scene jobs and render job).
 *
 * @param role what the sub-job does, such as {@code "scene"} or {@code "render"}
 * @param id the provider's id of the sub-job
 */
public record SubJob(String role, String id) {
  /**
   * Creates a sub-job reference.
   *
   * @param role what the sub-job does, such as {@code "scene"} or {@code "render"}
   * @param id the provider's id of the sub-job
   * @throws NullPointerException if an argument is null
   */
  public SubJob {
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(id, "id == null");
  }
}
