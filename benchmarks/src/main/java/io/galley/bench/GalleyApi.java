package io.galley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP routes of the three services that the harness reads (127.0.0.1 only). */
final class GalleyApi {

  static final int INGEST = port("GALLEY_INGEST_PORT", 8081);
  static final int RENDER = port("GALLEY_RENDER_PORT", 8082);
  static final int EXPORT = port("GALLEY_EXPORT_PORT", 8083);
  static final int KAFKA = port("GALLEY_KAFKA_PORT", 9092);
  static final int CONTROLLER = port("GALLEY_CONTROLLER_PORT", 9093);

  /**
   * The ports infra/local/run uses: the contract ones unless its environment variables move them.
   */
  private static int port(String variable, int contract) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? contract : Integer.parseInt(value.trim());
  }

  /** One edition as listed by {@code GET /api/editions}. */
  record Edition(String bookId, String commit, String format, long bytes, Integer pages) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  private String get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " on port " + port + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  boolean healthy(int port) {
    try {
      return get(port, "/actuator/health").contains("\"UP\"");
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  List<Edition> editions() throws IOException, InterruptedException {
    List<Edition> editions = new ArrayList<>();
    for (JsonNode e : json.readTree(get(EXPORT, "/api/editions"))) {
      JsonNode pages = e.path("pages");
      editions.add(
          new Edition(
              e.path("bookId").asString(),
              e.path("commit").asString(),
              e.path("format").asString(),
              e.path("bytes").asLong(),
              pages.isNumber() ? pages.asInt() : null));
    }
    return editions;
  }

  /** The status of a commit in {@code GET /api/commits} ("ingested", "rejected"), if listed. */
  Optional<String> commitStatus(String commit) throws IOException, InterruptedException {
    for (JsonNode c : json.readTree(get(INGEST, "/api/commits"))) {
      if (commit.equals(c.path("commit").asString())) {
        return Optional.of(c.path("status").asString());
      }
    }
    return Optional.empty();
  }

  /** Problems listed for a commit, for error messages. */
  String commitProblems(String commit) throws IOException, InterruptedException {
    for (JsonNode c : json.readTree(get(INGEST, "/api/commits"))) {
      if (commit.equals(c.path("commit").asString())) {
        return c.path("messages").toString();
      }
    }
    return "[]";
  }

  /**
   * Whether render serves the HTML edition of a commit ({@code GET /books/{bookId}/@{commit}/}).
   */
  boolean htmlEditionServed(String bookId, String commit) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + RENDER + "/books/" + bookId + "/@" + commit + "/"))
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends an unsigned GitHub-style push webhook so ingest polls at once. */
  void pushWebhook() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + INGEST + "/webhooks/git"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString("{\"ref\":\"refs/heads/main\"}"))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      throw new IOException("POST /webhooks/git: HTTP " + status);
    }
  }

  /**
   * Heap in use now (sum of the heap pools in /actuator/prometheus), in bytes; -1 if unavailable.
   */
  long heapUsed(int port) {
    try {
      long sum = 0;
      boolean found = false;
      for (String line : get(port, "/actuator/prometheus").split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      return found ? sum : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
