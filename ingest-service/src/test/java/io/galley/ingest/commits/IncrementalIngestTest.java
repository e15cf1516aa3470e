package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Digests;
import io.galley.events.SourceDocument;
import io.galley.ingest.book.Asset;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.git.ContentRepository;
import io.galley.ingest.publishing.CommitPublisher;
import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingestor whose loader keeps its cache across commits publishes, commit after commit, exactly
 * what an ingestor with a cold loader at every commit publishes: manifests, sources, assets and
 * their bytes, and rejections.
 */
class IncrementalIngestTest {

  private static final long LIMIT = 1 << 20;

  @TempDir Path dir;

  @Test
  void publishesWhatAColdLoadPublishesAtEveryCommit() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    List<String> commits = new ArrayList<>();
    repo.write("book/book.yml", "title: T\nchapters: [a.md, b.md, c.md]\n")
        .write("book/a.md", "# A\n\n[b](b.md) ![x](img/x.png)\n")
        .write("book/b.md", "# B\n\n[c](c.md) ![x](img/x.png)\n")
        .write("book/c.md", "# C\n\n![y](img/y.png)\n")
        .write("book/img/x.png", TestImages.png(2, 2, Color.RED))
        .write("book/img/y.png", TestImages.png(2, 2, Color.BLUE));
    commits.add(repo.commit("one"));
    commits.add(repo.write("book/b.md", "# B edited\n\n[c](c.md)\n").commit("edit b"));
    commits.add(repo.write("book/img/y.png", TestImages.png(3, 3, Color.BLUE)).commit("image"));
    commits.add(
        repo.write("book/book.yml", "title: T\nchapters: [a.md, c.md]\n")
            .delete("book/b.md")
            .commit("delete b"));
    commits.add(repo.write("book/a.md", "---\ntitle: \"\"\n---\n").commit("broken"));
    commits.add(repo.write("book/a.md", "# A\n\n[b](b.md) ![x](img/x.png)\n").commit("fixed"));

    Recording warm = new Recording();
    Recording cold = new Recording();
    CommitLog warmLog = new CommitLog();
    CommitLog coldLog = new CommitLog();
    BookIngestor incremental = new BookIngestor(new BookLoader(LIMIT, LIMIT), warm, warmLog);
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      for (String commit : commits) {
        incremental.ingest(content.files(commit), "book", "book", content.info(commit), false);
        new BookIngestor(new BookLoader(LIMIT, LIMIT), cold, coldLog)
            .ingest(content.files(commit), "book", "book", content.info(commit), false);
      }
    }
    assertThat(warm.published).isEqualTo(cold.published);
    assertThat(warm.published)
        .extracting(p -> p.get(0).getClass().getSimpleName())
        .containsExactly(
            "CommitIngested",
            "CommitIngested",
            "CommitIngested",
            "CommitIngested",
            "CommitRejected",
            "CommitIngested");
  }

  /** Keeps every publication, assets as path, hash and the hash of the bytes published. */
  static final class Recording implements CommitPublisher {

    final List<List<Object>> published = new ArrayList<>();

    @Override
    public void publishIngested(
        CommitIngested manifest,
        List<SourceDocument> sources,
        Collection<Asset> assets,
        List<String> retired) {
      published.add(
          List.of(
              manifest,
              sources,
              assets.stream().map(a -> a.ref() + " " + Digests.sha256Hex(a.bytes())).toList()));
    }

    @Override
    public void publishRejected(CommitRejected rejected, List<String> retired) {
      published.add(List.of(rejected));
    }
  }
}
