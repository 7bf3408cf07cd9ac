package dev.videojob.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test does when something it needs (a database server, the ffmpeg binary) is
 * missing: on a laptop it skips with a message saying why; in CI ({@code CI=true} or
 * {@code VIDEOJOB_REQUIRE_SERVICES=true}, set by {@code .ci/run}) it fails, so a green CI means the test ran.
 */
public final class RequiredServices {
  private RequiredServices() {}

  /** @return whether a missing service fails the test instead of skipping it */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("VIDEOJOB_REQUIRE_SERVICES"))
        || "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips (laptop) or fails (CI) the current test unless the service is available.
   *
   * @param available whether the service was found
   * @param why what is missing and how to provide it
   */
  public static void assume(boolean available, String why) {
    if (available) return;
    if (required()) Assertions.fail(why + " (required in CI: .ci/run sets VIDEOJOB_REQUIRE_SERVICES=true)");
    Assumptions.abort(why + "; skipped (set VIDEOJOB_REQUIRE_SERVICES=true to make this a failure)");
  }
}
