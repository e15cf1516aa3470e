package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.CommitRejected;
import io.galley.events.Problem;
import io.galley.events.Severity;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.git.ContentRepository;
import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit whose one error comes after more warnings than the problem list keeps is rejected, and
 * the rejection names that error's file and line: no number of warnings crowds an error out.
 */
class ErrorAfterWarningsIngestTest {

  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void rejectsTheCommitWithTheErrorThatFollowsOneHundredAndFiftyWarnings() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    StringBuilder remote = new StringBuilder("# A\n\n");
    for (int i = 1; i <= 150; i++) {
      // a warning each, found while a.md is read, before b.md is
      remote.append("![r](https://images.test/r").append(i).append(".png)\n");
    }
    String commit =
        repo.write("book/book.yml", "title: T\nchapters: [a.md, b.md]\n")
            .write("book/a.md", remote.toString())
            .write("book/b.md", "# B\n\n![lost](img/lost.png)\n")
            .commit("many warnings, then one error");

    IncrementalIngestTest.Recording published = new IncrementalIngestTest.Recording();
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      new BookIngestor(new BookLoader(LIMIT, LIMIT), published, new CommitLog())
          .ingest(content.files(commit), "book", "book", content.info(commit), false);
    }

    assertThat(published.published).hasSize(1);
    assertThat(published.published.get(0).get(0)).isInstanceOf(CommitRejected.class);
    CommitRejected rejected = (CommitRejected) published.published.get(0).get(0);
    Problem first = rejected.problems().get(0);
    assertThat(first.severity()).isEqualTo(Severity.ERROR);
    assertThat(first.path() + ":" + first.line()).isEqualTo("book/b.md:3");
    assertThat(first.message()).contains("img/lost.png", "not found");
    // the warnings are capped, and the rest counted, not kept
    assertThat(rejected.problems().stream().filter(p -> p.severity() == Severity.WARNING))
        .hasSizeLessThan(150)
        .last()
        .satisfies(p -> assertThat(p.message()).contains("more warnings not listed"));
  }
}
