package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Problem;
import io.galley.events.Severity;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.git.ContentRepository;
import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitBook-style repository with only SUMMARY.md, a README and chapters, ingested from a real git
 * repository: the manifest names the README's title (not the contents' heading) with a warning
 * saying so, and keeps the parts and the nesting of SUMMARY.md.
 */
class GitBookIngestTest {

  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void takesTheTitleFromTheReadmeAndKeepsPartsAndNesting() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String commit =
        repo.write(
                "SUMMARY.md",
                """
                # Table of contents

                * [Introduction](README.md)

                ## Go fundamentals

                * [Install Go](install-go.md)
                * [Hello, World](hello-world/README.md)
                  * [Greeting](hello-world/greeting.md)
                * [Integers](integers.md)

                ## Build an application

                * [Intro](app-intro.md)
                """)
            .write("README.md", "# Learn Go with Tests\n\nWelcome.\n")
            .write("install-go.md", "# Install Go\n")
            .write("hello-world/README.md", "# Hello, World\n")
            .write("hello-world/greeting.md", "# Greeting\n")
            .write("integers.md", "# Integers\n")
            .write("app-intro.md", "# Build an application\n")
            .commit("a GitBook book");

    IncrementalIngestTest.Recording published = new IncrementalIngestTest.Recording();
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      new BookIngestor(new BookLoader(LIMIT, LIMIT), published, new CommitLog())
          .ingest(content.files(commit), "", "learn-go", content.info(commit), false);
    }

    CommitIngested manifest = (CommitIngested) published.published.get(0).get(0);
    assertThat(manifest.book().title()).isEqualTo("Learn Go with Tests");
    Problem warning =
        manifest.warnings().stream()
            .filter(p -> p.message().contains("title"))
            .findFirst()
            .orElseThrow();
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.path() + ":" + warning.line()).isEqualTo("README.md:1");
    assertThat(warning.message()).contains("\"Learn Go with Tests\"", "first heading", "book.yml");
    List<ChapterEntry> chapters = manifest.chapters();
    assertThat(chapters)
        .extracting(ChapterEntry::docId, ChapterEntry::part, ChapterEntry::depth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("README", null, 0),
            org.assertj.core.groups.Tuple.tuple("install-go", "Go fundamentals", 0),
            org.assertj.core.groups.Tuple.tuple("hello-world/README", "Go fundamentals", 0),
            org.assertj.core.groups.Tuple.tuple("hello-world/greeting", "Go fundamentals", 1),
            org.assertj.core.groups.Tuple.tuple("integers", "Go fundamentals", 0),
            org.assertj.core.groups.Tuple.tuple("app-intro", "Build an application", 0));
    assertThat(chapters).allSatisfy(c -> assertThat(c.number()).isNull());
  }
}
