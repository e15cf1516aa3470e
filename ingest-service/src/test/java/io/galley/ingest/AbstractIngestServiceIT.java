package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.blob.DirectoryBlobStore;
import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Digests;
import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.events.Problem;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The ingest service against a real broker and a real git repository: commits become manifests,
 * sources and assets, and a broken commit becomes a rejection with precise problems.
 */
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=ingest-service", "galley.ingest.poll-interval=200ms"})
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractIngestServiceIT {

  static TestRepo repo;
  static Path blobs;
  static String bootstrap;
  static String bookId;

  /** Points the app at a fresh repository and at {@code broker}; called by subclasses. */
  static void register(DynamicPropertyRegistry registry, KafkaBroker broker, String name) {
    try {
      Path dir = Files.createTempDirectory("galley-ingest-it");
      repo = TestRepo.init(dir.resolve("content"));
      bookId = name + "-" + Long.toHexString(System.nanoTime());
      bootstrap = broker.bootstrapServers();
      registry.add("spring.kafka.bootstrap-servers", () -> bootstrap);
      registry.add("galley.ingest.repository", () -> repo.dir().toString());
      registry.add("galley.ingest.state-dir", () -> dir.resolve("state").toString());
      blobs = dir.resolve("blobs");
      registry.add("galley.blob.directory", () -> blobs.toString());
      registry.add("galley.ingest.instance", () -> name);
      // contexts cached in this JVM keep running: each test service is a group of its own
      registry.add("galley.ingest.group", () -> "it-" + bookId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static java.util.Set<String> topicNames() throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            java.util.Map.of("bootstrap.servers", bootstrap))) {
      return admin.listTopics().names().get();
    }
  }

  static List<CommitEvent> commitEvents() {
    return TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
        .filter(r -> bookId.equals(r.key()))
        .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
        .toList();
  }

  static CommitEvent awaitCommit(String sha) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                commitEvents().stream()
                    .filter(e -> e.commit().equals(sha))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  static List<ConsumerRecord<String, byte[]>> sources(String commit) {
    return TopicReader.readAll(bootstrap, Topics.SOURCE).stream()
        .filter(r -> r.key().startsWith(bookId + "/") && r.value() != null)
        .filter(r -> EventJson.fromBytes(r.value(), SourceDocument.class).commit().equals(commit))
        .toList();
  }

  @Test
  void ingestsABookOf300ChaptersQuickly() {
    String big = bookId + "-big";
    StringBuilder summary = new StringBuilder("# Big Book\n\n");
    for (int i = 1; i <= 300; i++) {
      String name = String.format("ch%03d.md", i);
      summary.append("- [Chapter ").append(i).append("](").append(name).append(")\n");
      repo.write("big/" + name, "# Chapter " + i + "\n\nText of chapter " + i + ".\n");
    }
    String sha =
        repo.write("big/book.yml", "id: " + big + "\ntitle: Big\n")
            .write("big/SUMMARY.md", summary.toString())
            .commit("A big book");
    CommitIngested manifest =
        await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                        () ->
                            TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
                                .filter(r -> big.equals(r.key()))
                                .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
                                .filter(e -> e.commit().equals(sha))
                                .findFirst()
                                .orElse(null),
                        e -> e != null)
                instanceof CommitIngested m
            ? m
            : null;
    assertThat(manifest).isNotNull();
    assertThat(manifest.chapters()).hasSize(300);
    assertThat(manifest.chapters().get(299).title()).isEqualTo("Chapter 300");
    assertThat(
            TopicReader.readAll(bootstrap, Topics.SOURCE).stream()
                .filter(r -> r.key().startsWith(big + "/")))
        .hasSize(300);
  }

  @LocalServerPort int port;

  String http(String path) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void servesHealthCommitsAndBooks(CapturedOutput output) throws Exception {
    String id = bookId + "-http";
    String sha =
        repo.write("http/book.yml", "id: " + id + "\ntitle: Over HTTP\n")
            .write("http/one.md", "# One\n")
            .commit("HTTP book");
    await().atMost(Duration.ofSeconds(30)).until(() -> http("/api/commits").contains(sha));
    assertThat(http("/api/books"))
        .contains("\"bookId\":\"" + id + "\"", "\"folder\":\"http\"", "Over HTTP");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> http("/actuator/health/readiness").contains("UP"));
    assertThat(http("/actuator/prometheus"))
        .contains("jvm_")
        .contains("galley_ingest_commits_total{status=\"ingested\"")
        .contains("galley_ingest_commits_total{status=\"rejected\"")
        .contains("galley_ingest_poll_duration_seconds_bucket");
    // the per-commit work logs with its trace id and, from the baggage, the commit
    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("CommitIngested")
                    .containsPattern("\\[[0-9a-f]{32}," + sha + "\\]"));
    // its manifest carries the standard W3C trace context and the commit as baggage
    ConsumerRecord<String, byte[]> manifest =
        TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
            .filter(r -> EventJson.fromBytes(r.value(), CommitEvent.class).commit().equals(sha))
            .findFirst()
            .orElseThrow();
    String traceparent = EventHeaders.get(manifest.headers(), EventHeaders.TRACEPARENT);
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(EventHeaders.get(manifest.headers(), "commit")).isEqualTo(sha);
    assertThat(EventHeaders.get(manifest.headers(), "baggage")).contains("commit=" + sha);
    String traceId = traceparent.substring(3, 35);
    assertThat(output.getOut().lines())
        .anySatisfy(line -> assertThat(line).contains("CommitIngested", "[" + traceId + "," + sha));
  }

  @Test
  void readCommittedConsumersNeverSeeSourcesWithoutTheirManifest() {
    String sha =
        repo.write("atomic/book.yml", "id: " + bookId + "-atomic\ntitle: Atomic\n")
            .write("atomic/a.md", "# A\n")
            .write("atomic/b.md", "# B\n")
            .commit("Atomic book");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
                    .anyMatch(
                        r ->
                            EventJson.fromBytes(r.value(), CommitEvent.class)
                                .commit()
                                .equals(sha)));
    // every source a read_committed consumer sees belongs to a commit whose manifest it also sees
    java.util.Set<String> manifests = new java.util.HashSet<>();
    TopicReader.readAll(bootstrap, Topics.COMMITS)
        .forEach(
            r -> {
              if (EventJson.fromBytes(r.value(), CommitEvent.class) instanceof CommitIngested m) {
                manifests.add(m.bookId() + "@" + m.commit());
              }
            });
    List<SourceDocument> docs =
        TopicReader.readAll(bootstrap, Topics.SOURCE).stream()
            .filter(r -> r.value() != null)
            .map(r -> EventJson.fromBytes(r.value(), SourceDocument.class))
            .toList();
    assertThat(docs).isNotEmpty();
    assertThat(docs).allSatisfy(d -> assertThat(manifests).contains(d.bookId() + "@" + d.commit()));
  }

  @Test
  void countsEachPublishedCommit() throws Exception {
    double before = published(http("/actuator/prometheus"), "ingested");
    repo.write("counted/book.yml", "id: " + bookId + "-counted\ntitle: Counted\n")
        .write("counted/one.md", "# One\n")
        .commit("Counted book");
    // the publisher's counting decorator is declared with it, not applied behind its back
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> published(http("/actuator/prometheus"), "ingested") > before);
  }

  /** The {@code galley.ingest.commits} count of {@code status} in a Prometheus scrape. */
  private static double published(String scrape, String status) {
    return scrape
        .lines()
        .filter(l -> l.startsWith("galley_ingest_commits_total{"))
        .filter(l -> l.contains("status=\"" + status + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void ingestsCommitsEditsAndRejectsBrokenChapters() throws Exception {
    byte[] png = TestImages.png(8, 8, Color.GREEN);
    String first =
        repo.write(
                "guide/book.yml",
                "id: "
                    + bookId
                    + "\ntitle: Field Guide\nauthors: [Ada]\n"
                    + "chapters: [intro.md, usage.md, end.md]\n")
            .write("guide/intro.md", "# Introduction\n\n![Figure](img/fig.png \"A figure\")\n")
            .write("guide/usage.md", "---\ntitle: Using it\n---\nSee [intro](intro.md).\n")
            .write("guide/end.md", "# The End\n")
            .write("guide/img/fig.png", png)
            .commit("Add the guide");

    CommitIngested manifest = (CommitIngested) awaitCommit(first);
    assertThat(manifest.snapshot()).isTrue();
    assertThat(manifest.parent()).isNull();
    assertThat(manifest.author()).isEqualTo("Ada Editor <ada@example.org>");
    assertThat(manifest.book().title()).isEqualTo("Field Guide");
    assertThat(manifest.chapters())
        .extracting(c -> c.docId() + "=" + c.title())
        .containsExactly("intro=Introduction", "usage=Using it", "end=The End");
    assertThat(manifest.changed()).containsExactly("intro", "usage", "end");
    String sha = Digests.sha256Hex(png);
    assertThat(manifest.assets())
        .singleElement()
        .satisfies(a -> assertThat(a.sha256()).isEqualTo(sha))
        .satisfies(a -> assertThat(a.path()).isEqualTo("img/fig.png"));

    List<ConsumerRecord<String, byte[]>> firstSources = sources(first);
    assertThat(firstSources)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(bookId + "/intro", bookId + "/usage", bookId + "/end");
    SourceDocument intro =
        firstSources.stream()
            .filter(r -> r.key().endsWith("/intro"))
            .map(r -> EventJson.fromBytes(r.value(), SourceDocument.class))
            .findFirst()
            .orElseThrow();
    assertThat(intro.path()).isEqualTo("guide/intro.md");
    assertThat(intro.assets()).extracting(a -> a.sha256()).containsExactly(sha);
    assertThat(EventHeaders.get(firstSources.get(0).headers(), EventHeaders.TYPE))
        .isEqualTo("SourceDocument");
    assertThat(EventHeaders.get(firstSources.get(0).headers(), EventHeaders.SOURCE))
        .isEqualTo("ingest-service");

    // the image went to the blob store (claim check), not to Kafka
    try (DirectoryBlobStore store = new DirectoryBlobStore(blobs);
        InputStream in = store.open(sha)) {
      assertThat(in.readAllBytes()).isEqualTo(png);
      assertThat(store.stat(sha).orElseThrow().mediaType()).isEqualTo("image/png");
    }
    assertThat(topicNames()).doesNotContain("guide.assets.v1");

    String second =
        repo.write("guide/usage.md", "---\ntitle: Using it well\n---\nBetter.\n")
            .commit("Improve usage");
    CommitIngested edit = (CommitIngested) awaitCommit(second);
    assertThat(edit.snapshot()).isFalse();
    assertThat(edit.parent()).isEqualTo(first);
    assertThat(edit.changed()).containsExactly("usage");
    assertThat(edit.chapters())
        .extracting(c -> c.title())
        .containsExactly("Introduction", "Using it well", "The End");
    assertThat(sources(second)).extracting(ConsumerRecord::key).containsExactly(bookId + "/usage");

    String third =
        repo.write(
                "guide/book.yml",
                "id: "
                    + bookId
                    + "\ntitle: Field Guide\nchapters: [intro.md, usage.md, end.md, broken.md]\n")
            .write("guide/broken.md", "---\ntitle: [unclosed\n---\n# Broken\n")
            .commit("Add a broken chapter");
    CommitRejected rejected = (CommitRejected) awaitCommit(third);
    assertThat(rejected.problems())
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .startsWith("guide/broken.md:2: malformed front matter");
    assertThat(sources(third)).isEmpty();
  }

  @Test
  void resolvesMdBookIncludesAndRejectsBadOnesAtTheirLine() throws Exception {
    String id = bookId + "-includes";
    String main = "package main\n// ANCHOR: main\nfunc main() {}\n// ANCHOR_END: main\n";
    String first =
        repo.write("mdbook/book.yml", "id: " + id + "\ntitle: Includes\n")
            .write("mdbook/SUMMARY.md", "# Summary\n\n- [Code](code.md)\n")
            .write("mdbook/code.md", "# Code\n\n```go\n{{#include src/main.go:main}}\n```\n")
            .write("mdbook/src/main.go", main)
            .commit("A chapter that includes code");
    assertThat(awaitCommit(id, first)).isInstanceOf(CommitIngested.class);
    assertThat(markdownOf(id, first)).isEqualTo("# Code\n\n```go\nfunc main() {}\n```\n");

    String second =
        repo.write("mdbook/src/main.go", main.replace("{}", "{ run() }"))
            .commit("Only the included file changes");
    CommitIngested edit = (CommitIngested) awaitCommit(id, second);
    assertThat(edit.changed()).containsExactly("code");
    assertThat(markdownOf(id, second)).contains("func main() { run() }");

    repo.write("secret.go", "package secret\n");
    Files.createSymbolicLink(repo.dir().resolve("mdbook/src/link.go"), Path.of("../../secret.go"));
    String third =
        repo.write(
                "mdbook/code.md",
                "# Code\n\n{{#include src/gone.go}}\n{{#include ../secret.go}}\n"
                    + "{{#include src/link.go}}\n{{#include src/main.go:nope}}\n")
            .commit("Bad includes");
    CommitRejected rejected = (CommitRejected) awaitCommit(id, third);
    assertThat(rejected.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "mdbook/code.md:3: include of missing file src/gone.go",
            "mdbook/code.md:4: include of ../secret.go leads outside the book folder",
            "mdbook/code.md:5: include of src/link.go leads outside the book folder",
            "mdbook/code.md:6: no ANCHOR: nope in src/main.go");
  }

  private static CommitEvent awaitCommit(String book, String sha) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
                    .filter(r -> book.equals(r.key()))
                    .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
                    .filter(e -> e.commit().equals(sha))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  private static String markdownOf(String book, String commit) {
    return TopicReader.readAll(bootstrap, Topics.SOURCE).stream()
        .filter(r -> r.key().equals(book + "/code") && r.value() != null)
        .map(r -> EventJson.fromBytes(r.value(), SourceDocument.class))
        .filter(d -> d.commit().equals(commit))
        .findFirst()
        .orElseThrow()
        .markdown();
  }
}
