package io.galley.render.markdown;

import io.galley.events.AssetRef;
import io.galley.events.Problem;
import io.galley.events.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Rewrites the links and images of a parsed chapter: chapter links to {@code doc:}, local images to
 * {@code asset:}, remote images to plain links; whatever cannot be resolved becomes a warning.
 */
final class LinkResolver {

  private final ChapterContext context;
  private final List<Problem> warnings;
  private final Set<String> docRefs = new LinkedHashSet<>();
  private final Map<String, AssetRef> assetsUsed = new LinkedHashMap<>();
  private final List<AnchorLink> anchors = new ArrayList<>();

  LinkResolver(ChapterContext context, List<Problem> warnings) {
    this.context = context;
    this.warnings = warnings;
  }

  List<String> docRefs() {
    return List.copyOf(docRefs);
  }

  List<AssetRef> assets() {
    return List.copyOf(assetsUsed.values());
  }

  void resolve(Node document) {
    List<Link> links = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            links.add(link);
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            images.add(image);
            visitChildren(image);
          }
        });
    links.forEach(this::resolveLink);
    images.forEach(this::resolveImage);
  }

  private void resolveLink(Link link) {
    String dest = link.getDestination();
    if (dest == null || dest.isEmpty()) {
      return;
    }
    if (BookPaths.hasScheme(dest)) {
      checkInternal(link, dest);
      return;
    }
    int[] at = position(link);
    String href = href(dest, at[0], at[1]);
    if (href == null) {
      unwrap(link);
    } else {
      link.setDestination(href);
    }
  }

  /**
   * A {@code doc:} or {@code asset:} link written by the author must name a chapter or asset of
   * this book (the site turns {@code doc:x} into {@code x.html}); any other is unwrapped with a
   * warning.
   */
  private void checkInternal(Link link, String dest) {
    String lower = dest.toLowerCase(Locale.ROOT);
    String docId = lower.startsWith("doc:") ? dest.substring(4).split("#", 2)[0] : null;
    if (docId != null && context.bookDocIds().contains(docId)) {
      docRefs.add(docId);
      return;
    }
    boolean asset =
        lower.startsWith("asset:")
            && context.assets().stream().anyMatch(a -> dest.equals("asset:" + a.sha256()));
    if (docId == null && (asset || !lower.startsWith("asset:"))) {
      return;
    }
    warn(link, "link to '" + dest + "' names no chapter or image of this book; shown as text");
    Node child = link.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      link.insertBefore(child);
      child = next;
    }
    link.unlink();
  }

  /**
   * The {@code doc:} or {@code asset:} URL of a relative link destination ({@code #x} stays as
   * written); null, after a warning at {@code line:column}, when it points nowhere in the book.
   */
  String href(String dest, int line, int column) {
    int hash = dest.indexOf('#');
    String fragment = hash < 0 ? "" : dest.substring(hash);
    String pathPart = hash < 0 ? dest : dest.substring(0, hash);
    if (pathPart.isEmpty()) {
      anchors.add(new AnchorLink(context.docId(), fragment.substring(1), dest, line, column));
      return dest;
    }
    int query = pathPart.indexOf('?');
    if (query >= 0) {
      pathPart = pathPart.substring(0, query);
    }
    String resolved = BookPaths.resolve(context.folder(), pathPart);
    String docId = resolved == null ? null : asDocId(resolved);
    if (docId != null && context.bookDocIds().contains(docId)) {
      docRefs.add(docId);
      if (!fragment.isEmpty()) {
        anchors.add(new AnchorLink(docId, fragment.substring(1), dest, line, column));
      }
      return "doc:" + docId + fragment;
    }
    AssetRef asset = resolved == null ? null : assetAt(resolved);
    if (asset != null) {
      assetsUsed.putIfAbsent(asset.sha256(), asset);
      return "asset:" + asset.sha256();
    }
    String what =
        pathPart.toLowerCase(Locale.ROOT).endsWith(".md")
            ? "link to missing chapter '" + dest + "'"
            : "link to '" + dest + "', which is not a chapter or image of this book";
    warnAt(line, column, what + "; the link text is shown without a link");
    return context.resolveLinks() ? null : dest;
  }

  /**
   * The {@code asset:} URL of a local image source, or null after a warning at {@code line:column}
   * (previews keep it as written).
   */
  String src(String dest, int line, int column) {
    int cut = firstIndexOf(dest, '#', '?');
    String resolved = BookPaths.resolve(context.folder(), cut < 0 ? dest : dest.substring(0, cut));
    AssetRef asset = resolved == null ? null : assetAt(resolved);
    if (asset != null) {
      assetsUsed.putIfAbsent(asset.sha256(), asset);
      return "asset:" + asset.sha256();
    }
    if (!context.resolveLinks()) {
      return dest;
    }
    warnAt(
        line, column, "image '" + dest + "' not found in the book; its alt text is shown instead");
    return null;
  }

  /**
   * Adds to {@code out} a warning for each link to an {@code #anchor} that does not exist: in this
   * chapter among {@code ownIds}, in another among its {@code headingIds} (when known, else null).
   */
  void checkAnchors(
      Set<String> ownIds, Function<String, Set<String>> headingIds, List<Problem> out) {
    for (AnchorLink a : anchors) {
      String id = BookPaths.decode(a.fragment());
      boolean self = a.docId().equals(context.docId());
      Set<String> ids = self ? ownIds : headingIds.apply(a.docId());
      if (id.isEmpty() || ids == null || ids.contains(id)) {
        continue;
      }
      warnAt(
          out,
          a.line(),
          a.column(),
          self
              ? "link to missing anchor '"
                  + a.dest()
                  + "': this chapter has no heading with id '"
                  + id
                  + "'"
              : "link to '"
                  + a.dest()
                  + "': chapter '"
                  + a.docId()
                  + "' has no heading with id '"
                  + id
                  + "'");
    }
  }

  /** A link to an anchor, checked once the chapter's own ids are known. */
  private record AnchorLink(String docId, String fragment, String dest, int line, int column) {}

  private void resolveImage(Image image) {
    String dest = image.getDestination() == null ? "" : image.getDestination();
    String lower = dest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      warn(image, "remote image '" + dest + "' is not fetched; shown as a link");
      Link link = new Link(dest, image.getTitle());
      String alt = altText(image);
      link.appendChild(new Text(alt.isBlank() ? dest : alt));
      image.insertBefore(link);
      image.unlink();
      return;
    }
    if (BookPaths.hasScheme(dest)) {
      return; // data: and others are judged by the sanitiser
    }
    int[] at = position(image);
    String src = src(dest, at[0], at[1]);
    if (src != null) {
      image.setDestination(src);
    } else {
      image.insertBefore(new Text(altText(image)));
      image.unlink();
    }
  }

  private String asDocId(String path) {
    if (path.toLowerCase(Locale.ROOT).endsWith(".md")) {
      return path.substring(0, path.length() - 3);
    }
    return context.bookDocIds().contains(path) ? path : null;
  }

  private AssetRef assetAt(String path) {
    for (AssetRef a : context.assets()) {
      String p = BookPaths.resolve("", a.path());
      if (path.equals(p)) {
        return a;
      }
    }
    return null;
  }

  private void warn(Node node, String message) {
    int[] at = position(node);
    warnAt(at[0], at[1], message);
  }

  /** Line and column of a node in the file (column 0 when only its block is known). */
  private int[] position(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (!spans.isEmpty()) {
        return new int[] {
          spans.get(0).getLineIndex() + 1 + context.frontMatterLines(),
          n == node ? spans.get(0).getColumnIndex() + 1 : 0
        };
      }
    }
    return new int[] {0, 0};
  }

  private void warnAt(int line, int column, String message) {
    warnAt(warnings, line, column, message);
  }

  private void warnAt(List<Problem> out, int line, int column, String message) {
    if (context.resolveLinks()) {
      out.add(new Problem(context.path(), line, column, Severity.WARNING, message));
    }
  }

  private void unwrap(Link link) {
    if (!context.resolveLinks()) {
      return;
    }
    Node child = link.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      link.insertBefore(child);
      child = next;
    }
    link.unlink();
  }

  private static String altText(Node image) {
    StringBuilder s = new StringBuilder();
    image.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            s.append(text.getLiteral());
          }
        });
    return s.toString();
  }

  private static int firstIndexOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
