package io.galley.fault;

import io.galley.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a stack that the test did not start tells about a book, read from its public API. */
final class RunningStack {

  private RunningStack() {}

  /** The commits with an HTML edition of {@code book}, newest first ({@code GET /api/editions}). */
  static List<String> htmlCommitsNewestFirst(HttpClient http, String export, String book)
      throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(export + "/api/editions"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    List<String> commits = new ArrayList<>();
    for (JsonNode e : EventJson.mapper().readTree(r.body())) {
      String commit = e.get("commit").asString();
      if (book.equals(e.get("bookId").asString())
          && "HTML".equals(e.get("format").asString())
          && !commits.contains(commit)) {
        commits.add(commit);
      }
    }
    return commits;
  }
}
