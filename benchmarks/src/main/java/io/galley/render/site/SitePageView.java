package io.galley.render.site;

import java.util.List;

/**
 * What the JTE variant of a site page shows (the benchmark's template side): raw values, escaped by
 * the templates.
 *
 * @param language the book's language
 * @param title the page title
 * @param root the way back to the site root ({@code ""} or {@code "../"}...)
 * @param bookTitle the book's title
 * @param toc every chapter, linked from the site root
 * @param commit the short commit the index names, or null on chapter pages
 * @param date when it was committed, or null on chapter pages
 */
public record SitePageView(
    String language,
    String title,
    String root,
    String bookTitle,
    List<TocEntry> toc,
    String commit,
    String date) {

  /** One chapter in the table of contents. */
  public record TocEntry(String link, String title, boolean current) {}
}
