package dev.videojob.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page read for its fenced Java blocks, its paragraphs and its links.
 *
 * <p>A block fenced {@code ```java} is compiled; {@code ```java-not-compiled} is shown but skipped (say why in
 * the text). An HTML comment right before a block (only blank lines between) holds directives the reader does
 * not see: {@code <!-- given: VideoClient client; Path out; -->} declares members a fragment may use, and
 * {@code <!-- run -->} has the test run the block (a unit with a {@code main} method, or JUnit {@code @Test}
 * methods) after compiling it.
 */
final class MarkdownPage {
  private static final Pattern FENCE_OPEN = Pattern.compile("^```\\s*([\\w-]*)\\s*$");
  private static final Pattern GIVEN = Pattern.compile("<!--\\s*given:(.*?)-->", Pattern.DOTALL);
  private static final Pattern RUN = Pattern.compile("<!--\\s*run\\s*-->");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

  /** One Java block: where it is, its text, and the hidden members a fragment may use. */
  record JavaBlock(MarkdownPage page, int firstLine, String code, String given, boolean compiled, boolean run) {
    String location() {
      return page.name() + ":" + firstLine;
    }

    /** Which line of the page holds the block's {@code n}th line (1-based). */
    int pageLine(long n) {
      return firstLine + (int) n - 1;
    }
  }

  /** A paragraph of prose (outside code blocks), normalized, with where it starts. */
  record Paragraph(MarkdownPage page, int line, String text) {}

  /** A relative link: its target and where it is. */
  record Link(MarkdownPage page, int line, String target) {}

  private final Path file;
  private final String name;
  private final List<String> lines;

  private MarkdownPage(Path file, String name, List<String> lines) {
    this.file = file;
    this.name = name;
    this.lines = lines;
  }

  static MarkdownPage read(Path root, Path file) throws IOException {
    String name = root.relativize(file).toString().replace('\\', '/');
    return new MarkdownPage(file, name, Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  Path file() {
    return file;
  }

  String name() {
    return name;
  }

  int lineCount() {
    return lines.size();
  }

  List<String> lines() {
    return lines;
  }

  /** Every fenced block whose info string is {@code java} or {@code java-not-compiled}. */
  List<JavaBlock> javaBlocks() {
    List<JavaBlock> blocks = new ArrayList<>();
    StringBuilder comment = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher open = FENCE_OPEN.matcher(line);
      if (open.matches() && !line.equals("```")) {
        String info = open.group(1);
        int close = closingFence(i);
        if (info.equals("java") || info.equals("java-not-compiled")) {
          String code = String.join("\n", lines.subList(i + 1, close)) + "\n";
          String directives = comment.toString();
          blocks.add(new JavaBlock(this, i + 2, code, given(directives), info.equals("java"), RUN.matcher(directives).find()));
        }
        comment.setLength(0);
        i = close;
        continue;
      }
      if (line.equals("```")) { // an unlabeled block (commands, output)
        comment.setLength(0);
        i = closingFence(i);
        continue;
      }
      if (line.strip().startsWith("<!--") || comment.length() > 0 && !comment.toString().contains("-->")) {
        comment.append(line).append('\n');
      } else if (!line.isBlank()) {
        comment.setLength(0);
      }
    }
    return blocks;
  }

  /** Prose paragraphs (code blocks, headings and HTML comments left out), whitespace collapsed. */
  List<Paragraph> paragraphs() {
    List<Paragraph> result = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "";
      boolean fence = line.startsWith("```");
      if (line.isBlank() || fence || line.startsWith("#") || line.strip().startsWith("<!--")) {
        if (text.length() > 0) result.add(new Paragraph(this, start + 1, text.toString().strip()));
        text.setLength(0);
        if (fence) i = closingFence(i);
        continue;
      }
      if (text.length() == 0) start = i;
      text.append(line.strip()).append(' ');
    }
    return result;
  }

  /** Links to other files of the repository (not http, not mailto), with their anchors. */
  List<Link> relativeLinks() {
    List<Link> result = new ArrayList<>();
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) continue;
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
      while (m.find()) {
        String target = m.group(1);
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) result.add(new Link(this, i + 1, target));
      }
    }
    return result;
  }

  /** The anchors GitHub makes for this page's headings. */
  List<String> anchors() {
    List<String> result = new ArrayList<>();
    boolean inCode = false;
    for (String line : lines) {
      if (line.startsWith("```")) inCode = !inCode;
      if (inCode || !line.startsWith("#")) continue;
      String heading = line.replaceFirst("^#+\\s*", "").strip();
      result.add(heading.toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
    }
    return result;
  }

  private int closingFence(int open) {
    for (int j = open + 1; j < lines.size(); j++) {
      if (lines.get(j).strip().equals("```")) return j;
    }
    throw new IllegalStateException(name + ":" + (open + 1) + ": code block is never closed");
  }

  private static String given(String comment) {
    Matcher m = GIVEN.matcher(comment);
    return m.find() ? m.group(1).strip() : "";
  }

  @Override
  public String toString() {
    return name;
  }
}
