package io.galley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  static final String SHA = "a".repeat(64);
  static final Instant AT = Instant.parse("2026-11-01T10:15:30Z");

  static CommitIngested manifest() {
    BookMetadata book =
        new BookMetadata(
            "go-guide",
            "Go",
            "A guide",
            List.of("Ada"),
            "en",
            "Galley",
            "CC-BY",
            "urn:uuid:1",
            "cover.png",
            "A4");
    return new CommitIngested(
        "go-guide",
        "c".repeat(40),
        null,
        "Ada <ada@example.org>",
        "Add intro",
        AT,
        book,
        List.of(new ChapterEntry("intro", SHA, "Introduction")),
        List.of(new AssetRef("img/gopher.png", SHA, "image/png")),
        List.of("intro"),
        List.of(),
        true,
        List.of(Problem.warning("intro.md", 3, "link to missing chapter 'x.md'")));
  }

  @Test
  void commitEventsRoundTripWithTheirType() {
    CommitEvent ingested = manifest();
    CommitEvent rejected =
        new CommitRejected(
            "go-guide",
            "d".repeat(40),
            "Ada",
            "Break",
            AT,
            List.of(Problem.error("intro.md", 1, "front matter is not valid YAML")));

    for (CommitEvent event : List.of(ingested, rejected)) {
      byte[] json = EventJson.toBytes(event);
      assertThat(new String(json))
          .contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
      assertThat(new String(json))
          .contains(
              "\"schemaVersion\":"
                  + (event instanceof CommitIngested
                      ? CommitIngested.SCHEMA_VERSION
                      : CommitRejected.SCHEMA_VERSION));
      assertThat(EventJson.fromBytes(json, CommitEvent.class)).isEqualTo(event);
    }
  }

  @Test
  void timesAreWrittenAsIsoText() {
    assertThat(EventJson.toJson(manifest())).contains("\"committedAt\":\"2026-11-01T10:15:30Z\"");
  }

  @Test
  void documentRecordsRoundTrip() {
    SourceDocument source =
        new SourceDocument(
            "go-guide",
            "intro",
            "guide/intro.md",
            "c".repeat(40),
            SHA,
            Map.of("title", "Introduction", "order", 1),
            "# Introduction\n",
            4,
            List.of(new AssetRef("img/gopher.png", SHA, "image/png")));
    RenderedChapter rendered =
        new RenderedChapter(
            "go-guide",
            "intro",
            SHA,
            "render-1",
            "Introduction",
            "<h1 id=\"introduction\">Introduction</h1>",
            List.of(new Heading(1, "introduction", "Introduction")),
            List.of("basics"),
            List.of(new AssetRef("img/gopher.png", SHA, "image/png")),
            List.of());
    assertThat(EventJson.fromBytes(EventJson.toBytes(source), SourceDocument.class))
        .isEqualTo(source);
    assertThat(EventJson.fromBytes(EventJson.toBytes(rendered), RenderedChapter.class))
        .isEqualTo(rendered);
    assertThat(source.key()).isEqualTo("go-guide/intro");
  }

  @Test
  void editionEventsRoundTripWithTheirType() {
    EditionEvent published =
        new EditionPublished(
            "e1",
            "go-guide",
            "c".repeat(40),
            EditionFormat.PDF,
            SHA,
            1234,
            51,
            AT,
            800,
            "/books/go-guide/editions/e1.pdf");
    EditionEvent failed =
        new EditionFailed("e2", "go-guide", "c".repeat(40), EditionFormat.EPUB, "boom", AT);
    for (EditionEvent event : List.of(published, failed)) {
      assertThat(EventJson.fromBytes(EventJson.toBytes(event), EditionEvent.class))
          .isEqualTo(event);
    }
  }

  @Test
  void printSettingsTravelWhenTheBookSetsThemAndAreLeftOutWhenDefault() {
    CommitIngested plain = manifest();
    BookMetadata b = plain.book();
    BookMetadata ragged =
        new BookMetadata(
            b.id(),
            b.title(),
            b.subtitle(),
            b.authors(),
            b.language(),
            b.publisher(),
            b.rights(),
            b.identifier(),
            b.cover(),
            b.pageSize(),
            new PrintSettings(false, false, true),
            false,
            0);
    CommitIngested set =
        new CommitIngested(
            plain.bookId(),
            plain.commit(),
            plain.parent(),
            plain.author(),
            plain.message(),
            plain.committedAt(),
            ragged,
            plain.chapters(),
            plain.assets(),
            plain.changed(),
            plain.deleted(),
            plain.snapshot(),
            plain.warnings());
    String json = EventJson.toJson(set);
    assertThat(json)
        .contains("\"print\":{\"justify\":false,\"hyphenate\":false,\"pageReferences\":true}");
    assertThat(EventJson.fromJson(json, CommitEvent.class)).isEqualTo(set);
    assertThat(EventJson.toJson(plain)).doesNotContain("\"print\"");
    assertThat(plain.book().printSettings()).isEqualTo(PrintSettings.DEFAULTS);
    assertThat(set.manifestHash()).isNotEqualTo(plain.manifestHash());
  }

  @Test
  void readersIgnoreFieldsAddedByNewerWriters() {
    String json = EventJson.toJson(manifest()).replace("{\"type\"", "{\"addedLater\":42,\"type\"");
    assertThat(EventJson.fromJson(json, CommitEvent.class)).isEqualTo(manifest());
  }

  @Test
  void editionIdDependsOnEveryInput() {
    CommitIngested m = manifest();
    String pdf = EditionIds.of(m, "r1", "x1", EditionFormat.PDF);
    assertThat(pdf).hasSize(32).isEqualTo(EditionIds.of(manifest(), "r1", "x1", EditionFormat.PDF));
    assertThat(EditionIds.of(m, "r2", "x1", EditionFormat.PDF)).isNotEqualTo(pdf);
    assertThat(EditionIds.of(m, "r1", "x2", EditionFormat.PDF)).isNotEqualTo(pdf);
    assertThat(EditionIds.of(m, "r1", "x1", EditionFormat.EPUB)).isNotEqualTo(pdf);
  }

  @Test
  void problemsPrintAsPathLineColumnMessage() {
    assertThat(new Problem("a.md", 3, 7, Severity.ERROR, "bad").toString())
        .isEqualTo("a.md:3:7: bad");
    assertThat(Problem.warning("a.md", 3, "meh").toString()).isEqualTo("a.md:3: warning: meh");
    assertThat(Problem.error("book.yml", 0, "no title").toString()).isEqualTo("book.yml: no title");
  }

  @Test
  void rejectsMalformedValues() {
    assertThatThrownBy(() -> new AssetRef("a.png", "xyz", "image/png")).hasMessageContaining("xyz");
    assertThatThrownBy(() -> new CommitRejected("b", "c", "a", "m", AT, List.of()))
        .hasMessageContaining("at least one problem");
  }

  @Test
  void topicsCarryTheirCleanupPolicies() {
    assertThat(Topics.all(3))
        .extracting(TopicSpec::name)
        .containsExactly(
            Topics.SOURCE,
            Topics.COMMITS,
            Topics.RECENT_COMMITS,
            Topics.RENDERED,
            Topics.EDITIONS,
            Topics.DLT,
            Topics.INGEST_LEASE);
    assertThat(Topics.all(3).get(1).configs()).containsEntry("cleanup.policy", "delete");
    assertThat(Topics.all(3).get(0).configs()).containsEntry("cleanup.policy", "compact");
    // the topics read whole at start compact within an hour, not Kafka's default week
    for (int i : new int[] {0, 2, 3, 4}) {
      assertThat(Topics.all(3).get(i).configs())
          .containsEntry("cleanup.policy", "compact")
          .containsEntry("segment.ms", "3600000")
          .containsEntry("delete.retention.ms", "3600000");
    }
  }
}
