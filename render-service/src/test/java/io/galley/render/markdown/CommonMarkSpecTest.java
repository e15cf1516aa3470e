package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xml.sax.InputSource;

/**
 * Runs every example of the CommonMark spec through the converter. Each must give well-formed
 * XHTML; outside the raw-HTML sections (which the sanitiser changes on purpose) the result must
 * match the spec's HTML once both are normalised (heading ids, {@code rel} and whitespace aside).
 */
class CommonMarkSpecTest {

  /** Sections whose expected output keeps raw HTML that the safelist removes by design. */
  private static final Set<String> SANITISED = Set.of("HTML blocks", "Raw HTML");

  /** Where GFM's autolink extension (on in Galley) differs from plain CommonMark. */
  private static final Set<String> EXTENDED = Set.of("Autolinks");

  /**
   * Deliberate deviations: language classes keep only {@code [A-Za-z0-9_+#-]} (Entity 10, Fenced
   * 26); raw HTML tags and comments outside the safelist are dropped (Link reference definitions
   * 10, Links 10, 43, 55, Lists 8, 9); a relative URL that looks like a scheme is dropped (Links
   * 19).
   */
  private static final Set<String> DEVIATIONS =
      Set.of(
          "Entity and numeric character references 10",
          "Fenced code blocks 26",
          "Link reference definitions 10",
          "Links 10",
          "Links 19",
          "Links 43",
          "Links 55",
          "Lists 8",
          "Lists 9");

  private final MarkdownConverter converter = new MarkdownConverter();

  @Test
  @Timeout(60)
  void rendersTheSpecExamples() throws Exception {
    List<Example> examples = ExampleReader.readExamples(TestResources.getSpec());
    DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    xml.setErrorHandler(null);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Example e : examples) {
      String actual = converter.preview(e.getSource());
      xml.parse(new InputSource(new StringReader("<div>" + actual + "</div>")));
      if (SANITISED.contains(e.getSection()) || EXTENDED.contains(e.getSection())) {
        continue;
      }
      compared++;
      String id = e.getSection() + " " + e.toString().replaceAll(".* example ", "");
      if (!normalise(actual).equals(normalise(e.getHtml().replace('\u2192', '\t')))) {
        mismatches.add(id);
        if (System.getProperty("spec.debug") != null) {
          System.out.println("### " + e + "\n" + normalise(actual) + "\n" + normalise(e.getHtml()));
        }
      }
    }
    assertThat(examples).hasSizeGreaterThan(600);
    assertThat(compared).isGreaterThan(550);
    assertThat(mismatches).containsExactlyInAnyOrderElementsOf(DEVIATIONS);
  }

  static String normalise(String html) {
    Document d = Jsoup.parseBodyFragment(html);
    d.select("h1, h2, h3, h4, h5, h6").removeAttr("id");
    d.select("a").removeAttr("rel");
    d.outputSettings().prettyPrint(true).indentAmount(0);
    return d.body().html().replaceAll("\\s+", " ").replace("> <", "><").trim();
  }
}
