package io.galley.render.site;

import com.sun.management.ThreadMXBean;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Issue 18 item 3: render's site pages built as {@link SitePages} builds them (Java strings) and as
 * precompiled JTE templates ({@code src/main/jte}, HTML content type, escaping by default), for the
 * same synthetic book. Checks first that both give the same pages, then measures pages per second
 * and bytes allocated per page of each, for the index (the page shell and the table of contents
 * alone) and for the chapter pages (with the jsoup pass over the chapter both share).
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:benchmarks/target/lib/*
 * io.galley.render.site.SitePagesTemplateBenchmark [chapters] [seconds per measurement]}
 */
public final class SitePagesTemplateBenchmark {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  // precompiled: the template classes are on the class path, nothing is compiled at run time
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          SitePagesTemplateBenchmark.class.getClassLoader(),
          "io.galley.render.site");

  private final CommitIngested manifest;
  private final List<RenderedChapter> chapters;
  private final SitePages strings;
  private final List<SitePageView.TocEntry> toc;

  private SitePagesTemplateBenchmark(CommitIngested manifest, List<RenderedChapter> chapters) {
    this.manifest = manifest;
    this.chapters = chapters;
    this.strings = new SitePages(manifest, chapters, Map.of());
    this.toc =
        chapters.stream()
            .map(
                c ->
                    new SitePageView.TocEntry(
                        SiteLinks.link("index.html", SiteLinks.pagePath(c.docId())),
                        c.title(),
                        false))
            .toList();
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    SitePagesTemplateBenchmark bench = new SitePagesTemplateBenchmark(manifest(count), book(count));
    bench.checkSamePages();
    System.out.printf(
        "site pages, %d chapters, %.0f s per measurement, Java %s%n",
        count, seconds, Runtime.version());
    System.out.println("page      | way      | pages/s | KB allocated/page | KB/page out");
    for (int round = 0; round < 3; round++) { // the first round warms both up; two are reported
      boolean report = round > 0;
      measure("index", "strings", i -> bench.strings.index(), 1, seconds, report);
      measure("index", "jte", i -> bench.index(), 1, seconds, report);
      measure("chapter", "strings", bench.strings::chapter, count, seconds, report);
      measure("chapter", "jte", bench::chapter, count, seconds, report);
    }
  }

  /** Both ways must give the same bytes, or the comparison says nothing. */
  private void checkSamePages() {
    require("index.html", strings.index(), index());
    for (int i = 0; i < chapters.size(); i++) {
      require(chapters.get(i).docId(), strings.chapter(i), chapter(i));
    }
  }

  private static void require(String page, String expected, String actual) {
    if (!expected.equals(actual)) {
      int at = 0;
      while (at < Math.min(expected.length(), actual.length())
          && expected.charAt(at) == actual.charAt(at)) {
        at++;
      }
      throw new IllegalStateException(
          "%s differs at %d: strings '%s', jte '%s'"
              .formatted(
                  page,
                  at,
                  expected.substring(at, Math.min(expected.length(), at + 60)),
                  actual.substring(at, Math.min(actual.length(), at + 60))));
    }
  }

  private static void measure(
      String page,
      String way,
      IntFunction<String> build,
      int pages,
      double seconds,
      boolean report) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long built = 0;
    long chars = 0;
    long allocatedBefore = threads.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < pages; i++) {
        chars += build.apply(i).length();
        built++;
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long allocated = threads.getThreadAllocatedBytes(id) - allocatedBefore;
    if (report) {
      System.out.printf(
          "%-9s | %-8s | %7.0f | %17.1f | %.1f%n",
          page, way, built / elapsed, allocated / 1024.0 / built, chars / 1024.0 / built);
    }
  }

  String index() {
    String subtitle = manifest.book().subtitle();
    List<String> authors = manifest.book().authors();
    Map<String, Object> params = new HashMap<>();
    String commit = manifest.commit();
    params.put(
        "page",
        new SitePageView(
            manifest.book().language(),
            manifest.book().title(),
            SiteLinks.toRoot("index.html"),
            manifest.book().title(),
            toc,
            commit.substring(0, Math.min(12, commit.length())),
            DATE.format(manifest.committedAt())));
    params.put("subtitle", subtitle == null || subtitle.isBlank() ? null : subtitle);
    params.put("authors", authors.isEmpty() ? null : String.join(", ", authors));
    return render("siteIndex.jte", params);
  }

  String chapter(int i) {
    RenderedChapter c = chapters.get(i);
    String path = SiteLinks.pagePath(c.docId());
    List<SitePageView.TocEntry> pageToc = new ArrayList<>(toc.size());
    for (int t = 0; t < toc.size(); t++) {
      SitePageView.TocEntry e = toc.get(t);
      pageToc.add(new SitePageView.TocEntry(e.link(), e.title(), t == i));
    }
    Map<String, Object> params = new HashMap<>();
    params.put(
        "page",
        new SitePageView(
            manifest.book().language(),
            c.title() + " · " + manifest.book().title(),
            SiteLinks.toRoot(path),
            manifest.book().title(),
            pageToc,
            null,
            null));
    params.put("h1", c.headings().stream().anyMatch(h -> h.level() == 1) ? null : c.title());
    String body = fragment(Jsoup.parseBodyFragment(c.xhtml()), path);
    // the chapter's HTML, made by the converter and rewritten by jsoup: the one unescaped input
    params.put("body", (Content) output -> output.writeContent(body));
    params.put("prev", i > 0 ? neighbour(i - 1, path) : null);
    params.put("next", i < chapters.size() - 1 ? neighbour(i + 1, path) : null);
    params.put(
        "sections", c.headings().stream().filter(h -> h.level() == 2 || h.level() == 3).toList());
    return render("siteChapter.jte", params);
  }

  private SitePageView.TocEntry neighbour(int i, String path) {
    RenderedChapter n = chapters.get(i);
    return new SitePageView.TocEntry(
        SiteLinks.link(path, SiteLinks.pagePath(n.docId())), n.title(), false);
  }

  private static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(16 * 1024);
    ENGINE.render(template, params, out);
    return out.toString();
  }

  /** The same rewriting as SitePages' (links between chapters; this book has no assets). */
  private String fragment(Document doc, String path) {
    for (Element a : doc.select("a[href^=doc:]")) {
      String ref = a.attr("href").substring(4);
      int hash = ref.indexOf('#');
      String docId = hash < 0 ? ref : ref.substring(0, hash);
      String anchor = hash < 0 ? "" : ref.substring(hash);
      if (chapters.stream().anyMatch(c -> c.docId().equals(docId))) {
        a.attr("href", SiteLinks.link(path, SiteLinks.pagePath(docId)) + anchor);
      } else {
        a.unwrap();
      }
    }
    doc.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.html);
    return doc.body().html();
  }

  private static CommitIngested manifest(int count) {
    List<ChapterEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(new ChapterEntry(docId(i), "0".repeat(64), title(i)));
    }
    return new CommitIngested(
        "bench-book",
        "0123456789abcdef0123456789abcdef01234567",
        null,
        "A <a@example.com>",
        "bench",
        Instant.parse("2026-12-08T00:00:00Z"),
        new BookMetadata(
            "bench-book",
            "Pages & Templates",
            "A benchmark book",
            List.of("Ann Author", "Ben Author"),
            "en",
            null,
            null,
            null,
            null,
            null),
        entries,
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  private static List<RenderedChapter> book(int count) {
    List<RenderedChapter> chapters = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder xhtml = new StringBuilder();
      List<Heading> headings = new ArrayList<>();
      for (int s = 0; s < 6; s++) {
        String id = "section-" + s;
        headings.add(new Heading(s % 3 == 2 ? 3 : 2, id, "Section " + s + " <of " + i + ">"));
        xhtml.append("<h2 id=\"").append(id).append("\">Section ").append(s).append("</h2>\n");
        for (int p = 0; p < 4; p++) {
          xhtml
              .append("<p>Paragraph ")
              .append(p)
              .append(" of a chapter with <em>some</em> text &amp; a link to the ")
              .append("<a href=\"doc:")
              .append(docId((i + 1) % count))
              .append("#section-1\">next chapter</a> and <code>code()</code>, long enough to ")
              .append("look like prose in a real guide, which is what the site is made of.</p>\n");
        }
      }
      chapters.add(
          new RenderedChapter(
              "bench-book",
              docId(i),
              "0".repeat(64),
              "bench",
              title(i),
              xhtml.toString(),
              headings,
              List.of(),
              List.of(),
              List.of()));
    }
    return chapters;
  }

  private static String docId(int i) {
    return "part-" + (i / 20) + "/chapter-" + i;
  }

  private static String title(int i) {
    return "Chapter " + i + ": pages & <templates>";
  }
}
