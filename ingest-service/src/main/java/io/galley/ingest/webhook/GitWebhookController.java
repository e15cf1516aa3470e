package io.galley.ingest.webhook;

import io.galley.events.EventJson;
import io.galley.ingest.IngestProperties;
import io.galley.ingest.commits.PollScheduler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/git}: a push webhook (GitHub, Gitea, GitLab) that makes ingest poll at
 * once. With a secret configured, unsigned or wrongly signed requests get 401 and trigger nothing.
 * The body is bounded before it is parsed or its signature checked (413, 408), and so are the
 * requests handled at once (429).
 */
@RestController
class GitWebhookController {

  private static final Logger log = LoggerFactory.getLogger(GitWebhookController.class);

  private final PollScheduler scheduler;
  private final WebhookSignature signature;
  private final AtomicBoolean warnedUnsigned = new AtomicBoolean();
  private final WebhookGate gate;

  GitWebhookController(PollScheduler scheduler, IngestProperties properties) {
    this.scheduler = scheduler;
    this.gate =
        new WebhookGate(
            properties.webhookMaxConcurrent(),
            properties.webhookMaxBody().toBytes(),
            properties.webhookDeadline(),
            System::nanoTime);
    this.signature =
        properties.webhookSecret() == null
            ? null
            : new WebhookSignature(properties.webhookSecret());
  }

  @PostMapping("/webhooks/git")
  ResponseEntity<?> push(
      HttpServletRequest request,
      @RequestHeader(name = "X-Hub-Signature-256", required = false) String hubSignature,
      @RequestHeader(name = "X-Gitlab-Token", required = false) String gitlabToken)
      throws IOException {
    if (!gate.tryEnter()) {
      return refused(
          HttpStatus.TOO_MANY_REQUESTS,
          "too many webhook requests at once (galley.ingest.webhook-max-concurrent); "
              + "a poll is coming anyway");
    }
    try {
      WebhookGate.Outcome read =
          gate.read(request.getInputStream(), request.getContentLengthLong());
      if (read instanceof WebhookGate.Refused r) {
        return refused(r.status(), r.reason());
      }
      return push(((WebhookGate.Body) read).bytes(), hubSignature, gitlabToken);
    } finally {
      gate.leave();
    }
  }

  private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
    problem.setTitle("Webhook refused");
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (status == HttpStatus.TOO_MANY_REQUESTS) {
      response.header(HttpHeaders.RETRY_AFTER, "1");
    }
    return response.body(problem);
  }

  private ResponseEntity<?> push(byte[] raw, String hubSignature, String gitlabToken) {
    if (signature == null) {
      if (warnedUnsigned.compareAndSet(false, true)) {
        log.warn(
            "galley.ingest.webhook-secret is not set: accepting unsigned webhooks (local use only)");
      }
    } else if (!(hubSignature != null
        ? signature.matchesHubSignature(raw, hubSignature)
        : signature.matchesToken(gitlabToken))) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNAUTHORIZED,
              hubSignature == null && gitlabToken == null
                  ? "missing X-Hub-Signature-256 or X-Gitlab-Token header"
                  : "webhook signature does not match the configured secret");
      problem.setTitle("Webhook not authenticated");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
    String ref = ref(raw);
    String branch = scheduler.branch();
    if (ref != null && branch != null && !ref.equals("refs/heads/" + branch)) {
      return ResponseEntity.accepted()
          .body(
              Map.of(
                  "status",
                  "ignored",
                  "reason",
                  "push to " + ref + ", following refs/heads/" + branch));
    }
    if (scheduler.standby()) {
      // a hint only: the active instance polls anyway, so the push is not lost; a 503 would make
      // the git host report a failed delivery (and GitHub does not redeliver)
      return ResponseEntity.accepted()
          .body(
              Map.of(
                  "status",
                  "standby",
                  "reason",
                  "this ingest instance stands by; the active one polls every "
                      + scheduler.interval().toMillis()
                      + " ms and ingests the push"));
    }
    scheduler.trigger();
    return ResponseEntity.accepted().body(Map.of("status", "accepted"));
  }

  private static String ref(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode ref = EventJson.mapper().readTree(body).get("ref");
      return ref == null || !ref.isString() ? null : ref.asString();
    } catch (RuntimeException e) {
      return null; // not JSON: treat as a plain "something changed" ping
    }
  }
}
