package io.galley.e2e.portal;

import io.galley.testsupport.TestRepo;

/** A two-chapter book for the portal's browser test, and the edit made while the page is open. */
final class FieldNotes {

  static final String BOOK_ID = "field-notes";
  static final String EDITED = "Pack a second pair of dry socks, always.";

  private FieldNotes() {}

  static void write(TestRepo repo) {
    repo.write(
        "book.yml",
        """
        id: field-notes
        title: Field Notes
        authors: [Ada Editor]
        language: en
        chapters:
          - chapters/packing.md
          - chapters/trails.md
        """);
    repo.write(
        "chapters/packing.md",
        """
        # Packing

        Travel light: a map, water and a warm layer.

        Pack a spare pair of socks.

        Leave the rest at home.
        """);
    repo.write(
        "chapters/trails.md",
        """
        # Trails

        Start early and turn back at noon.
        """);
  }

  /** Breaks a chapter: its image does not exist, so ingest rejects the commit. */
  static void breakImage(TestRepo repo) {
    repo.write(
        "chapters/trails.md",
        """
        # Trails

        ![A trail map](../images/missing.png)

        Start early and turn back at noon.
        """);
  }

  /** Changes a paragraph of one chapter and adds a third chapter. */
  static void edit(TestRepo repo) {
    repo.write(
        "chapters/packing.md",
        """
        # Packing

        Travel light: a map, water and a warm layer.

        %s

        Leave the rest at home.
        """
            .formatted(EDITED));
    repo.write(
        "chapters/weather.md",
        """
        # Weather

        Check the forecast the evening before.
        """);
    repo.write(
        "book.yml",
        """
        id: field-notes
        title: Field Notes
        authors: [Ada Editor]
        language: en
        chapters:
          - chapters/packing.md
          - chapters/trails.md
          - chapters/weather.md
        """);
  }
}
