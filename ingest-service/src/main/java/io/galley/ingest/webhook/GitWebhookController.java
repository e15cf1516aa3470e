package io.galley.ingest.webhook;

import io.galley.events.EventJson;
import io.galley.ingest.IngestProperties;
import io.galley.ingest.commits.PollScheduler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/git}: a push webhook (GitHub, Gitea, GitLab) that makes ingest poll at
 * once. With a secret configured, unsigned or wrongly signed requests get 401 and trigger nothing.
 */
@RestController
class GitWebhookController {

  private static final Logger log = LoggerFactory.getLogger(GitWebhookController.class);

  private final PollScheduler scheduler;
  private final WebhookSignature signature;
  private final AtomicBoolean warnedUnsigned = new AtomicBoolean();

  GitWebhookController(PollScheduler scheduler, IngestProperties properties) {
    this.scheduler = scheduler;
    this.signature =
        properties.webhookSecret() == null
            ? null
            : new WebhookSignature(properties.webhookSecret());
  }

  @PostMapping("/webhooks/git")
  ResponseEntity<?> push(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = "X-Hub-Signature-256", required = false) String hubSignature,
      @RequestHeader(name = "X-Gitlab-Token", required = false) String gitlabToken) {
    byte[] raw = body == null ? new byte[0] : body;
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
