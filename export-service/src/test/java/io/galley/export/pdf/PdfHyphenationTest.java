package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class PdfHyphenationTest {

  private static String hyphenated(String xhtml, String language) {
    Element root = Jsoup.parse("<div>" + xhtml + "</div>", "", Parser.xmlParser()).child(0);
    root.ownerDocument().outputSettings().prettyPrint(false);
    PdfHyphenation.hyphenate(root, language);
    return root.html().replace(PdfHyphenation.SOFT_HYPHEN, '|');
  }

  @Test
  void marksTheBreakPointsOfTheBooksLanguage() {
    assertThat(hyphenated("<p>Comprehensive documentation.</p>", "en-US"))
        .isEqualTo("<p>Com|pre|hen|sive doc|u|men|ta|tion.</p>");
    assertThat(hyphenated("<p>Silbentrennung der Wörter</p>", "de"))
        .isEqualTo("<p>Sil|ben|tren|nung der Wör|ter</p>");
    assertThat(hyphenated("<p>Comprehensive documentation.</p>", "tlh"))
        .as("a language without patterns")
        .isEqualTo("<p>Comprehensive documentation.</p>");
  }

  @Test
  void leavesCodeHeadingsLinksAndIdentifiersWhole() {
    String xhtml =
        "<h2>Administration</h2><p>Use <code>administration</code> and"
            + " <a href=\"https://x.invalid/\">administration</a>, not"
            + " administration_handler, example.administration, HttpAdministration"
            + " or /srv/administration, for administration.</p><pre>administration</pre>";
    assertThat(hyphenated(xhtml, "en"))
        .isEqualTo(xhtml.replace("for administration.", "for ad|min|is|tra|tion."));
  }
}
