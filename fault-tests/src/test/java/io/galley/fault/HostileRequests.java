package io.galley.fault;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The worst requests a stranger can send to each public endpoint (issue 16): oversized and
 * pathological Markdown to the preview, the diff of two versions of a 6,000-line chapter where
 * every line changed, 50 MB webhook bodies with junk signatures, held-open event streams, the
 * dead-letter list, site zips, and downloads with many ranges.
 */
final class HostileRequests {

  /** A request timeout: a request without a response by then counts as a hang. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final int FIFTY_MB_CHUNKS = 800; // 800 x 64 KiB = 50 MiB

  /** One endpoint under load: its cases are sent round-robin by its workers. */
  record Endpoint(String name, List<Case> cases, boolean stream) {
    Endpoint {
      cases = List.copyOf(cases);
    }
  }

  /** One worst case: what it is, and a fresh request for it. */
  record Case(String label, Supplier<HttpRequest> request) {}

  private HostileRequests() {}

  static List<Endpoint> all(LoadTarget t) {
    return List.of(
        preview(t), diff(t), webhook(t), events(t), deadLetters(t), siteZip(t), downloads(t));
  }

  static Endpoint preview(LoadTarget t) {
    StringBuilder table = new StringBuilder("|");
    table.append("h|".repeat(1000)).append('\n').append("|");
    table.append("-|".repeat(1000)).append('\n');
    table.append("|x\n".repeat(300_000)); // 904 KB: 1,000 columns, then 300,000 one-cell rows
    List<Case> cases = new ArrayList<>();
    cases.add(markdown(t, "table 1000 cols x 300k rows", table.toString()));
    cases.add(markdown(t, "800 KB of bare # lines", "#\n".repeat(400_000)));
    cases.add(markdown(t, "800 KB of # a headings", "# a\n".repeat(200_000)));
    cases.add(markdown(t, "800 KB of >", ">".repeat(800_000)));
    cases.add(markdown(t, "800 KB of [", "[".repeat(800_000)));
    cases.add(markdown(t, "800 KB of *", "*".repeat(800_000)));
    cases.add(
        new Case(
            "50 MB chunked",
            () ->
                post(t, "render", "/api/preview", fiftyMegabytes("a paragraph\n"))
                    .header("Content-Type", "text/markdown")
                    .build()));
    return new Endpoint("POST /api/preview", cases, false);
  }

  static Endpoint diff(LoadTarget t) {
    String base = "/books/" + t.bookId() + "/diff?from=" + t.fromCommit() + "&to=" + t.toCommit();
    String back = "/books/" + t.bookId() + "/diff?from=" + t.toCommit() + "&to=" + t.fromCommit();
    return new Endpoint(
        "GET /books/{id}/diff",
        List.of(
            get(t, "export", "6000 changed lines", base),
            get(t, "export", "reversed", back),
            get(t, "export", "one doc", base + "&doc=" + t.docId())),
        false);
  }

