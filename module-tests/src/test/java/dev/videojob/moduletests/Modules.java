package dev.videojob.moduletests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The published modules, their names (each is its root package) and the module path they were built on. */
final class Modules {
  private Modules() {}

  /** The published modules. Each one's name is also its root package. */
  static final List<String> PUBLISHED = List.of(
      "dev.videojob.core",
      "dev.videojob.media",
      "dev.videojob.store.jdbc",
      "dev.videojob.webhooks",
      "dev.videojob.durable",
      "dev.videojob.providers",
      "dev.videojob.ffmpeg",
      "dev.videojob.testkit");

  /** Unpublished code the architecture rules also cover: it must use the modules as users do. */
  static final String EXAMPLES = "dev.videojob.examples";

  /**
   * @param pkg a package name
   * @return the module (published, or the examples) that the package belongs to, if any
   */
  static Optional<String> owning(String pkg) {
    return java.util.stream.Stream.concat(PUBLISHED.stream(), java.util.stream.Stream.of(EXAMPLES))
        .filter(root -> pkg.equals(root) || pkg.startsWith(root + "."))
        .findFirst();
  }

  /**
   * @param pkg a package name
   * @return whether it is machinery: a package named {@code internal} or under one
   */
  static boolean isInternal(String pkg) {
    return pkg.endsWith(".internal") || pkg.contains(".internal.");
  }

  /**
   * @return the published modules and their runtime dependencies (built jars or class directories),
   *     as Maven resolved them into {@code target/module-path.txt}
   */
  static List<Path> modulePath() {
    Path file = Path.of(System.getProperty("modulepath.file", "target/module-path.txt"));
    try {
      String text = Files.readString(file).strip();
      return Arrays.stream(text.split(java.io.File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(Path::of)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; run the build through Maven (mvn verify)", e);
    }
  }

  /** @return a finder over {@link #modulePath()} */
  static ModuleFinder finder() {
    return ModuleFinder.of(modulePath().toArray(Path[]::new));
  }

  /**
   * @param module a published module
   * @return its reference on the module path
   */
  static ModuleReference reference(String module) {
    return finder().find(module).orElseThrow(() -> new AssertionError(module + " is not on the module path " + modulePath()));
  }

  /**
   * @param module a published module
   * @return the names of its top-level classes
   */
  static Set<String> topLevelClasses(String module) {
    try (ModuleReader reader = reference(module).open()) {
      return reader.list()
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.endsWith("module-info.class")
              && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param module a published module
   * @return the packages that hold at least one class
   */
  static Set<String> packagesWithClasses(String module) {
    return topLevelClasses(module).stream()
        .map(c -> c.substring(0, c.lastIndexOf('.')))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
