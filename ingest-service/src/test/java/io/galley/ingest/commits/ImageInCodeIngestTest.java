package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.git.ContentRepository;
import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image named only inside code is text that render shows, not an image it publishes: a commit
 * whose chapter names a missing image only there is accepted (the regex scanner rejected it), and
 * one that names it outside code is still rejected at its line.
 */
class ImageInCodeIngestTest {

  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void acceptsAMissingImageNamedOnlyInsideCode() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String chapter =
        """
        # Writing images

        Indented code:

            ![diagram](img/indented.png)

        A longer fence that shows a short one:

        ````markdown
        ```
        ![diagram](img/fenced.png)
        ```
        ````

        And a span with a backtick inside: ``![x](img/span.png) ` ``.
        """;
    String commit =
        repo.write("book/book.yml", "title: T\nchapters: [a.md]\n")
            .write("book/a.md", chapter)
            .commit("document the image syntax");

    List<Object> published = ingest(repo, commit);

    assertThat(published.get(0)).isInstanceOf(CommitIngested.class);
  }

  @Test
  void rejectsAMissingImageOutsideCodeAtItsLine() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String commit =
        repo.write("book/book.yml", "title: T\nchapters: [a.md]\n")
            .write(
                "book/a.md",
                "---\r\nslug: a\r\n---\r\n# A\r\n\r\n    ![c](img/code.png)\r\n\r\n"
                    + "![real](img/gone.png)\r\n")
            .commit("a real image that is missing");

    List<Object> published = ingest(repo, commit);

    assertThat(published.get(0)).isInstanceOf(CommitRejected.class);
    assertThat(((CommitRejected) published.get(0)).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path() + ":" + p.line()).isEqualTo("book/a.md:8");
              assertThat(p.message()).contains("img/gone.png", "not found");
            });
  }

  private List<Object> ingest(TestRepo repo, String commit) {
    IncrementalIngestTest.Recording published = new IncrementalIngestTest.Recording();
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      new BookIngestor(new BookLoader(LIMIT, LIMIT), published, new CommitLog())
          .ingest(content.files(commit), "book", "book", content.info(commit), false);
    }
    assertThat(published.published).hasSize(1);
    return published.published.get(0);
  }
}
