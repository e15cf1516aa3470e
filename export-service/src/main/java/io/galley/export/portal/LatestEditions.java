package io.galley.export.portal;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.util.List;
import java.util.Locale;

/** The newest edition of a book in each format, as the portal shows them. */
record LatestEditions(String bookId, List<Card> cards) {

  /** One format's newest edition, or none yet ({@code edition} null). */
  record Card(String bookId, EditionFormat format, EditionPublished edition, String siteBaseUrl) {

    String href() {
      return format == EditionFormat.HTML
          ? siteBaseUrl + "/books/" + Html.encoded(bookId) + "/"
          : "/books/" + Html.encoded(bookId) + "/latest." + format.name().toLowerCase(Locale.ROOT);
    }

    String action() {
      return format == EditionFormat.HTML ? "Open the HTML site" : "Download the " + format;
    }

    /** The {@code download} attribute's value: absent (null) for the site, empty for files. */
    String download() {
      return format == EditionFormat.HTML ? null : "";
    }

    String shortCommit() {
      return edition.commit().substring(0, Math.min(7, edition.commit().length()));
    }
  }
}
