package dev.videojob.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videojob.core.testing.RequiredServices;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The published modules on the module path, as an application that has its own module-info uses
 * them: it compiles against them, runs with {@code java -m}, and cannot reach their internals.
 */
class ModulePathTest {
  private static final Path WORK = Path.of(System.getProperty("modulepath.work", "target/modulepath"));
  private static final Path APP_SOURCES = Path.of(System.getProperty("modulepath.app.sources", "src/modulepath-app"));

  @Test
  void anApplicationModuleRunsTheJobWebhookDownloadAndFfmpegPathOnTheModulePath() throws Exception {
    Path classes = WORK.resolve("app/classes");
    List<Path> sources;
    try (Stream<Path> files = Files.walk(APP_SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    Compilation compiled = compile(sources, classes);
    assertThat(compiled.ok).as(compiled.diagnostics).isTrue();

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePathWith(classes),
        "-m", "app/app.Main",
        WORK.resolve("app/out").toString()));
    // In CI a missing ffmpeg fails the program; on a laptop it skips that step.
    if (RequiredServices.required()) command.add("--require-ffmpeg");
    Path log = WORK.resolve("app/run.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean exited = process.waitFor(3, TimeUnit.MINUTES);
    if (!exited) process.destroyForcibly();
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(exited).as("the program finished within 3 minutes:\n" + output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("VideoClient.fromEnv found the CreativeAI adapter through ServiceLoader")
        .contains("webhooks: signature verified, tampered body rejected")
        .contains("webhooks: the job's signed webhook was verified and handled")
        .contains("store-jdbc: table created from its DDL resource")
        .contains("internal packages, none accessible from app")
        .contains("module-path program: OK");
  }

  @Test
  void anApplicationModuleCannotCompileAgainstAnyInternalPackage() throws IOException {
    Map<String, String> oneClassPerInternalPackage = new TreeMap<>();
    for (String module : Modules.PUBLISHED) {
      for (String className : Modules.topLevelClasses(module)) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        if (Modules.isInternal(pkg) && !oneClassPerInternalPackage.containsKey(pkg) && isPublic(className)) {
          oneClassPerInternalPackage.put(pkg, className);
        }
      }
    }
    assertThat(oneClassPerInternalPackage).as("every module but the testkit has machinery").hasSizeGreaterThanOrEqualTo(6);

    Path src = WORK.resolve("peek/src");
    Files.createDirectories(src.resolve("peek"));
    Files.writeString(src.resolve("module-info.java"), "module peek {\n"
        + Modules.PUBLISHED.stream().map(m -> "  requires " + m + ";\n").collect(Collectors.joining())
        + "}\n");
    StringBuilder peek = new StringBuilder("package peek;\n\nclass Peek {\n");
    int i = 0;
    for (String className : oneClassPerInternalPackage.values()) {
      peek.append("  ").append(className).append(" field").append(i++).append(";\n");
    }
    Files.writeString(src.resolve("peek/Peek.java"), peek.append("}\n").toString());

    Compilation compiled = compile(List.of(src.resolve("module-info.java"), src.resolve("peek/Peek.java")),
        WORK.resolve("peek/classes"));

    assertThat(compiled.ok).as("compiling against internal packages must fail").isFalse();
    for (String pkg : oneClassPerInternalPackage.keySet()) {
      assertThat(compiled.errors).as(compiled.diagnostics).anyMatch(e -> e.contains("package " + pkg + " is not visible"));
    }
  }

  private static boolean isPublic(String className) {
    try {
      return Modifier.isPublic(Class.forName(className, false, ModulePathTest.class.getClassLoader()).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is in the module but not on the test class path", e);
    }
  }

  private static String modulePathWith(Path extra) {
    List<String> entries = Modules.modulePath().stream().map(Path::toString).collect(Collectors.toList());
    entries.add(extra.toString());
    return String.join(File.pathSeparator, entries);
  }

  private record Compilation(boolean ok, List<String> errors, String diagnostics) {}

  private static Compilation compile(List<Path> sources, Path classes) throws IOException {
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK, not a JRE, runs the tests").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      String modulePath = Modules.modulePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
      List<String> options = List.of("--release", "17", "--module-path", modulePath, "-d", classes.toString());
      boolean ok = javac.getTask(out, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT))
          .collect(Collectors.toList());
      String all = diagnostics.getDiagnostics().stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n")) + out;
      return new Compilation(ok, errors, all);
    }
  }
}
