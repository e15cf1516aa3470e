package io.galley.render.markdown;

import io.galley.events.AssetRef;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The last check of a fragment's {@code doc:} and {@code asset:} references, whoever wrote them
 * (the link resolver, an author in Markdown or in raw HTML): each must name a chapter or asset of
 * the book, because the site turns {@code doc:x} into {@code x.html} (and {@code
 * doc:javascript:alert(1)} would become a script URL). Any other is unwrapped, with a warning.
 */
final class InternalLinks {

  private InternalLinks() {}

  static void check(Element body, ChapterContext context, Consumer<String> warn) {
    Set<String> shas = new HashSet<>();
    for (AssetRef a : context.assets()) {
      shas.add(a.sha256());
    }
    for (Element a : body.select("a[href]")) {
      String href = a.attr("href");
      if (internal(href) && !known(href, context.bookDocIds(), shas)) {
        warn.accept("link to '" + href + "' names no chapter or image of this book; shown as text");
        a.unwrap();
      }
    }
    for (Element img : body.select("img[src]")) {
      String src = img.attr("src");
      if (internal(src) && !known(src, Set.of(), shas)) {
        warn.accept("image '" + src + "' names no image of this book; its alt text is shown");
        img.replaceWith(new TextNode(img.attr("alt")));
      }
    }
  }

  /** Whether a browser or the site builder would read the URL as {@code doc:} or {@code asset:}. */
  private static boolean internal(String url) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < url.length() && s.length() < 6; i++) {
      char c = url.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        s.append(Character.toLowerCase(c));
      }
    }
    String start = s.toString();
    return start.startsWith("doc:") || start.startsWith("asset:");
  }

  /** Whether the URL is exactly {@code doc:<a docId>[#fragment]} or {@code asset:<a sha256>}. */
  private static boolean known(String url, Set<String> docIds, Set<String> shas) {
    if (url.startsWith("asset:")) {
      return shas.contains(url.substring(6));
    }
    if (!url.startsWith("doc:")) {
      return false;
    }
    int hash = url.indexOf('#');
    String docId = url.substring(4, hash < 0 ? url.length() : hash);
    return docIds.contains(docId);
  }
}
