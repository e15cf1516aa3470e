package io.galley.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads every book's {@code latest.pdf} and {@code latest.epub} from the running export
 * instances in turn, on its own thread, keeping every answer with a body for the final checks.
 * Connection failures, 404 and 503 (an instance starting, stopping or without that book yet) are
 * counted as unavailable, not kept: a client sees a failed download, never a partial-looking one.
 */
final class ClusterDownloads implements AutoCloseable {

  private static final List<String> FORMATS = List.of("PDF", "EPUB");

  private final ClusterStack stack;
  private final List<String> books;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread thread = new Thread(this::run, "cluster-download-probe");
  private volatile boolean running = true;
  final List<ClusterDownload> downloads = new CopyOnWriteArrayList<>();
  final AtomicInteger unavailable = new AtomicInteger();

  ClusterDownloads(ClusterStack stack, List<String> books) {
    this.stack = stack;
    this.books = List.copyOf(books);
    thread.setDaemon(true);
  }

  ClusterDownloads start() {
    thread.start();
    return this;
  }

  private void run() {
    long n = 0;
    while (running) {
      List<ClusterStack.Instance> exports = stack.alive("export");
      if (!exports.isEmpty()) {
        ClusterStack.Instance instance = exports.get((int) (n % exports.size()));
        String book = books.get((int) (n / exports.size() % books.size()));
        String format = FORMATS.get((int) (n / exports.size() / books.size() % FORMATS.size()));
        ClusterDownload d = fetch(instance, book, format);
        if (ClusterReport.unavailable(d.status())) {
          unavailable.incrementAndGet();
        } else {
          downloads.add(d);
        }
        n++;
      }
      try {
        Thread.sleep(250); // pacing between downloads, not a wait for a condition
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Downloads and checks once; status -1 when nothing answered. */
  ClusterDownload fetch(ClusterStack.Instance instance, String book, String format) {
    String ext = format.toLowerCase(Locale.ROOT);
    HttpResponse<byte[]> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(instance.url("/books/" + book + "/latest." + ext)))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new ClusterDownload(instance.name(), book, format, -1, "", "", 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ClusterDownload(instance.name(), book, format, -1, "", "", 0, "interrupted");
    }
    byte[] body = r.body();
    String problem =
        r.statusCode() != 200
            ? null
            : ext.equals("pdf") ? DownloadProbe.pdfProblem(body) : DownloadProbe.epubProblem(body);
    return new ClusterDownload(
        instance.name(),
        book,
        format,
        r.statusCode(),
        DownloadProbe.sha256(body),
        r.headers().firstValue("ETag").orElse("").replace("\"", ""),
        body.length,
        problem);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(40_000);
  }
}
