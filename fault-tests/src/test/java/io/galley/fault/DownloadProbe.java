package io.galley.fault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Polls {@code latest.pdf} and {@code latest.epub} on its own thread and validates every file it
 * gets: the body's sha256 equals its ETag, a PDF loads in PDFBox with pages, an EPUB is a complete
 * zip whose first entry is {@code mimetype}. Connection failures (the service is down) are counted,
 * not violations: a client sees a broken download, never a complete-looking partial one.
 */
final class DownloadProbe implements AutoCloseable {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final Thread thread;
  private volatile boolean running = true;
  final AtomicInteger valid = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final List<String> violations = new CopyOnWriteArrayList<>();

  /**
   * sha256 of every valid download, by extension: checked against the listed editions at the end.
   */
  final Map<String, Set<String>> served = new ConcurrentHashMap<>();

  DownloadProbe(String exportBase, String bookId) {
    this.base = exportBase + "/books/" + bookId + "/latest.";
    this.thread = new Thread(this::run, "fault-download-probe");
    thread.setDaemon(true);
  }

  DownloadProbe start() {
    thread.start();
    return this;
  }

  private void run() {
    int n = 0;
    while (running) {
      String ext = n++ % 2 == 0 ? "pdf" : "epub";
      check(ext);
      try {
        Thread.sleep(150); // pacing between downloads, not a wait for a condition
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Downloads and validates once; returns the sha256 of a valid download, else null. */
  String check(String ext) {
    HttpResponse<byte[]> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + ext))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      unavailable.incrementAndGet();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (r.statusCode() == 404 || r.statusCode() == 503) {
      unavailable.incrementAndGet();
      return null;
    }
    byte[] body = r.body();
    String sha = sha256(body);
    String etag = r.headers().firstValue("ETag").orElse("").replace("\"", "");
    String problem =
        r.statusCode() != 200
            ? "status " + r.statusCode()
            : !sha.equals(etag)
                ? "sha256 " + sha + " != ETag " + etag
                : ext.equals("pdf") ? pdfProblem(body) : epubProblem(body);
    if (problem != null) {
      violations.add("latest." + ext + " (" + body.length + " bytes): " + problem);
      return null;
    }
    valid.incrementAndGet();
    served.computeIfAbsent(ext, k -> ConcurrentHashMap.newKeySet()).add(sha);
    return sha;
  }

  static String pdfProblem(byte[] body) {
    // PDFBox repairs truncated files, so completeness is checked first: a PDF ends with %%EOF
    String tail =
        new String(
                body,
                Math.max(0, body.length - 32),
                Math.min(32, body.length),
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .strip();
    if (!tail.endsWith("%%EOF")) {
      return "does not end with %%EOF (truncated)";
    }
    try (PDDocument pdf = Loader.loadPDF(body)) {
      return pdf.getNumberOfPages() > 0 ? null : "a PDF without pages";
    } catch (IOException | RuntimeException e) {
      return "not a loadable PDF: " + e;
    }
  }

  static String epubProblem(byte[] body) {
    if (!hasEndOfCentralDirectory(body)) {
      return "no end-of-central-directory record (truncated zip)";
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
      ZipEntry first = zip.getNextEntry();
      if (first == null || !first.getName().equals("mimetype")) {
        return "first zip entry is not mimetype";
      }
      boolean container = false;
      int entries = 0;
      for (ZipEntry e = first; e != null; e = zip.getNextEntry()) {
        zip.readAllBytes(); // a truncated entry throws here
        container |= e.getName().equals("META-INF/container.xml");
        entries++;
      }
      return container && entries > 2 ? null : "an EPUB without META-INF/container.xml or content";
    } catch (IOException | RuntimeException e) {
      return "not a complete zip: " + e;
    }
  }

  /** A complete zip ends with the end-of-central-directory record (PK 5 6, then a comment). */
  private static boolean hasEndOfCentralDirectory(byte[] b) {
    for (int i = b.length - 22; i >= 0 && i >= b.length - 22 - 65_535; i--) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
        int comment = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
        return i + 22 + comment == b.length;
      }
    }
    return false;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(30_000);
  }
}
