package io.galley.fault;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the hostile load aims at: the three services' base URLs, a book with two accepted commits
 * (the diff's ends), the size of its latest downloads (for Range headers), and the webhook secret
 * the ingest service was started with (null: unsigned pushes are accepted).
 */
record LoadTarget(
    Map<String, String> baseUrls,
    String bookId,
    String fromCommit,
    String toCommit,
    String docId,
    Map<String, Long> downloadBytes,
    String webhookSecret) {

  static final List<String> SERVICES = List.of("ingest", "render", "export");

  LoadTarget {
    baseUrls = Map.copyOf(baseUrls);
    downloadBytes = Map.copyOf(downloadBytes);
    for (String s : SERVICES) {
      if (!baseUrls.containsKey(s)) {
        throw new IllegalArgumentException("no base URL for " + s + " in " + baseUrls);
      }
    }
  }

  /**
   * Base URLs from {@code galley.load.target}: "ingest,render,export" URLs in that order, for
   * example {@code http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083}.
   */
  static Map<String, String> parseTargets(String property) {
    String[] urls = property.split(",");
    if (urls.length != 3) {
      throw new IllegalArgumentException(
          "galley.load.target takes three URLs (ingest,render,export), got: " + property);
    }
    for (String u : urls) {
      String host = URI.create(u.strip()).getHost();
      // load is generated on this machine only, against this machine only
      if (!List.of("127.0.0.1", "localhost", "[::1]", "::1").contains(host)) {
        throw new IllegalArgumentException("the hostile load targets this machine only, not " + u);
      }
    }
    return Map.of("ingest", strip(urls[0]), "render", strip(urls[1]), "export", strip(urls[2]));
  }

  String url(String service, String path) {
    return baseUrls.get(service) + path;
  }

  URI uri(String service, String path) {
    return URI.create(url(service, path));
  }

  private static String strip(String url) {
    String u = url.strip();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
