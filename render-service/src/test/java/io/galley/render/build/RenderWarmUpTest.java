package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.RenderedChapter;
import io.galley.render.RenderProperties;
import io.galley.render.assets.AssetStore;
import io.galley.render.markdown.ChapterContext;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.publishing.RenderPublisher;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderWarmUpTest {

  @TempDir Path dir;

  final MarkdownConverter converter = new MarkdownConverter();

  RenderWarmUp warmUp(ManifestJoin join) {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    EditionBuildJob builder =
        new EditionBuildJob(
            join,
            new ChapterCache(converter, new SimpleMeterRegistry()),
            new SiteBuilder(library, assets),
            library,
            new RenderPublisher() {
              @Override
              public void chapter(RenderedChapter chapter, String commit) {}

              @Override
              public void retire(String bookId, java.util.List<String> editionIds) {}

              @Override
              public void edition(EditionEvent edition) {}
            });
    return new RenderWarmUp(converter, join, builder, RenderProperties.defaults());
  }

  @Test
  void theSampleUsesWhatChaptersUse() {
    var r =
        converter.convert(
            RenderWarmUp.sample(),
            new ChapterContext("s.md", "sample", 0, Set.of("sample", "other"), List.of(), true));
    assertThat(r.xhtml())
        .contains(
            "tok-keyword",
            "language-java",
            "diff-add",
            "<table>",
            "callout",
            "footnote",
            "doc:other");
    assertThat(RenderProperties.defaults().warmUp()).isTrue();
  }

  @Test
  void convertsTheSampleUntilDone() {
    assertThat(warmUp(new ManifestJoin()).run()).isEqualTo(RenderWarmUp.ROUNDS);
  }

  @Test
  void stopsWhenABuildIsWaiting() {
    ManifestJoin join = new ManifestJoin();
    join.onManifest(
        new CommitIngested(
            "b",
            "c1",
            null,
            "",
            "",
            Instant.parse("2026-02-02T00:00:00Z"),
            new BookMetadata("b", "B", null, null, null, null, null, null, null, null),
            List.of(new ChapterEntry("a", "sha", "A")),
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of()));
    assertThat(warmUp(join).run()).isZero();
  }
}
