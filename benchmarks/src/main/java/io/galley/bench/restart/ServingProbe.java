package io.galley.bench.restart;

import io.galley.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a user asks of a restarted instance, answered or not: readiness, and whether it serves the
 * newest commit of every book. Render: {@code /books/{bookId}/@{commit}/} answers 200 and {@code
 * /books/{bookId}/} (the latest site) is that commit's page. Export: {@code
 * /books/{bookId}/latest.pdf} is that commit's file, the portal ({@code /}) lists the commit, and
 * {@code /api/editions} lists its HTML, PDF and EPUB editions as published.
 */
final class ServingProbe {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Whether {@code /actuator/health/readiness} answers 200. */
  boolean ready(ServiceProcess s) {
    return status(s.url("/actuator/health/readiness")) == 200;
  }

  /** Whether the instance serves the newest commit of every book ({@code bookId -> commit}). */
  boolean servesNewest(ServiceProcess s, Map<String, String> newest) {
    return s.service.equals("render") ? renderServes(s, newest) : exportServes(s, newest);
  }

  private boolean renderServes(ServiceProcess s, Map<String, String> newest) {
    for (Map.Entry<String, String> book : newest.entrySet()) {
      String base = "/books/" + book.getKey() + "/";
      if (status(s.url(base + "@" + book.getValue() + "/")) != 200
          || !body(s.url(base)).contains("data-commit=\"" + book.getValue() + "\"")) {
        return false;
      }
    }
    return true;
  }

  private boolean exportServes(ServiceProcess s, Map<String, String> newest) {
    String portal = body(s.url("/"));
    for (Map.Entry<String, String> book : newest.entrySet()) {
      String pdf = body(s.url("/books/" + book.getKey() + "/latest.pdf"));
      if (!pdf.contains(book.getValue()) || !portal.contains("\"" + book.getValue() + "\"")) {
        return false;
      }
    }
    return listsNewest(body(s.url("/api/editions")), newest); // the big one last
  }

  /** Whether an {@code /api/editions} answer lists every format of every newest commit. */
  static boolean listsNewest(String editionsJson, Map<String, String> newest) {
    if (editionsJson.isEmpty()) {
      return false;
    }
    Set<String> found = new HashSet<>();
    for (JsonNode e : EventJson.mapper().readTree(editionsJson)) {
      String book = e.path("bookId").asString();
      if (e.path("commit").asString().equals(newest.get(book))
          && "published".equals(e.path("state").asString())) {
        found.add(book + " " + e.path("format").asString());
      }
    }
    for (String book : newest.keySet()) {
      for (String format : List.of("HTML", "PDF", "EPUB")) {
        if (!found.contains(book + " " + format)) {
          return false;
        }
      }
    }
    return true;
  }

  private int status(String url) {
    try {
      return http.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The body of a 200 answer, else empty. */
  private String body(String url) {
    try {
      HttpResponse<byte[]> r = http.send(get(url), HttpResponse.BodyHandlers.ofByteArray());
      return r.statusCode() == 200 ? new String(r.body(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
  }
}
