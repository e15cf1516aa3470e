package io.galley.render.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a built site folder: every page through the Nu HTML Checker, every page reachable from
 * {@code index.html}, every relative link to a file of the site and every fragment to an id.
 */
final class HtmlSiteChecker {

  private final Path root;
  // language detection off: it needs Jetty 9's JSON (excluded) and only guesses at the prose
  private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
  private final Collector collector = new Collector();
  private final Map<String, Set<String>> idsByPage = new HashMap<>();

  HtmlSiteChecker(Path root) throws Exception {
    this.root = root;
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
    validator.setUpValidatorAndParsers(collector, false, false);
  }

  /** The pages of the site (paths relative to its root, with {@code /}). */
  List<String> pages() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".html"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Nu checker messages for every page, {@code page:line:col: kind: message}. */
  List<String> validityProblems() throws Exception {
    for (String page : pages()) {
      collector.page = page;
      try (InputStream in = Files.newInputStream(root.resolve(page))) {
        InputSource source = new InputSource(in);
        source.setSystemId(root.resolve(page).toUri().toString());
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
      }
    }
    return List.copyOf(collector.problems);
  }

  /** Pages not reachable by following links from the index. */
  Set<String> unreachablePages() throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("index.html"));
    while (!todo.isEmpty()) {
      String page = todo.pop();
      if (!seen.add(page) || !Files.isRegularFile(root.resolve(page))) {
        continue;
      }
      for (Element a : parse(page).select("a[href]")) {
        String target = target(page, a.attr("href"));
        if (target != null && target.endsWith(".html")) {
          todo.add(target);
        }
      }
    }
    Set<String> unreachable = new TreeSet<>(pages());
    unreachable.removeAll(seen);
    return unreachable;
  }

  /** Relative links (href, src) whose file or fragment does not exist, {@code page: link}. */
  List<String> deadLinks() throws IOException {
    List<String> dead = new ArrayList<>();
    for (String page : pages()) {
      for (Element e : parse(page).select("[href], [src]")) {
        String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (link.isEmpty() || URI.create(link.replace(" ", "%20")).getScheme() != null) {
          continue;
        }
        String target = target(page, link);
        if (target == null || !Files.isRegularFile(root.resolve(target))) {
          dead.add(page + ": " + link);
          continue;
        }
        int hash = link.indexOf('#');
        if (hash >= 0 && !ids(target).contains(decode(link.substring(hash + 1)))) {
          dead.add(page + ": " + link + " (no such id)");
        }
      }
    }
    return dead;
  }

  /** The site file a relative link of {@code page} points to, null when it leaves the site. */
  private String target(String page, String link) {
    URI uri = URI.create(link.replace(" ", "%20"));
    if (uri.getScheme() != null) {
      return null;
    }
    URI resolved = URI.create("site:/" + page).resolve(uri);
    String path = resolved.getPath();
    if (path == null || !path.startsWith("/") || path.contains("/../")) {
      return null;
    }
    return path.substring(1);
  }

  private Set<String> ids(String page) throws IOException {
    Set<String> ids = idsByPage.get(page);
    if (ids == null) {
      ids = new LinkedHashSet<>();
      if (page.endsWith(".html")) {
        for (Element e : parse(page).select("[id]")) {
          ids.add(e.id());
        }
      }
      idsByPage.put(page, ids);
    }
    return ids;
  }

  private Document parse(String page) throws IOException {
    return Jsoup.parse(Files.readString(root.resolve(page), StandardCharsets.UTF_8));
  }

  private static String decode(String fragment) {
    return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Collects the checker's messages. Warnings count too: the info-level messages of the Nu checker
   * (shown as "Info" on validator.w3.org) never reach a SAX handler, so nothing here is noise.
   */
  private static final class Collector implements ErrorHandler {
    private final List<String> problems = new ArrayList<>();
    private String page = "";

    @Override
    public void warning(SAXParseException e) {
      add("warning", e);
    }

    @Override
    public void error(SAXParseException e) {
      add("error", e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      add("fatal", e);
    }

    private void add(String kind, SAXParseException e) {
      problems.add(
          page
              + ":"
              + e.getLineNumber()
              + ":"
              + e.getColumnNumber()
              + ": "
              + kind
              + ": "
              + e.getMessage());
    }
  }
}
