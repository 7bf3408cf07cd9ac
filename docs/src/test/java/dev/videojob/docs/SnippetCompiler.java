package dev.videojob.docs;

import dev.videojob.docs.MarkdownPage.JavaBlock;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java blocks of the pages with the JDK's compiler against the test class path, the way a
 * reader would compile them after adding the artifacts the pages name.
 *
 * <p>A block that starts with {@code package}, {@code import} or a type declaration is a compilation
 * unit and is compiled as printed; the units of one page are compiled together, so one may use another.
 * Any other block is a fragment: statements compiled as the body of a method, in a class that imports
 * every public package of the SDK (and {@code java.net.URI}, {@code java.nio.file}, {@code java.time},
 * {@code java.util}, {@code java.util.concurrent}, JDBC's {@code Connection}, {@code PreparedStatement},
 * {@code SQLException} and {@code DataSource}, Jetty's {@code ServletContextHandler} and {@code ServletHolder}),
 * declares the members
 * named in the block's {@code <!-- given: ... -->} comment, and sees the page's units.
 */
final class SnippetCompiler {
  private static final Pattern UNIT_START = Pattern.compile(
      "^(package|import)\\s.*|^(@\\w+(\\(.*\\))?\\s+)*((public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
          + "(class|record|interface|enum|@interface)\\s.*");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public\\s+((abstract|final|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum|@interface)\\s+(\\w+)");
  private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
      "(?m)^((public|abstract|final|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum|@interface)\\s+(\\w+)");
  private static final List<String> JDK_IMPORTS = List.of("java.net.URI", "java.nio.file.*", "java.time.*",
      "java.util.*", "java.util.concurrent.*", "java.sql.Connection", "java.sql.PreparedStatement",
      "java.sql.SQLException", "javax.sql.DataSource", "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
      "org.eclipse.jetty.ee10.servlet.ServletHolder");

  private final String classPath;
  private final Path out;
  private final List<String> imports;
  private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

  SnippetCompiler(String classPath, Path out) throws IOException {
    this.classPath = classPath;
    this.out = out;
    this.imports = sdkPackages(classPath);
  }

  /** The SDK's public packages found on the class path, imported on demand into every fragment. */
  List<String> imports() {
    return imports;
  }

  static boolean isUnit(String code) {
    for (String line : code.split("\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("//") || s.startsWith("/*") || s.startsWith("*")) continue;
      return UNIT_START.matcher(s).matches();
    }
    return false;
  }

  /**
   * What compiling one block gave: the compiler's errors in that block, each as {@code page:line: message}
   * (empty when it compiles), where the classes went, and the block's class.
   */
  record Compiled(List<String> errors, Path classes, String className) {}

  /** Compiles one block with the page's units. */
  Compiled compile(JavaBlock block, List<JavaBlock> pageUnits) throws IOException {
    Map<JavaFileObject, Source> sources = new LinkedHashMap<>();
    int n = 0;
    for (JavaBlock unit : pageUnits) {
      Source s = unitSource(unit, n++);
      sources.put(s.file, s);
    }
    Source own;
    if (isUnit(block.code())) {
      own = sources.values().stream().filter(s -> s.block == block).findFirst().orElseThrow();
    } else {
      own = fragmentSource(block, pageUnits);
      sources.put(own.file, own);
    }

    Path classes = out.resolve(block.page().name().replaceAll("[^\\w]", "_")).resolve("line" + block.firstLine());
    Files.createDirectories(classes);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none",
          "-encoding", "UTF-8", "-Xlint:none");
      compiler.getTask(null, files, diagnostics, options, null, sources.keySet()).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      Source s = sources.get(d.getSource());
      if (d.getSource() != null && s != own) continue; // reported by that unit's own test
      if (s == null) {
        errors.add(block.location() + ": " + d.getMessage(Locale.ROOT));
        continue;
      }
      long line = d.getLineNumber() - s.firstCodeLine + 1;
      int pageLine = block.pageLine(line);
      String text = line >= 1 && pageLine <= block.page().lineCount() ? block.page().lines().get(pageLine - 1).strip() : "";
      errors.add(block.page().name() + ":" + pageLine + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")
          + (text.isEmpty() ? "" : "\n    " + text));
    }
    return new Compiled(errors, classes, own.className);
  }

  private Source unitSource(JavaBlock unit, int index) {
    Matcher pkg = PACKAGE.matcher(unit.code());
    Matcher publicType = PUBLIC_TYPE.matcher(unit.code());
    Matcher anyType = TOP_LEVEL_TYPE.matcher(unit.code());
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    String name = publicType.find() ? publicType.group(4) : anyType.find() ? anyType.group(4) : "Unit" + unit.firstLine() + "_" + index;
    return new Source(unit, new StringSource(dir + name, unit.code()), 1, (dir + name).replace('/', '.'));
  }

  private Source fragmentSource(JavaBlock block, List<JavaBlock> pageUnits) {
    StringBuilder src = new StringBuilder();
    for (String i : imports) src.append("import ").append(i).append(".*;\n");
    for (String i : JDK_IMPORTS) src.append("import ").append(i).append(";\n");
    for (JavaBlock unit : pageUnits) {
      Matcher pkg = PACKAGE.matcher(unit.code());
      if (pkg.find()) src.append("import ").append(pkg.group(1)).append(".*;\n");
    }
    String className = "Fragment" + block.firstLine();
    src.append("@SuppressWarnings(\"all\")\nabstract class ").append(className).append(" {\n")
        .append(block.given()).append('\n')
        .append("void fragment() throws Exception {\n");
    int first = (int) src.chars().filter(c -> c == '\n').count() + 1;
    src.append(block.code()).append("}\n}\n");
    return new Source(block, new StringSource(className, src.toString()), first, className);
  }

  /** Every {@code dev.videojob} package with classes on the class path, except internal ones and this module's. */
  private static List<String> sdkPackages(String classPath) throws IOException {
    TreeSet<String> packages = new TreeSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".class"))
              .map(f -> p.relativize(f.getParent() == null ? p : f.getParent()).toString().replace(File.separatorChar, '.'))
              .forEach(packages::add);
        }
      } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        try (JarFile jar = new JarFile(p.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.endsWith(".class") && n.contains("/")) packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
          }
        }
      }
    }
    List<String> result = new ArrayList<>();
    for (String p : packages) {
      if (p.startsWith("dev.videojob.") && !p.matches(".*\\binternal\\b.*") && !p.startsWith("dev.videojob.docs")) {
        result.add(p);
      }
    }
    return result;
  }

  private record Source(JavaBlock block, JavaFileObject file, int firstCodeLine, String className) {}

  private static final class StringSource extends SimpleJavaFileObject {
    private final String code;

    StringSource(String path, String code) {
      super(URI.create("string:///" + path + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
