package io.galley.ingest.dlt;

import io.galley.ingest.IngestProperties;
import java.util.List;
import java.util.Map;
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
 * {@code GET /api/dlt} lists dead letters, newest first; {@code POST /api/dlt/replay} (bearer token
 * {@code galley.ingest.admin-token}) sends them back to their origin topics: the given {@code
 * offset}s, or every one not replayed yet.
 */
@RestController
class DeadLetterController {

  private static final int LIST_LIMIT = 1000;

  // a provider, so web slices of other routes load without Kafka (the topic is always there in the
  // app)
  private final ObjectProvider<DeadLetterTopic> topic;
  private final AdminToken token;

  DeadLetterController(ObjectProvider<DeadLetterTopic> topic, IngestProperties properties) {
    this.topic = topic;
    this.token = new AdminToken(properties.adminToken());
  }

  @GetMapping("/api/dlt")
  List<DeadLetter> list() {
    return topic.getObject().newestFirst(LIST_LIMIT);
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
