package dev.videojob.moduletests;

import java.util.List;

/**
 * The one list of internal packages that a published module shares with a sibling module on
 * purpose, each with its reason. The module-infos' qualified exports must be exactly these
 * ({@link ModuleDescriptorsTest}), and no class may use another module's internal package beyond
 * them ({@link ArchitectureTest}). Applications get none of them.
 */
final class InternalGrants {
  private InternalGrants() {}

  /**
   * One qualified export.
   *
   * @param internalPackage the internal package
   * @param toModule the sibling module that may use it
   * @param reason why the sibling needs it
   */
  record Grant(String internalPackage, String toModule, String reason) {}

  static final List<Grant> ALL = List.of(
      new Grant("dev.videojob.core.internal", "dev.videojob.media",
          "downloads and uploads retry, redact URLs and send the User-Agent exactly as core's calls do"
              + " (Futures, RetryRule, SleeperScheduler, Redaction, Version)"),
      new Grant("dev.videojob.core.internal", "dev.videojob.store.jdbc",
          "the JDBC store hashes over-long keys exactly as the in-memory store does (IdempotencyKeys)"),
      new Grant("dev.videojob.core.internal", "dev.videojob.webhooks",
          "log lines and messages redact URLs as core's do (Redaction)"),
      new Grant("dev.videojob.core.internal.http", "dev.videojob.media",
          "downloads and uploads retry on the one retry engine API calls use (RetryEngine)"),
      new Grant("dev.videojob.media.internal", "dev.videojob.ffmpeg",
          "ffmpeg writes its outputs with the same atomic move and SHA-256 as downloads (AtomicFiles, Sha256)"));

  /**
   * @param internalPackage an internal package
   * @param module a module other than the package's own
   * @return whether that module may use the package
   */
  static boolean allows(String internalPackage, String module) {
    return ALL.stream().anyMatch(g -> g.internalPackage().equals(internalPackage) && g.toModule().equals(module));
  }
}
