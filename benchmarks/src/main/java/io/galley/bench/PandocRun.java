package io.galley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pandoc building the same Markdown as standalone HTML and as EPUB, timed; absent pandoc is
 * reported.
 */
final class PandocRun {

  /** Seconds for each format; a negative value means it failed or timed out. */
  record Times(String version, double htmlSeconds, double epubSeconds) {}

  static Optional<String> version() {
    try {
      Process p = new ProcessBuilder("pandoc", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0
          ? Optional.of(out.lines().findFirst().orElse("pandoc"))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static Times build(String version, SyntheticBook book, Path bookDir, Path out, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(out);
    List<String> chapters = new ArrayList<>();
    for (int i = 1; i <= book.chapters(); i++) {
      chapters.add(SyntheticBook.chapterFile(i));
    }
    String title = "--metadata=title:Go by Example at Scale (" + book.chapters() + " chapters)";
    double html =
        run(
            bookDir.resolve("chapters"),
            out.resolve("pandoc-html.log"),
            timeout,
            List.of(
                "pandoc",
                "-f",
                "markdown",
                "-t",
                "html5",
                "-s",
                title,
                "-o",
                out.resolve(book.bookId() + ".html").toString()),
            chapters);
    double epub =
        run(
            bookDir.resolve("chapters"),
            out.resolve("pandoc-epub.log"),
            timeout,
            List.of(
                "pandoc",
                "-f",
                "markdown",
                "-t",
                "epub3",
                title,
                "--metadata=lang:en",
                "-o",
                out.resolve(book.bookId() + ".epub").toString()),
            chapters);
    return new Times(version, html, epub);
  }

  private static double run(
      Path dir, Path log, Duration timeout, List<String> command, List<String> files)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(command);
    all.addAll(files);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(all)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return p.exitValue() == 0 ? seconds : -1;
  }
}
