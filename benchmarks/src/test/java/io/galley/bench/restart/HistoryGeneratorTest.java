package io.galley.bench.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {

  private static List<HistoryGenerator.Commit> history(int books, int chapters, int commits) {
    HistoryGenerator generator = new HistoryGenerator(books, chapters, "render-x");
    List<HistoryGenerator.Commit> all = new ArrayList<>();
    for (int i = 0; i < commits; i++) {
      all.add(generator.next());
    }
    return all;
  }

  @Test
  void everyChapterAManifestNamesHasARenderingAndASourceWithItsHash() {
    Map<String, RenderedChapter> rendered = new HashMap<>();
    Map<String, SourceDocument> sources = new HashMap<>();
    for (HistoryGenerator.Commit c : history(3, 5, 40)) {
      c.sources().forEach(s -> sources.put(s.bookId() + "/" + s.docId() + "@" + s.sha256(), s));
      c.rendered()
          .forEach(r -> rendered.put(r.bookId() + "/" + r.docId() + "@" + r.sourceSha256(), r));
      assertThat(c.manifest().chapters()).hasSize(5);
      for (ChapterEntry e : c.manifest().chapters()) {
        String key = c.bookId() + "/" + e.docId() + "@" + e.sha256();
        assertThat(rendered).as("rendering of %s", key).containsKey(key);
        assertThat(rendered.get(key).rendererVersion()).isEqualTo("render-x");
        assertThat(sources).as("source of %s", key).containsKey(key);
      }
    }
  }

  @Test
  void aSourcesHashIsTheHashOfItsFileAndDiffersPerVersion() {
    ChapterVersion first = ChapterVersion.of("b", "ch-01", 1);
    ChapterVersion second = ChapterVersion.of("b", "ch-01", 2);
    assertThat(first.sha256()).isEqualTo(Digests.sha256Hex(first.file()));
    assertThat(first.source("c").sha256()).isEqualTo(first.sha256());
    assertThat(second.sha256()).isNotEqualTo(first.sha256());
    assertThat(first.file().length()).isBetween(2_000, 8_000);
  }

  @Test
  void firstCommitOfABookIsASnapshotAndLaterOnesChangeOneChapterAfterTheirParent() {
    List<HistoryGenerator.Commit> all = history(2, 4, 12);
    Map<String, String> last = new HashMap<>();
    for (HistoryGenerator.Commit c : all) {
      CommitIngested m = c.manifest();
      boolean first = !last.containsKey(m.bookId());
      assertThat(m.snapshot()).isEqualTo(first);
      assertThat(m.parent()).isEqualTo(last.get(m.bookId()));
      assertThat(c.sources()).hasSize(first ? 4 : 1);
      assertThat(m.changed()).hasSize(first ? 4 : 1);
      last.put(m.bookId(), m.commit());
    }
  }

  @Test
  void newestCommitOfEachBookIsItsLatestByCommitTime() {
    HistoryGenerator generator = new HistoryGenerator(4, 3, "render-x");
    Map<String, CommitIngested> latestByTime = new HashMap<>();
    Set<String> commits = new HashSet<>();
    for (int i = 0; i < 37; i++) {
      CommitIngested m = generator.next().manifest();
      commits.add(m.commit());
      latestByTime.merge(m.bookId(), m, (a, b) -> a.committedAt().isAfter(b.committedAt()) ? a : b);
    }
    assertThat(commits).hasSize(37);
    Map<String, String> expected = new HashMap<>();
    latestByTime.forEach((book, m) -> expected.put(book, m.commit()));
    assertThat(generator.newestCommits()).isEqualTo(expected).hasSize(4);
  }

  @Test
  void aLongerHistoryContinuesTheShorterOne() {
    List<HistoryGenerator.Commit> shorter = history(3, 4, 10);
    List<HistoryGenerator.Commit> longer = history(3, 4, 25);
    for (int i = 0; i < shorter.size(); i++) {
      assertThat(longer.get(i).manifest()).isEqualTo(shorter.get(i).manifest());
    }
  }
}
