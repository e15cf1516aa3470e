package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.Problem;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.markdown.MarkdownConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links to another chapter's anchors are checked against that chapter's current headings. */
class ChapterCacheAnchorTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ChapterCache cache = new ChapterCache(new MarkdownConverter(), meters);
  final Set<String> docIds = Set.of("chapters/01-a", "chapters/02-b");

  static SourceDocument source(String docId, String markdown) {
    return ChapterCacheParallelTest.source(docId, markdown, 3);
  }

  RenderedChapter render(SourceDocument a, SourceDocument b) {
    Map<String, SourceDocument> sources = Map.of(a.docId(), a, b.docId(), b);
    ChapterEntry entry = new ChapterEntry(a.docId(), a.sha256(), "A");
    return cache.render(ChapterCache.key("book", entry, docIds), a, docIds, sources::get);
  }

  @Test
  void warnsAboutMissingAnchorAndRerendersWhenTheTargetGainsIt() {
    SourceDocument a = source("chapters/01-a", "# A\n\nSee [usage](02-b.md#usage).\n");
    SourceDocument b = source("chapters/02-b", "# B\n\n## Install\n");

    RenderedChapter first = render(a, b);
    assertThat(first.warnings())
        .extracting(Problem::toString)
        .containsExactly(
            "chapters/01-a.md:6:5: warning: link to '02-b.md#usage': chapter 'chapters/02-b'"
                + " has no heading with id 'usage'");
    assertThat(render(a, b)).isSameAs(first);
    assertThat(meters.counter("galley.render.chapters.reused").count()).isEqualTo(1);

    SourceDocument b2 = source("chapters/02-b", "# B\n\n## Usage\n");
    RenderedChapter second = render(a, b2);
    assertThat(second.warnings()).isEmpty();
    assertThat(second.xhtml()).contains("href=\"doc:chapters/02-b#usage\"");
    assertThat(meters.counter("galley.render.chapters.rendered").count()).isEqualTo(2);
  }
}
