package dev.videojob.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.videojob.docs.MarkdownPage.JavaBlock;
import dev.videojob.docs.MarkdownPage.Link;
import dev.videojob.docs.MarkdownPage.Paragraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps README.md and docs/*.md true: every {@code ```java} block compiles against the published modules (and
 * those marked {@code <!-- run -->} run),
 * relative links lead somewhere, no paragraph is printed twice, and the README stays a front door.
 */
class DocsTest {
  private static final int README_MAX_LINES = 250;
  private static final int MIN_REPEATED_PARAGRAPH_CHARS = 80;

  private static Path root;
  private static List<MarkdownPage> pages;

  @BeforeAll
  static void readPages() throws IOException {
    root = Path.of(System.getProperty("videojob.docs.root", "..")).toAbsolutePath().normalize();
    pages = new ArrayList<>();
    pages.add(MarkdownPage.read(root, root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      for (Path p : docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) pages.add(MarkdownPage.read(root, p));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAsPrinted() throws IOException {
    String classPath = System.getProperty("java.class.path");
    Path out = Path.of(System.getProperty("videojob.docs.out", "target/snippets"));
    SnippetCompiler compiler = new SnippetCompiler(classPath, out);
    assertThat(compiler.imports()).as("SDK packages on the test class path").contains("dev.videojob.core");
    List<DynamicTest> tests = new ArrayList<>();
    for (MarkdownPage page : pages) {
      List<JavaBlock> blocks = page.javaBlocks();
      List<JavaBlock> units = blocks.stream().filter(b -> b.compiled() && SnippetCompiler.isUnit(b.code())).toList();
      for (JavaBlock block : blocks) {
        if (!block.compiled()) continue;
        tests.add(DynamicTest.dynamicTest(block.location(), () -> {
          SnippetCompiler.Compiled compiled = compiler.compile(block, units);
          if (!compiled.errors().isEmpty()) {
            fail("The Java block at " + block.location() + " does not compile:\n" + String.join("\n", compiled.errors()));
          }
          if (block.run()) SnippetRunner.run(compiled.classes(), compiled.className());
        }));
      }
    }
    assertThat(tests).as("Java blocks in README.md and docs/").hasSizeGreaterThan(10);
    return tests.stream();
  }

  @Test
  void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (MarkdownPage page : pages) {
      for (Link link : page.relativeLinks()) {
        String[] parts = link.target().split("#", 2);
        Path target = parts[0].isEmpty() ? page.file() : page.file().getParent().resolve(parts[0]).normalize();
        if (!Files.exists(target)) {
          broken.add(page.name() + ":" + link.line() + ": no file " + link.target());
        } else if (parts.length == 2 && target.toString().endsWith(".md")
            && !MarkdownPage.read(root, target).anchors().contains(parts[1])) {
          broken.add(page.name() + ":" + link.line() + ": no heading #" + parts[1] + " in " + parts[0]);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void noParagraphIsPrintedTwice() {
    Map<String, Paragraph> seen = new HashMap<>();
    List<String> repeated = new ArrayList<>();
    for (MarkdownPage page : pages) {
      for (Paragraph p : page.paragraphs()) {
        String key = p.text().replaceAll("\\s+", " ");
        if (key.length() < MIN_REPEATED_PARAGRAPH_CHARS) continue;
        Paragraph first = seen.putIfAbsent(key, p);
        if (first != null) {
          repeated.add(p.page().name() + ":" + p.line() + " repeats " + first.page().name() + ":" + first.line());
        }
      }
    }
    assertThat(repeated).as("paragraphs printed twice").isEmpty();
  }

  @Test
  void readmeStaysAFrontDoor() {
    MarkdownPage readme = pages.get(0);
    assertThat(readme.lineCount()).as("README.md lines").isLessThan(README_MAX_LINES);
  }
}
