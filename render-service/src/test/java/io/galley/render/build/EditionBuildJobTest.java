package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.assets.AssetStore;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.publishing.RenderPublisher;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditionBuildJobTest {

  @TempDir Path dir;

  final List<RenderedChapter> chapters = new ArrayList<>();
  final List<EditionEvent> editions = new ArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /** Records what the builder publishes. */
  final RenderPublisher publisher =
      new RenderPublisher() {
        @Override
        public void chapter(RenderedChapter chapter, String commit) {
          chapters.add(chapter);
        }

        @Override
        public void retire(String bookId, java.util.List<String> editionIds) {}

        @Override
        public void edition(EditionEvent edition) {
          editions.add(edition);
        }
      };

  ManifestJoin join;
  SiteLibrary library;
  EditionBuildJob builder;

  @BeforeEach
  void setUp() {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    join = new ManifestJoin();
    library = new SiteLibrary(dir.resolve("sites"));
    builder =
        new EditionBuildJob(
            join,
            new ChapterCache(new MarkdownConverter(), meters),
            new SiteBuilder(library, assets),
            library,
            publisher);
  }

  SourceDocument source(String docId, String text) {
    SourceDocument s =
        new SourceDocument(
            "b", docId, docId + ".md", "c", Digests.sha256Hex(text), Map.of(), text, 0, List.of());
    join.onSource(s);
    return s;
  }

  CommitIngested manifest(String commit, SourceDocument... docs) {
    List<ChapterEntry> entries = new ArrayList<>();
    for (SourceDocument d : docs) {
      entries.add(new ChapterEntry(d.docId(), d.sha256(), d.docId().toUpperCase()));
    }
    return new CommitIngested(
        "b",
        commit,
        null,
        "",
        "",
        Instant.parse("2026-02-02T00:00:00Z"),
        new BookMetadata("b", "B", null, null, null, null, null, null, null, null),
        entries,
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  @Test
  void publishesChaptersOncePerRenderingAndAnEditionPerCommit() {
    SourceDocument a = source("a", "# A\n\n[b](b.md)\n");
    SourceDocument b = source("b", "# B\n");
    builder.build(manifest("c1", a, b));
    assertThat(chapters).extracting(RenderedChapter::docId).containsExactly("a", "b");
    assertThat(chapters.get(0).xhtml()).contains("doc:b");
    EditionPublished e1 = (EditionPublished) editions.get(0);
    assertThat(e1.downloadPath()).isEqualTo("/books/b/@c1/");
    assertThat(e1.builtAt()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
    assertThat(e1.editionId()).hasSize(32);
    assertThat(library.latest("b")).contains("c1");

    SourceDocument a2 = source("a", "# A\n\nchanged\n");
    builder.build(manifest("c2", a2, b));
    assertThat(chapters).extracting(RenderedChapter::docId).containsExactly("a", "b", "a");
    assertThat(meters.counter("galley.render.chapters.rendered").count()).isEqualTo(3);
    assertThat(meters.counter("galley.render.chapters.reused").count()).isEqualTo(1);

    // revert: ingest sends the old source again (the join keeps only the newest of a chapter),
    // and the old rendering is published again
    builder.build(manifest("c3", source("a", "# A\n\n[b](b.md)\n"), b));
    assertThat(chapters).extracting(RenderedChapter::docId).containsExactly("a", "b", "a", "a");
    assertThat(editions).hasSize(3);
    assertThat(library.latest("b")).contains("c3");
  }

  @Test
  void publishesTheChaptersBeforeBuildingTheSite() {
    List<Integer> publishedWhenSiteBuilt = new ArrayList<>();
    AssetStore assets = new AssetStore(dir.resolve("assets2"));
    SiteLibrary library2 = new SiteLibrary(dir.resolve("sites2"));
    SiteBuilder sites =
        new SiteBuilder(library2, assets) {
          @Override
          public BuiltSite build(
              CommitIngested manifest,
              List<RenderedChapter> rendered,
              java.util.concurrent.Executor executor) {
            publishedWhenSiteBuilt.add(chapters.size());
            return super.build(manifest, rendered, executor);
          }
        };
    EditionBuildJob early =
        new EditionBuildJob(
            join, new ChapterCache(new MarkdownConverter(), meters), sites, library2, publisher);
    List<SourceDocument> docs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      docs.add(
          source(
              "c" + i, "# C" + i + "\n\n[next](c" + (i + 1) % 20 + ".md#c" + (i + 1) % 20 + ")\n"));
    }
    try {
      early.build(manifest("c1", docs.toArray(SourceDocument[]::new)));
    } finally {
      early.destroy();
    }
    assertThat(publishedWhenSiteBuilt).containsExactly(20);
    assertThat(chapters).extracting(RenderedChapter::docId).startsWith("c0", "c1", "c2");
    assertThat(chapters).allSatisfy(c -> assertThat(c.warnings()).isEmpty());
    assertThat(editions).singleElement().isInstanceOf(EditionPublished.class);
  }

  @Test
  void skipsCommitsAlreadyBuilt() {
    SourceDocument a = source("a", "# A\n");
    builder.build(manifest("c1", a));
    builder.build(manifest("c1", a));
    assertThat(editions).hasSize(1);
    assertThat(chapters).hasSize(1);
  }

  @Test
  void throwsForUnbuildableInputAndPublishesTheFailureWhenAsked() {
    SourceDocument a = source("../escape", "# A\n");
    CommitIngested m = manifest("c1", a);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.build(m))
        .isInstanceOf(RuntimeException.class);
    assertThat(editions).isEmpty();
    builder.fail(m, "why");
    assertThat(editions)
        .singleElement()
        .isInstanceOfSatisfying(EditionFailed.class, f -> assertThat(f.error()).isEqualTo("why"));
  }
}
