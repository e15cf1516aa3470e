package io.galley.ingest.commits;

import io.galley.ingest.IngestProperties;
import io.galley.ingest.book.BookFiles;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.git.ContentRepository;
import io.galley.ingest.lease.IngestLease;
import io.galley.ingest.publishing.PublishingTerm;
import io.galley.ingest.publishing.TransactionalPublishers;
import io.galley.ingest.validation.Problems;
import io.galley.testsupport.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.unit.DataSize;

/**
 * Measurement, not a test (issue 9): {@code java -cp <test classpath> ...IngestMeasure <corpus
 * repo> [edits]} copies a corpus repository (book folder {@code book/}), then prints wall and
 * process CPU times of loading its head cold and warm, of ingesting it to a real (in-JVM) broker,
 * and of one-chapter edit commits. No assertions: the figures go to the report.
 */
public final class IngestMeasure {

  private static final long MAX_DOC = 2L * 1024 * 1024;
  private static final long MAX_ASSET = 10L * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path work = Files.createTempDirectory("galley-measure");
    Path copy = work.resolve("content");
    copyTree(corpus, copy);
    String head;
    try (ContentRepository repo = ContentRepository.open(copy.toString(), null, work, null)) {
      head = repo.head().orElseThrow();
      BookLoader loader = new BookLoader(MAX_DOC, MAX_ASSET);
      print("load, cold JVM, cold cache", time(() -> load(loader, repo.files(head))));
      printCpu("load, cold JVM, cold cache", List.of(lastCpu));
      List<Double> warm = new ArrayList<>();
      List<Double> warmCpu = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        warm.add(time(() -> load(loader, repo.files(head))));
        warmCpu.add(lastCpu);
      }
      print("load, same commit again (median of 5)", median(warm));
      printCpu("load, same commit again (median of 5)", warmCpu);
      List<Double> fresh = new ArrayList<>();
      List<Double> freshCpu = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        BookLoader l = new BookLoader(MAX_DOC, MAX_ASSET);
        fresh.add(time(() -> load(l, repo.files(head))));
        freshCpu.add(lastCpu);
      }
      print("load, warm JVM, cold cache (median of 5)", median(fresh));
      printCpu("load, warm JVM, cold cache (median of 5)", freshCpu);
    }
    String bootstrap = KafkaBroker.selected().bootstrapServers();
    IngestProperties props =
        new IngestProperties(
            copy.toString(),
            null,
            List.of(),
            java.time.Duration.ofHours(1),
            work.resolve("state"),
            3,
            null,
            null,
            DataSize.ofMegabytes(2),
            DataSize.ofMegabytes(10),
            "measure",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "galley-measure-" + System.nanoTime(),
            null,
            null,
            null);
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(bootstrap));
    CommitLog log = new CommitLog();
    BookLoader loader = new BookLoader(MAX_DOC, MAX_ASSET);
    IngestLease lease = new IngestLease(kafka, props);
    lease.start();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(lease::held);
    IngestRole role =
        new IngestRole(
            lease,
            new PublishingTerm(kafka, kafka::getBootstrapServers, props),
            new CommitHistoryReader(kafka),
            log,
            "measure",
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    RepositoryPoller poller =
        new RepositoryPoller(
            props,
            role,
            log,
            new BookIngestor(
                loader,
                TransactionalPublishers.create(bootstrap, "galley-measure-" + System.nanoTime()),
                log),
            io.galley.observability.CommitTracing.none());
    print("poll+ingest to Kafka, first commit (snapshot)", time(poller::poll));
    printCpu("poll+ingest to Kafka, first commit (snapshot)", List.of(lastCpu));
    List<Double> edited = new ArrayList<>();
    List<Double> editedCpu = new ArrayList<>();
    try (Git git = Git.open(copy.toFile())) {
      List<Path> chapters;
      try (Stream<Path> s = Files.list(copy.resolve("book/chapters"))) {
        chapters = s.sorted().toList();
      }
      for (int i = 0; i < edits; i++) {
        Path chapter = chapters.get((i * 37 + chapters.size() / 2) % chapters.size());
        Files.writeString(
            chapter,
            "\nAn edit, number " + i + ", to measure ingest.\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        git.add().addFilepattern(copy.relativize(chapter).toString()).call();
        git.commit().setMessage("edit " + i).call();
        edited.add(time(poller::poll));
        editedCpu.add(lastCpu);
      }
    }
    print("poll+ingest to Kafka, one-chapter edit (median of " + edits + ")", median(edited));
    printCpu("poll+ingest to Kafka, one-chapter edit (median of " + edits + ")", editedCpu);
    print("poll+ingest to Kafka, one-chapter edit (max)", Collections.max(edited));
    System.out.println("edits: " + edited);
    System.out.println("last: " + log.newestFirst().get(0).getClass().getSimpleName());
    poller.close();
    try (Stream<Path> s = Files.walk(work)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    System.exit(0);
  }

  private static void load(BookLoader loader, BookFiles files) {
    Problems problems = new Problems();
    if (loader.load(files, "book", "book", problems).isEmpty()) {
      throw new IllegalStateException("not loaded: " + problems.all());
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static double lastCpu;

  /** Wall time in ms; the process's CPU time of the same run goes to {@link #lastCpu}. */
  private static double time(Runnable r) {
    long cpu = OS.getProcessCpuTime();
    long t = System.nanoTime();
    r.run();
    double wall = (System.nanoTime() - t) / 1e6;
    lastCpu = (OS.getProcessCpuTime() - cpu) / 1e6;
    return wall;
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void print(String what, double millis) {
    System.out.printf("%-60s %8.1f ms%n", what, millis);
  }

  private static void printCpu(String what, List<Double> cpu) {
    System.out.printf("%-60s %8.1f ms%n", what + " [process CPU]", median(cpu));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