  static Endpoint webhook(LoadTarget t) {
    String junk = "sha256=" + "0f".repeat(32);
    return new Endpoint(
        "POST /webhooks/git",
        List.of(
            new Case(
                "50 MB chunked, junk signature",
                () ->
                    post(t, "ingest", "/webhooks/git", fiftyMegabytes("{\"ref\":\"refs/heads/x\""))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", junk)
                        .build()),
            new Case(
                "50 MB chunked, no signature",
                () ->
                    post(t, "ingest", "/webhooks/git", fiftyMegabytes("[[[[[[[["))
                        .header("Content-Type", "application/json")
                        .build()),
            new Case(
                "small, junk signatures",
                () ->
                    post(t, "ingest", "/webhooks/git", BodyPublishers.ofString("{\"ref\":1}"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=zz" + "1".repeat(4000))
                        .header("X-Gitlab-Token", "x".repeat(4000))
                        .build())),
        false);
  }

  static Endpoint events(LoadTarget t) {
    return new Endpoint(
        "GET /api/events (held)",
        List.of(
            new Case(
                "SSE held open",
                () ->
                    HttpRequest.newBuilder(t.uri("export", "/api/events"))
                        .header("Accept", "text/event-stream")
                        .timeout(TIMEOUT)
                        .build())),
        true);
  }

  static Endpoint deadLetters(LoadTarget t) {
    return new Endpoint(
        "GET /api/dlt", List.of(get(t, "ingest", "all dead letters", "/api/dlt")), false);
  }

  static Endpoint siteZip(LoadTarget t) {
    String prefix = "/books/" + t.bookId() + "/@";
    return new Endpoint(
        "GET /books/{id}/@{commit}.zip",
        List.of(
            get(t, "render", "zip of the new commit", prefix + t.toCommit() + ".zip"),
            get(t, "render", "zip of the old commit", prefix + t.fromCommit() + ".zip")),
        false);
  }

  static Endpoint downloads(LoadTarget t) {
    List<Case> cases = new ArrayList<>();
    for (String ext : List.of("pdf", "epub")) {
      long length = t.downloadBytes().getOrDefault(ext, 100_000L);
      String path = "/books/" + t.bookId() + "/latest." + ext;
      cases.add(ranged(t, path, ext + " 100 one-byte ranges", oneByteRanges(100)));
      cases.add(ranged(t, path, ext + " 2000 one-byte ranges", oneByteRanges(2000)));
      cases.add(ranged(t, path, ext + " 99 slices of the file", slices(length, 99)));
      cases.add(
          ranged(t, path, ext + " 60 overlapping whole-file ranges", "0-,".repeat(59) + "0-"));
      cases.add(ranged(t, path, ext + " whole file", "0-"));
    }
    return new Endpoint("GET /books/{id}/latest.pdf|epub", cases, false);
  }

  private static String oneByteRanges(int n) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < n; i++) {
      r.append(i == 0 ? "" : ",").append(2 * i).append('-').append(2 * i);
    }
    return r.toString();
  }

  /** {@code n} ranges that together cover just under the whole file. */
  private static String slices(long length, int n) {
    long step = Math.max(2, length / n);
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < n && i * step + step - 2 < length; i++) {
      r.append(i == 0 ? "" : ",").append(i * step).append('-').append(i * step + step - 2);
    }
    return r.toString();
  }

  private static Case ranged(LoadTarget t, String path, String label, String ranges) {
    return new Case(
        label,
        () ->
            HttpRequest.newBuilder(t.uri("export", path))
                .header("Range", "bytes=" + ranges)
                .timeout(TIMEOUT)
                .build());
  }

  private static Case markdown(LoadTarget t, String label, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    return new Case(
        label,
        () ->
            post(t, "render", "/api/preview", BodyPublishers.ofByteArray(body))
                .header("Content-Type", "text/markdown")
                .build());
  }

  private static Case get(LoadTarget t, String service, String label, String path) {
    return new Case(
        label, () -> HttpRequest.newBuilder(t.uri(service, path)).timeout(TIMEOUT).build());
  }

  private static HttpRequest.Builder post(
      LoadTarget t, String service, String path, BodyPublisher body) {
    return HttpRequest.newBuilder(t.uri(service, path)).timeout(TIMEOUT).POST(body);
  }

  /** 50 MiB of no declared length (so sent chunked), from one shared 64 KiB block. */
  static BodyPublisher fiftyMegabytes(String start) {
    byte[] head = start.getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[64 * 1024];
    java.util.Arrays.fill(block, (byte) 'a');
    for (int i = 63; i < block.length; i += 64) {
      block[i] = '\n';
    }
    Iterable<byte[]> parts =
        () ->
            Stream.concat(Stream.of(head), Stream.generate(() -> block).limit(FIFTY_MB_CHUNKS))
                .iterator();
    return BodyPublishers.ofByteArrays(parts);
  }
}
