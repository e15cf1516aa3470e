package io.galley.export.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EditionCatalogTest {

  private final EditionCatalog catalog = new EditionCatalog(3);

  @Test
  void keepsTheNewestEditionsOfEachBookAndFormatWhateverOrderTheyArriveIn() {
    java.util.List<String> dropped = new java.util.ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      dropped.addAll(catalog.add(edition("a", n, EditionFormat.PDF)));
      catalog.add(edition("a", n, EditionFormat.EPUB));
      catalog.add(edition("b", n, EditionFormat.PDF));
    }
    // what dropped out is named, so the builder can retire it from the editions topic
    assertThat(dropped)
        .hasSize(37)
        .startsWith(edition("a", 1, EditionFormat.PDF).editionId())
        .endsWith(edition("a", 37, EditionFormat.PDF).editionId());
    // a late record of an old commit drops out at once
    assertThat(catalog.add(edition("a", 7, EditionFormat.PDF)))
        .containsExactly(edition("a", 7, EditionFormat.PDF).editionId());

    assertThat(catalog.all()).hasSize(9);
    assertThat(catalog.all())
        .filteredOn(e -> e.bookId().equals("a") && e.format() == EditionFormat.PDF)
        .extracting(EditionPublished::commit)
        .containsExactly(commit(40), commit(39), commit(38));
    assertThat(catalog.latest("b", EditionFormat.PDF))
        .get()
        .extracting(EditionPublished::commit)
        .isEqualTo(commit(40));
    assertThat(catalog.find(edition("a", 37, EditionFormat.PDF).editionId())).isEmpty();
    assertThat(catalog.find(edition("a", 38, EditionFormat.PDF).editionId())).isPresent();
    assertThat(catalog.latest("b", EditionFormat.EPUB)).isEmpty();
  }

  @Test
  void keepsTheNewestFailuresAndForgetsOneOnceItsEditionIsPublished() {
    for (int n = 1; n <= 10; n++) {
      assertThat(catalog.add(failure("a", n)))
          .containsExactlyElementsOf(
              n > 3 ? java.util.List.of(failure("a", n - 3).editionId()) : java.util.List.of());
    }
    assertThat(catalog.failures())
        .extracting(EditionFailed::commit)
        .containsExactlyInAnyOrder(commit(8), commit(9), commit(10));

    catalog.add(edition("a", 10, EditionFormat.PDF));
    assertThat(catalog.failures())
        .extracting(EditionFailed::commit)
        .containsExactlyInAnyOrder(commit(8), commit(9));
    catalog.add(failure("a", 10));
    assertThat(catalog.failures()).as("a published edition stays published").hasSize(2);
  }

  private static String commit(int n) {
    return String.format("%040d", n);
  }

  private static String id(String book, int n, EditionFormat format) {
    return (book + format.ordinal() + String.format("%030d", n)).substring(0, 32);
  }

  private static EditionPublished edition(String book, int n, EditionFormat format) {
    String id = id(book, n, format);
    return new EditionPublished(
        id,
        book,
        commit(n),
        format,
        "c".repeat(64),
        100,
        null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n),
        5,
        "/editions/" + id);
  }

  private static EditionFailed failure(String book, int n) {
    return new EditionFailed(
        id(book, n, EditionFormat.PDF),
        book,
        commit(n),
        EditionFormat.PDF,
        "boom",
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n));
  }
}
