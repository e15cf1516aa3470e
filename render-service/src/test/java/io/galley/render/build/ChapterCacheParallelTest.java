package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.Digests;
import io.galley.events.Problem;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.markdown.MarkdownConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A book's chapters rendered in parallel, each once, checked against each other's headings. */
class ChapterCacheParallelTest {

  final ExecutorService pool = Executors.newFixedThreadPool(2);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** A chapter's source at commit "c" of book "book", after {@code frontMatterLines} lines. */
  static SourceDocument source(String docId, String markdown, int frontMatterLines) {
    return new SourceDocument(
        "book",
        docId,
        docId + ".md",
        "c",
        Digests.sha256Hex(markdown),
        Map.of(),
        markdown,
        frontMatterLines,
        List.of());
  }

  /** Chapter i links to the next one's section and to a section it does not have. */
  static Map<String, SourceDocument> book(int n) {
    Map<String, SourceDocument> sources = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String next = "c" + ((i + 1) % n);
      sources.put(
          "c" + i,
          source(
              "c" + i,
              "# Chapter "
                  + i
                  + "\n\n[next](%s.md#part-%d) and [nowhere](%s.md#none)\n\n## Part %d\n\n```go\nfunc f%d() {}\n```\n"
                      .formatted(next, (i + 1) % n, next, i, i),
              0));
    }
    return sources;
  }

  List<RenderedChapter> renderAll(ChapterCache cache, Map<String, SourceDocument> sources) {
    List<ChapterCache.Job> jobs = new ArrayList<>();
    for (SourceDocument s : sources.values()) {
      ChapterEntry entry = new ChapterEntry(s.docId(), s.sha256(), s.docId());
      jobs.add(new ChapterCache.Job(ChapterCache.key("book", entry, sources.keySet()), s));
    }
    return cache.renderAll(jobs, sources.keySet(), sources::get, pool);
  }

  @Test
  void rendersEachChapterOnceAndChecksAnchorsAgainstTheBatch() {
    ChapterCache cache = new ChapterCache(new MarkdownConverter(), meters);
    Map<String, SourceDocument> sources = book(40);
    List<RenderedChapter> chapters = renderAll(cache, sources);

    assertThat(chapters)
        .extracting(RenderedChapter::docId)
        .containsExactlyElementsOf(sources.keySet());
    assertThat(meters.counter("galley.render.chapters.rendered").count()).isEqualTo(40);
    for (RenderedChapter c : chapters) {
      assertThat(c.warnings())
          .extracting(Problem::message)
          .singleElement()
          .asString()
          .contains("has no heading with id 'none'");
    }
    assertThat(renderAll(cache, sources)).isEqualTo(chapters);
    assertThat(meters.counter("galley.render.chapters.reused").count()).isEqualTo(40);
  }

  @Test
  void givesWhatRenderingOneChapterAtATimeGives() {
    Map<String, SourceDocument> sources = book(12);
    List<RenderedChapter> parallel =
        renderAll(new ChapterCache(new MarkdownConverter(), meters), sources);
    ChapterCache single = new ChapterCache(new MarkdownConverter(), new SimpleMeterRegistry());
    for (int i = 0; i < parallel.size(); i++) {
      SourceDocument s = sources.get("c" + i);
      ChapterEntry entry = new ChapterEntry(s.docId(), s.sha256(), s.docId());
      assertThat(
              single.render(
                  ChapterCache.key("book", entry, sources.keySet()),
                  s,
                  sources.keySet(),
                  sources::get))
          .isEqualTo(parallel.get(i));
    }
  }
}
