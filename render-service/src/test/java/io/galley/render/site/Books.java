package io.galley.render.site;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.SourceDocument;
import io.galley.testsupport.TestImages;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Books as the render service receives them (manifest, sources, image bytes), built without
 * ingest-service: the sample guide read from disk the way ingest splits it, and generated books.
 */
final class Books {

  /** A manifest with its chapter sources (in reading order) and image bytes by sha256. */
  record Book(CommitIngested manifest, List<SourceDocument> sources, Map<String, byte[]> images) {}

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private Books() {}

  /** The sample guide in {@code guide/} of the repository. */
  static Book goGuide() {
    Path root = Path.of("..", "guide");
    try {
      Map<String, byte[]> images = new LinkedHashMap<>();
      List<AssetRef> assets = new ArrayList<>();
      try (Stream<Path> files = Files.list(root.resolve("images"))) {
        for (Path f : files.sorted().toList()) {
          byte[] bytes = Files.readAllBytes(f);
          String sha = Digests.sha256Hex(bytes);
          images.put(sha, bytes);
          assets.add(new AssetRef("images/" + f.getFileName(), sha, mediaType(f.toString())));
        }
      }
      List<String> chapters = new ArrayList<>();
      try (Stream<Path> files = Files.list(root.resolve("chapters"))) {
        files.map(f -> "chapters/" + f.getFileName()).sorted().forEach(chapters::add);
      }
      Map<String, String> texts = new LinkedHashMap<>();
      for (String path : chapters) {
        texts.put(path, Files.readString(root.resolve(path), StandardCharsets.UTF_8));
      }
      return book("go-guide", "Go in Practice: A Field Guide", texts, assets, images);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A deterministic book of {@code n} chapters with headings, links to other chapters and their
   * sections, code, tables, footnotes, callouts, task lists, raw HTML and images.
   */
  static Book generated(int n) {
    byte[] png = TestImages.png(40, 20, new Color(30, 90, 160));
    String sha = Digests.sha256Hex(png);
    List<AssetRef> assets = List.of(new AssetRef("images/diagram.png", sha, "image/png"));
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      texts.put(chapterPath(i, n), generatedChapter(i, n));
    }
    return book("generated", "A Generated Book", texts, assets, Map.of(sha, png));
  }

  static String chapterPath(int i, int n) {
    return "chapters/" + String.format("%03d", i) + "-topic-" + i + ".md";
  }

  private static String generatedChapter(int i, int n) {
    String next = chapterPath(i % n + 1, n).substring("chapters/".length());
    String prev = chapterPath((i + n - 2) % n + 1, n).substring("chapters/".length());
    return """
        ---
        title: Topic %1$d
        ---

        # Topic %1$d

        This chapter builds on [the previous one](%3$s) and leads to
        [the next](%2$s#tables-and-data). See also [code](#code-in-topic-%1$d)[^note].

        > [!NOTE]
        > Chapter %1$d of the generated book, with *emphasis*, **strong** and `code`.

        ## Code in topic %1$d

        ```go title="main.go"
        package main

        import "fmt"

        func main() {
        \tfmt.Println("topic %1$d", 1 < 2 && 3 > 2)
        }
        ```

        ## Tables and data

        | Name | Value | Note |
        |:-----|------:|:----:|
        | alpha | %1$d | <b>bold</b> |
        | beta & gamma | 2 | `x < y` |

        ![A diagram for topic %1$d](../images/diagram.png "Diagram")

        <p>Raw HTML: <a href="%2$s">next chapter</a> and
        <img src="../images/diagram.png" alt="inline diagram"></p>

        - [x] read the chapter
        - [ ] try the [exercise](#tables-and-data)

        1. first
        2. second ~~gone~~ and https://example.com/%1$d

        ## Tables and data

        A repeated heading gets a distinct id.

        [^note]: A footnote of topic %1$d.
        """
        .formatted(i, next, prev);
  }

  private static Book book(
      String bookId,
      String title,
      Map<String, String> texts,
      List<AssetRef> assets,
      Map<String, byte[]> images) {
    List<ChapterEntry> entries = new ArrayList<>();
    List<SourceDocument> sources = new ArrayList<>();
    for (Map.Entry<String, String> t : texts.entrySet()) {
      String path = t.getKey();
      String text = t.getValue().replace("\r\n", "\n");
      String docId = path.substring(0, path.length() - 3);
      int frontMatterLines = 0;
      String body = text;
      String chapterTitle = docId;
      if (text.startsWith("---\n")) {
        int end = text.indexOf("\n---\n", 3);
        String front = text.substring(4, end);
        body = text.substring(end + 5);
        frontMatterLines = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count();
        for (String line : front.split("\n")) {
          if (line.startsWith("title:")) {
            chapterTitle = line.substring(6).strip().replace("\"", "");
          }
        }
      }
      String sha = Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
      entries.add(new ChapterEntry(docId, sha, chapterTitle));
      sources.add(
          new SourceDocument(
              bookId,
              docId,
              path,
              COMMIT,
              sha,
              Map.of("title", chapterTitle),
              body,
              frontMatterLines,
              assets));
    }
    CommitIngested manifest =
        new CommitIngested(
            bookId,
            COMMIT,
            null,
            "Galley Tests",
            "test book",
            Instant.parse("2026-03-01T12:00:00Z"),
            new BookMetadata(
                bookId, title, null, List.of("Galley Tests"), "en", null, null, null, null, null),
            entries,
            assets,
            List.of(),
            List.of(),
            true,
            List.of());
    return new Book(manifest, sources, images);
  }

  private static String mediaType(String file) {
    if (file.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return file.endsWith(".png") ? "image/png" : "image/jpeg";
  }
}
