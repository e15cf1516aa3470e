package io.galley.ingest.dlt;

import io.galley.ingest.IngestProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dlt[?limit=&before=]} lists dead letters, newest first, a page at a time (at most
 * {@code galley.ingest.api-max-page}, older than offset {@code before}): with the admin bearer
 * token their payloads, without it a short summary of the exception only. {@code POST
 * /api/dlt/replay} (bearer token {@code galley.ingest.admin-token}) sends them back to their origin
 * topics: the given {@code offset}s, or every one not replayed yet.
 */
@RestController
class DeadLetterController {

  /** Listings read the whole topic with a consumer each: only this many at once. */
  private static final int MAX_CONCURRENT_LISTINGS = 2;

  // a provider, so web slices of other routes load without Kafka (the topic is always there in the
  // app)
  private final ObjectProvider<DeadLetterTopic> topic;
  private final AdminToken token;
  private final int maxPage;
  private final Semaphore listings = new Semaphore(MAX_CONCURRENT_LISTINGS);

  DeadLetterController(ObjectProvider<DeadLetterTopic> topic, IngestProperties properties) {
    this.topic = topic;
    this.token = new AdminToken(properties.adminToken());
    this.maxPage = properties.apiMaxPage();
  }

  @GetMapping("/api/dlt")
  ResponseEntity<?> list(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "limit", required = false) Integer limit,
      @RequestParam(name = "before", required = false) Long before) {
    if (!listings.tryAcquire()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.TOO_MANY_REQUESTS,
              "at most " + MAX_CONCURRENT_LISTINGS + " dead-letter listings run at once");
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .body(problem);
    }
    try {
      boolean admin = token.matches(authorization);
      int size = limit == null ? maxPage : Math.max(1, Math.min(limit, maxPage));
      List<DeadLetter> page =
          topic
              .getObject()
              .newestFirst(size, before == null ? Long.MAX_VALUE : Math.max(0, before), admin);
      return ResponseEntity.ok(admin ? page : page.stream().map(DeadLetter::summary).toList());
    } finally {
      listings.release();
    }
  }

  @PostMapping("/api/dlt/replay")
  ResponseEntity<?> replay(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "offset", required = false) List<Long> offsets) {
    if (!token.configured()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              "replay is disabled: set galley.ingest.admin-token (env GALLEY_INGEST_ADMIN_TOKEN) and "
                  + "send it as 'Authorization: Bearer <token>'");
      problem.setTitle("Replay not enabled");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
    if (!token.matches(authorization)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED,
              authorization == null
                  ? "missing 'Authorization: Bearer <token>' header"
                  : "the bearer token does not match galley.ingest.admin-token");
      problem.setTitle("Not authenticated");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .body(problem);
    }
    List<Long> replayed = topic.getObject().replay(offsets == null ? List.of() : offsets);
    return ResponseEntity.accepted().body(Map.of("replayed", replayed.size(), "offsets", replayed));
  }
}
