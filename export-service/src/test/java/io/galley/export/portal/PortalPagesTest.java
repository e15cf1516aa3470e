package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Hostile markup in a book's names comes out of every templated page as text, in element content
 * and in attribute values, never as an element or an attribute of its own.
 */
class PortalPagesTest extends HostilePortal {

  @Test
  void everyPageShowsTheMarkupAsText() throws Exception {
    Map<String, Document> pages = new LinkedHashMap<>();
    for (Map.Entry<String, String> page : pages().entrySet()) {
      Document doc = Jsoup.parse(page.getValue());
      assertInert(page.getKey(), doc);
      pages.put(page.getKey(), doc);
    }

    Document portal = pages.get("portal");
    Element section = portal.selectFirst("section.book");
    assertThat(section.attr("data-book")).isEqualTo(BOOK);
    assertThat(section.selectFirst("h2").ownText()).isEqualTo(EVIL);
    assertThat(portal.selectFirst("[data-latest]").attr("data-latest")).isEqualTo(BOOK);
    Element rejected = portal.getElementById("c-b___i_-" + REJECTED);
    assertThat(rejected.selectFirst("td.message").ownText()).isEqualTo(EVIL);
    assertThat(rejected.selectFirst("td[data-label=Author]").text()).isEqualTo(AUTHOR);
    assertThat(rejected.select(".problems li").text()).isEqualTo("chapters/intro.md:3: " + EVIL);
    Element second = portal.getElementById("c-b___i_-" + SECOND);
    assertThat(second.selectFirst("details.error code").text()).isEqualTo(EVIL);
    assertThat(second.selectFirst("a:contains(compare with previous)").attr("href"))
        .isEqualTo("/books/b%22'%3Ci%3E/diff?from=" + FIRST + "&to=" + SECOND);

    Document diff = pages.get("diff");
    assertThat(diff.title()).isEqualTo("Changes in " + EVIL);
    assertThat(diff.selectFirst("h1").text()).isEqualTo("Changes in " + EVIL);
    assertThat(diff.select("select#to option[selected]").text()).endsWith(EVIL);
    assertThat(diff.selectFirst("table.chapters tr.changed th").ownText()).isEqualTo(EVIL);
    assertThat(diff.selectFirst("table.diff").parent().attr("aria-label"))
        .isEqualTo("Text changes in " + EVIL);
    assertThat(diff.selectFirst("table.diff caption").text()).isEqualTo("Text changes in " + EVIL);
    assertThat(diff.select("table.diff ins").text()).contains("<b>");
    assertThat(diff.selectFirst("nav.breadcrumb li:nth-child(2) a").text()).isEqualTo(BOOK);
    assertThat(diff.selectFirst("form.compare").attr("action"))
        .isEqualTo("/books/b%22'%3Ci%3E/diff");

    assertThat(pages.get("missing chapter").selectFirst("p.notice").text()).contains(EVIL);
    assertThat(pages.get("first edition").selectFirst("main p").text()).contains(EVIL);
    assertThat(pages.get("not found").selectFirst("h1").text()).isEqualTo("Not found");
    assertThat(pages.get("not found").selectFirst("main p").text()).contains(EVIL);
    assertThat(pages.get("busy").selectFirst("nav.breadcrumb").text()).contains(BOOK);
  }

  @Test
  void theFragmentsOfLiveUpdatesShowTheMarkupAsText() {
    Map<String, Object> payload = events.payload(history.find(BOOK, REJECTED).orElseThrow());
    Document row = Jsoup.parse("<table><tbody>" + payload.get("row") + "</tbody></table>");
    assertInert("row", row);
    assertThat(row.selectFirst("td.message").ownText()).isEqualTo(EVIL);
    Document latest = Jsoup.parse((String) payload.get("latest"));
    assertInert("latest", latest);
    assertThat(latest.selectFirst("[data-latest]").attr("data-latest")).isEqualTo(BOOK);
    Document section = Jsoup.parse((String) payload.get("section"));
    assertInert("section", section);
    assertThat(section.selectFirst("h2").ownText()).isEqualTo(EVIL);
  }

  /** Nothing of the hostile text became an element or an attribute. */
  private static void assertInert(String page, Document doc) {
    assertThat(doc.select("img, i, b")).as(page).isEmpty();
    assertThat(doc.select("script"))
        .as(page)
        .allSatisfy(s -> assertThat(s.attr("src")).isEqualTo("/portal.js"));
    assertThat(doc.getAllElements())
        .as(page)
        .allSatisfy(
            e ->
                assertThat(e.attributes().asList())
                    .as(page + " " + e.tagName())
                    .noneMatch(a -> a.getKey().startsWith("on") || a.getKey().contains("'")));
  }
}
