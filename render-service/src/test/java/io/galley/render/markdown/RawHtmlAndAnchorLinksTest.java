package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.AssetRef;
import io.galley.events.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links and images written as raw HTML, and links to anchors of this or another chapter. */
class RawHtmlAndAnchorLinksTest {

  static final MarkdownConverter converter = new MarkdownConverter();
  static final String PNG_SHA = "b".repeat(64);
  static final Map<String, Set<String>> HEADING_IDS =
      Map.of("guide/usage", Set.of("usage", "flags"), "intro", Set.of("why"));

  static ChapterRendering render(String markdown) {
    ChapterContext context =
        new ChapterContext(
            "book/guide/setup.md",
            "guide/setup",
            2,
            Set.of("intro", "guide/setup", "guide/usage", "appendix/faq"),
            List.of(new AssetRef("images/diagram.png", PNG_SHA, "image/png")),
            true,
            HEADING_IDS::get);
    return converter.convert(markdown, context);
  }

  static List<String> warnings(ChapterRendering r) {
    return r.warnings().stream().map(Problem::toString).toList();
  }

  @Test
  void resolvesRawHtmlChapterLinksAndImagesLikeMarkdownOnes() {
    ChapterRendering r =
        render(
            """
            # Setup

            <p>See <a href="usage.md#flags" title="u">usage</a> and
            <a href="../intro.md">the intro</a>.
            <img src="../images/diagram.png" alt="Diagram"></p>

            Inline <a href="../appendix/faq.md">faq</a> and <img src="../images/diagram.png" alt="again">.
            """);
    assertThat(r.xhtml())
        .contains(
            "<a href=\"doc:guide/usage#flags\" title=\"u\">usage</a>",
            "<a href=\"doc:intro\">the intro</a>",
            "<img src=\"asset:" + PNG_SHA + "\" alt=\"Diagram\" />",
            "<a href=\"doc:appendix/faq\">faq</a>",
            "<img src=\"asset:" + PNG_SHA + "\" alt=\"again\" />")
        .doesNotContain(".md", "../images");
    assertThat(r.docRefs()).containsExactlyInAnyOrder("guide/usage", "intro", "appendix/faq");
    assertThat(r.assets()).extracting(AssetRef::sha256).containsExactly(PNG_SHA);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void warnsAboutBrokenRawHtmlLinksAndImagesAtTheirTag() {
    ChapterRendering r =
        render(
            """
            # Setup

            <div>
              <a href="gone.md">gone</a> and <img src="missing.png" alt="lost image">
            </div>

            Text with <a href="../../outside.md">outside</a>.
            """);
    assertThat(warnings(r))
        .containsExactly(
            "book/guide/setup.md:6:3: warning: link to missing chapter 'gone.md'; the link text is"
                + " shown without a link",
            "book/guide/setup.md:9:11: warning: link to missing chapter '../../outside.md'; the"
                + " link text is shown without a link",
            "book/guide/setup.md:6:34: warning: image 'missing.png' not found in the book; its alt"
                + " text is shown instead");
    assertThat(r.xhtml())
        .contains("gone and lost image", "Text with outside.")
        .doesNotContain("gone.md", "missing.png", "outside.md");
  }

  @Test
  void warnsAboutLinkToMissingAnchorOfAnotherChapter() {
    ChapterRendering r =
        render(
            """
            # Setup

            See [flags](usage.md#flags), [options](usage.md#options) and
            <a href="../intro.md#how">how</a>; [faq](../appendix/faq.md#unknown) is not checked.
            """);
    assertThat(warnings(r))
        .containsExactly(
            "book/guide/setup.md:5:30: warning: link to 'usage.md#options': chapter 'guide/usage'"
                + " has no heading with id 'options'",
            "book/guide/setup.md:6:1: warning: link to '../intro.md#how': chapter 'intro' has no"
                + " heading with id 'how'");
    // the link stays: the chapter exists, only the anchor is wrong
    assertThat(r.xhtml()).contains("href=\"doc:guide/usage#options\"", "href=\"doc:intro#how\"");
  }

  @Test
  void warnsAboutLinkToMissingAnchorInTheSameChapter() {
    ChapterRendering r =
        render(
            """
            # Setup

            Go [down](#install-go), [nowhere](#instal), [self](setup.md#setup) or
            [to the note](#fn-n)[^n]. <a href="#gone">raw</a>

            ## Install Go

            [^n]: A note.
            """);
    assertThat(warnings(r))
        .containsExactly(
            "book/guide/setup.md:5:25: warning: link to missing anchor '#instal': this chapter has"
                + " no heading with id 'instal'",
            "book/guide/setup.md:6:27: warning: link to missing anchor '#gone': this chapter has"
                + " no heading with id 'gone'");
  }

  @Test
  void headingIdsAreThoseTheRenderingGives() {
    String markdown = "# Setup\n\n## Install Go\n\n## Install Go\n";
    assertThat(converter.headingIds(markdown))
        .containsExactlyInAnyOrder("setup", "install-go", "install-go-1");
  }

  @Test
  void previewLeavesRawHtmlLinksAsWritten() {
    String html = converter.preview("<a href=\"gone.md#x\">gone</a> <img src=\"a.png\" alt=\"a\">");
    assertThat(html).contains("href=\"gone.md#x\"", "src=\"a.png\"");
  }
}
