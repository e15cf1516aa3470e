package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xml.sax.InputSource;

/**
 * Runs every example of the CommonMark spec, and the extension examples of the GFM spec (tables,
 * task lists, strikethrough, autolinks, disallowed raw HTML), through the converter that serves
 * {@code POST /api/preview}. Each must give well-formed XHTML and match the spec's HTML once both
 * are normalised (heading ids, {@code rel}, attribute order and whitespace aside), unless {@code
 * spec/known-differences.tsv} lists the example with its reason. A listed example that now matches
 * fails too, so the list stays true.
 */
class CommonMarkSpecTest {

  private final MarkdownConverter converter = new MarkdownConverter();

  @Test
  @Timeout(60)
  void everyDifferenceFromTheSpecsIsListedWithItsReason() throws Exception {
    Map<String, Example> examples = new LinkedHashMap<>();
    List<Example> commonMark = ExampleReader.readExamples(TestResources.getSpec());
    List<Example> gfm = ExampleReader.readExamples(TestResources.getGfmSpec());
    for (int i = 0; i < commonMark.size(); i++) {
      examples.put("cm:" + (i + 1), commonMark.get(i));
    }
    for (int i = 0; i < gfm.size(); i++) {
      if (gfm.get(i).getSection().endsWith("(extension)")) {
        examples.put("gfm:" + (i + 1), gfm.get(i));
      }
    }
    Map<String, String> known = knownDifferences();
    DocumentBuilder xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    xml.setErrorHandler(null);
    List<String> unexplained = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, Example> entry : examples.entrySet()) {
      Example e = entry.getValue();
      String actual = converter.preview(e.getSource());
      xml.parse(new InputSource(new StringReader("<div>" + actual + "</div>")));
      String got = normalise(actual);
      String expected = normalise(e.getHtml().replace('\u2192', '\t'));
      boolean listed = known.containsKey(entry.getKey());
      if (!got.equals(expected) && !listed) {
        unexplained.add(
            entry.getKey()
                + "\t"
                + e.getSection()
                + "\n  source:   "
                + e.getSource().replace("\n", "\\n")
                + "\n  expected: "
                + expected
                + "\n  got:      "
                + got);
      } else if (got.equals(expected) && listed) {
        stale.add(
            entry.getKey() + " (" + e.getSection() + ") now matches; remove it from the list");
      }
    }
    assertThat(examples).hasSizeGreaterThan(670);
    assertThat(known.keySet())
        .as("listed examples that do not exist")
        .isSubsetOf(examples.keySet());
    assertThat(stale).as("listed differences that are gone").isEmpty();
    assertThat(unexplained)
        .as("differences from the spec not in spec/known-differences.tsv")
        .isEmpty();
  }

  @Test
  void everyListedDifferenceHasAReason() throws IOException {
    assertThat(knownDifferences())
        .isNotEmpty()
        .allSatisfy((id, reason) -> assertThat(reason).hasSizeGreaterThan(10));
  }

  /** The allow-list: {@code spec:number}, section, reason; tab-separated, {@code #} comments. */
  static Map<String, String> knownDifferences() throws IOException {
    Map<String, String> known = new TreeMap<>();
    URL url = CommonMarkSpecTest.class.getResource("/spec/known-differences.tsv");
    try (InputStream in = url.openStream()) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 3 || known.put(cells[0], cells[2]) != null) {
          throw new IllegalStateException("known-differences.tsv: bad or repeated row: " + line);
        }
      }
    }
    return known;
  }

  static String normalise(String html) {
    Document d = Jsoup.parseBodyFragment(html);
    d.select("h1, h2, h3, h4, h5, h6").removeAttr("id");
    d.select("a").removeAttr("rel");
    for (Element el : d.body().getAllElements()) {
      List<Attribute> sorted = new ArrayList<>(el.attributes().asList());
      sorted.sort(Comparator.comparing(Attribute::getKey));
      sorted.forEach(a -> el.removeAttr(a.getKey()));
      sorted.forEach(a -> el.attr(a.getKey(), a.getValue()));
    }
    d.outputSettings().prettyPrint(true).indentAmount(0);
    return d.body().html().replaceAll("\\s+", " ").replace("> <", "><").trim();
  }
}
