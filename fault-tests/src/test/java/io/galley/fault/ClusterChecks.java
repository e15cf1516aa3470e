package io.galley.fault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Observes the cluster as a client would and turns what it sees into a {@link ClusterReport}. */
final class ClusterChecks {

  private final ClusterStack stack;
  private final ClusterKafka kafka;
  private final List<String> books;
  private final ClusterDownloads downloader;

  ClusterChecks(ClusterStack stack, ClusterKafka kafka, List<String> books) {
    this.stack = stack;
    this.kafka = kafka;
    this.books = List.copyOf(books);
    this.downloader = new ClusterDownloads(stack, books);
  }

  /** Whether every format of every book's last commit is on the editions topic. */
  boolean allPublished(Map<String, List<String>> commitsByBook) {
    Set<String> published = new HashSet<>();
    for (ClusterReport.Edition e : kafka.editionEvents()) {
      if (e.published()) {
        published.add(e.bookId() + "@" + e.commit() + "/" + e.format());
      }
    }
    return commitsByBook.entrySet().stream()
        .allMatch(
            b ->
                ClusterReport.FORMATS.stream()
                    .allMatch(
                        f ->
                            published.contains(
                                b.getKey()
                                    + "@"
                                    + b.getValue().get(b.getValue().size() - 1)
                                    + "/"
                                    + f)));
  }

  /** Whether the end state holds: last editions published and served everywhere, all healthy. */
  boolean settled(Map<String, List<String>> commitsByBook) throws Exception {
    return report(commitsByBook, List.of(), Map.of()).endStateViolations().isEmpty();
  }

  ClusterReport report(
      Map<String, List<String>> commitsByBook,
      List<ClusterDownload> duringRun,
      Map<String, Integer> counters)
      throws Exception {
    List<ClusterDownload> atEnd = new ArrayList<>();
    Map<String, Integer> sites = new LinkedHashMap<>();
    Map<String, Integer> health = new LinkedHashMap<>();
    for (ClusterStack.Instance i : stack.instances()) {
      health.put(i.name(), stack.status(i.url("/actuator/health")));
      for (String book : books) {
        if (i.service().equals("export")) {
          atEnd.add(downloader.fetch(i, book, "PDF"));
          atEnd.add(downloader.fetch(i, book, "EPUB"));
        } else if (i.service().equals("render")) {
          sites.put(i.name() + " " + book, stack.status(i.url("/books/" + book + "/")));
        }
      }
    }
    return new ClusterReport(
        commitsByBook,
        kafka.commitEvents(),
        kafka.editionEvents(),
        List.copyOf(duringRun),
        atEnd,
        sites,
        health,
        kafka.replicationFactors(),
        counters);
  }
}
