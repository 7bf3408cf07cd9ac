package dev.videojob.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the build, for the User-Agent. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** @return {@code videojob-java/<version>}; the version is {@code dev} when run from sources without a build */
  public static String userAgent() {
    return "videojob-java/" + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/videojob/core/version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
