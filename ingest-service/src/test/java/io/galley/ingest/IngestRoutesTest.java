package io.galley.ingest;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Problem;
import io.galley.ingest.commits.BookDirectory;
import io.galley.ingest.commits.CommitLog;
import io.galley.ingest.commits.PollScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP routes of ingest, with a webhook secret, a 1 KB body cap and pages of 3 configured. */
@WebMvcTest(
    properties = {
      "spring.config.name=ingest-service",
      "galley.ingest.repository=/nowhere",
      "galley.ingest.webhook-secret=s3cret",
      "galley.ingest.webhook-max-body=1KB",
      "galley.ingest.api-max-page=3"
    })
@Import(CommitLog.class)
@EnableConfigurationProperties(IngestProperties.class)
class IngestRoutesTest {

  private static final String PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}";

  @Autowired MockMvc mvc;
  @Autowired CommitLog log;
  @MockitoBean PollScheduler scheduler;
  @MockitoBean BookDirectory books;

  @BeforeEach
  void branch() {
    given(scheduler.branch()).willReturn("main");
  }

  static String sign(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void acceptsValidSignatureAndPollsAtOnce() throws Exception {
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(PUSH)
                .header("X-Hub-Signature-256", sign("s3cret", PUSH)))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("accepted"));
    verify(scheduler).trigger();
  }

  @Test
  void aStandbyAcceptsAPushWithoutPollingAndSaysTheActiveOnePolls() throws Exception {
    given(scheduler.standby()).willReturn(true);
    given(scheduler.interval()).willReturn(java.time.Duration.ofSeconds(1));
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(PUSH)
                .header("X-Hub-Signature-256", sign("s3cret", PUSH)))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("standby"))
        .andExpect(
            jsonPath("$.reason")
                .value(
                    "this ingest instance stands by; the active one polls every 1000 ms and"
                        + " ingests the push"));
    verify(scheduler, never()).trigger();
  }

  @Test
  void rejectsWrongSignatureWithProblemDetail() throws Exception {
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(PUSH)
                .header("X-Hub-Signature-256", sign("other", PUSH)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(
            jsonPath("$.detail").value("webhook signature does not match the configured secret"));
    verify(scheduler, never()).trigger();
  }

  @Test
  void rejectsMissingSignature() throws Exception {
    mvc.perform(post("/webhooks/git").contentType(MediaType.APPLICATION_JSON).content(PUSH))
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.detail").value("missing X-Hub-Signature-256 or X-Gitlab-Token header"));
    verify(scheduler, never()).trigger();
  }

  @Test
  void rejectsAlteredBody() throws Exception {
    String altered = PUSH.replace("abc", "abd");
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(altered)
                .header("X-Hub-Signature-256", sign("s3cret", PUSH)))
        .andExpect(status().isUnauthorized());
    verify(scheduler, never()).trigger();
  }

  @Test
  void acceptsGitlabTokenAndRejectsAWrongOne() throws Exception {
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(PUSH)
                .header("X-Gitlab-Token", "wrong"))
        .andExpect(status().isUnauthorized());
    verify(scheduler, never()).trigger();
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(PUSH)
                .header("X-Gitlab-Token", "s3cret"))
        .andExpect(status().isAccepted());
    verify(scheduler).trigger();
  }

  @Test
  void ignoresPushToAnotherBranch() throws Exception {
    String other = "{\"ref\":\"refs/heads/feature\"}";
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(other)
                .header("X-Hub-Signature-256", sign("s3cret", other)))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("ignored"));
    verify(scheduler, never()).trigger();
  }

  @Test
  void listsCommitsNewestFirstWithProblems() throws Exception {
    BookMetadata meta =
        new BookMetadata("routes-book", "Routes", null, null, null, null, null, null, null, null);
    log.record(
        new CommitIngested(
            "routes-book",
            "a".repeat(40),
            null,
            "Ada <a@x>",
            "first",
            Instant.parse("2026-01-01T00:00:00Z"),
            meta,
            List.of(new ChapterEntry("intro", "f".repeat(64), "Intro")),
            List.of(),
            List.of("intro"),
            List.of(),
            true,
            List.of()));
    log.record(
        new CommitRejected(
            "routes-book",
            "b".repeat(40),
            "Ada <a@x>",
            "broken",
            Instant.parse("2026-01-01T00:01:00Z"),
            List.of(Problem.error("guide/x.md", 3, "malformed front matter"))));
    mvc.perform(get("/api/commits"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("rejected"))
        .andExpect(jsonPath("$[0].problems[0].path").value("guide/x.md"))
        .andExpect(jsonPath("$[0].problems[0].line").value(3))
        .andExpect(jsonPath("$[0].messages[0]").value("guide/x.md:3: malformed front matter"))
        .andExpect(jsonPath("$[1].status").value("ingested"))
        .andExpect(jsonPath("$[1].chapters").value(1));
  }

  @Test
  void listsBooksWithChaptersInOrder() throws Exception {
    BookMetadata meta =
        new BookMetadata("shelf", "Shelf", null, null, null, null, null, null, null, null);
    log.record(
        new CommitIngested(
            "shelf",
            "c".repeat(40),
            null,
            "Ada <a@x>",
            "first",
            Instant.parse("2026-01-01T00:00:00Z"),
            meta,
            List.of(
                new ChapterEntry("b", "f".repeat(64), "Bee"),
                new ChapterEntry("a", "e".repeat(64), "Ay")),
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of()));
    given(books.folders()).willReturn(java.util.Map.of("books/shelf", "shelf"));
    mvc.perform(get("/api/books"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].bookId").value("shelf"))
        .andExpect(jsonPath("$[0].folder").value("books/shelf"))
        .andExpect(jsonPath("$[0].title").value("Shelf"))
        .andExpect(jsonPath("$[0].chapters[0].docId").value("b"))
        .andExpect(jsonPath("$[0].chapters[1].title").value("Ay"));
  }

  @Test
  void refusesAnOversizedWebhookBodyBeforeCheckingItsSignature() throws Exception {
    String big = "{\"ref\":\"refs/heads/main\",\"pad\":\"" + "x".repeat(2048) + "\"}";
    mvc.perform(
            post("/webhooks/git")
                .contentType(MediaType.APPLICATION_JSON)
                .content(big)
                .header("X-Hub-Signature-256", sign("s3cret", big)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "the body is "
                        + big.length()
                        + " bytes; webhook bodies are read up to 1024 bytes"
                        + " (galley.ingest.webhook-max-body)"));
    verify(scheduler, never()).trigger();
  }

  @Test
  void pagesCommitsNewestFirstUpToTheMaximumPage() throws Exception {
    for (int i = 1; i <= 5; i++) {
      log.record(
          new CommitRejected(
              "paged-book",
              Integer.toString(i).repeat(40),
              "Ada <a@x>",
              "commit " + i,
              Instant.parse("2026-01-01T00:00:00Z"),
              List.of(Problem.error("x.md", 1, "bad"))));
    }
    mvc.perform(get("/api/commits"))
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].message").value("commit 5"));
    mvc.perform(get("/api/commits").param("limit", "1000"))
        .andExpect(jsonPath("$.length()").value(3));
    mvc.perform(get("/api/commits").param("limit", "2").param("offset", "1"))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].message").value("commit 4"))
        .andExpect(jsonPath("$[1].message").value("commit 3"));
  }
}
