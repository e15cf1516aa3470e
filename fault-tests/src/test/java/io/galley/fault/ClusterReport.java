package io.galley.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a cluster run did and which of issue 14's invariants it broke, from what was observed: the
 * commits made, the topics' events, the downloads taken during the run and at the end, and the site
 * answers of every render instance. Pure: no I/O, so each rule is unit-tested.
 *
 * @param commitsByBook every commit made, per book, oldest first
 * @param commitEvents every committed record of {@code guide.commits.v1}, in order
 * @param editionEvents every committed record of {@code guide.editions.v1}, in order
 * @param duringRun downloads taken while instances and a broker were added, stopped and killed
 * @param atEnd each export instance's latest PDF and EPUB of each book, once the run settled
 * @param sites each render instance's status for each book's site, keyed {@code "render-1 book-a"}
 * @param health each instance's health status at the end, by name
 * @param replication the smallest replica count of each topic's partitions
 * @param counters what was done (commits, kills, rebalances ...), in the order to print
 */
record ClusterReport(
    Map<String, List<String>> commitsByBook,
    List<Decision> commitEvents,
    List<Edition> editionEvents,
    List<ClusterDownload> duringRun,
    List<ClusterDownload> atEnd,
    Map<String, Integer> sites,
    Map<String, Integer> health,
    Map<String, Integer> replication,
    Map<String, Integer> counters) {

  /** A record of {@code guide.commits.v1}: ingest's decision about one commit of one book. */
  record Decision(String bookId, String commit, boolean rejected) {}

  /**
   * A record of {@code guide.editions.v1}: a published edition (error null) or a failed one.
   *
   * @param format HTML, PDF or EPUB
   */
  record Edition(String bookId, String commit, String format, String sha256, String error) {
    boolean published() {
      return error == null;
    }
  }

  static final List<String> FORMATS = List.of("HTML", "PDF", "EPUB");

  private static final Pattern JOINED =
      Pattern.compile(
          "groupId=([^\\]]+)\\] Successfully joined group with generation"
              + " Generation\\{generationId=(\\d+)");

  /**
   * Rebalances in the services' logs: each (consumer group, generation) a member joined, once,
   * however many members and listener containers logged it.
   */
  static long rebalances(Stream<String> logLines) {
    return logLines
        .map(JOINED::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1) + "#" + m.group(2))
        .distinct()
        .count();
  }

  /** Statuses that mean "not served now" rather than "served wrongly". */
  static boolean unavailable(int status) {
    return status == -1 || status == 404 || status == 503;
  }

  /** Every broken invariant, one line each; empty when the run held. */
  List<String> violations() {
    List<String> out = new ArrayList<>();
    checkCommits(out);
    Map<String, Set<String>> shas = publishedShas();
    shas.forEach(
        (key, files) -> {
          if (files.size() > 1) {
            out.add(key + " was published with " + files.size() + " different files " + files);
          }
        });
    for (ClusterDownload d : duringRun) {
      if (!unavailable(d.status())) {
        String problem = problem(d, shas);
        if (problem != null) {
          out.add("download during the run: " + d.describe() + ": " + problem);
        }
      }
    }
    out.addAll(endStateViolations());
    replication.forEach(
        (topic, rf) -> {
          if (rf < ClusterBrokers.REPLICATION_FACTOR) {
            out.add("topic " + topic + " has replication factor " + rf + ", not 3");
          }
        });
    return out;
  }

  /**
   * The violations of the state the run ends in: each book's last commit published in every format
   * and served by every export instance, every site served by every render instance, every instance
   * healthy. The run waits (bounded) for these to clear before it reports.
   */
  List<String> endStateViolations() {
    List<String> out = new ArrayList<>();
    checkLatest(out, publishedShas());
    sites.forEach(
        (key, status) -> {
          if (status != 200) {
            String[] parts = key.split(" ", 2);
            out.add(parts[0] + " answers " + status + " for the site of " + parts[1]);
          }
        });
    health.forEach(
        (instance, status) -> {
          if (status != 200) {
            out.add(instance + " is not healthy at the end (" + status + ")");
          }
        });
    return out;
  }

  private void checkCommits(List<String> out) {
    Map<String, List<Decision>> decisions = new HashMap<>();
    commitEvents.forEach(
        e ->
            decisions
                .computeIfAbsent(e.bookId() + "@" + e.commit(), k -> new ArrayList<>())
                .add(e));
    commitsByBook.forEach(
        (book, commits) -> {
          for (String commit : commits) {
            List<Decision> seen = decisions.getOrDefault(book + "@" + commit, List.of());
            if (seen.isEmpty()) {
              out.add("commit " + commit + " of " + book + " is not on guide.commits.v1");
            } else if (seen.size() > 1) {
              out.add(
                  "commit "
                      + commit
                      + " of "
                      + book
                      + " was published "
                      + seen.size()
                      + " times on guide.commits.v1");
            }
            if (seen.stream().anyMatch(Decision::rejected)) {
              out.add("commit " + commit + " of " + book + " was rejected");
            }
          }
        });
  }

  private void checkLatest(List<String> out, Map<String, Set<String>> shas) {
    commitsByBook.forEach(
        (book, commits) -> {
          String last = commits.get(commits.size() - 1);
          for (String format : FORMATS) {
            if (!shas.containsKey(key(book, last, format))) {
              out.add(
                  book
                      + "'s "
                      + format
                      + " edition of its last commit "
                      + last
                      + " was not published (newest published: "
                      + newest(book, format)
                      + failure(book, last, format)
                      + ")");
            }
          }
          for (ClusterDownload d : atEnd) {
            if (!d.bookId().equals(book)) {
              continue;
            }
            Set<String> expected = shas.getOrDefault(key(book, last, d.format()), Set.of());
            String problem =
                d.status() != 200
                    ? "not served" + (d.status() == -1 ? " (" + d.problem() + ")" : "")
                    : problem(d, shas);
            if (problem == null && !expected.contains(d.sha256())) {
              problem = "not the last commit's edition " + expected;
            }
            if (problem != null) {
              out.add("at the end, latest " + d.describe() + ": " + problem);
            }
          }
        });
  }

  /** Why a download with a body is not a complete published file, or null. */
  private static String problem(ClusterDownload d, Map<String, Set<String>> shas) {
    if (d.status() != 200) {
      return "answered " + d.status();
    }
    if (d.problem() != null) {
      return d.problem();
    }
    if (!d.sha256().equals(d.etag())) {
      return "sha256 " + d.sha256() + " != ETag " + d.etag();
    }
    boolean published =
        shas.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().startsWith(d.bookId() + "@")
                        && e.getKey().endsWith("/" + d.format())
                        && e.getValue().contains(d.sha256()));
    return published ? null : "sha256 " + d.sha256() + " is no published edition of the book";
  }

  /** The sha256s published for each {@code book@commit/format}. */
  private Map<String, Set<String>> publishedShas() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Edition e : editionEvents) {
      if (e.published()) {
        out.computeIfAbsent(key(e.bookId(), e.commit(), e.format()), k -> new LinkedHashSet<>())
            .add(e.sha256());
      }
    }
    return out;
  }

  private String newest(String book, String format) {
    String newest = "none";
    for (Edition e : editionEvents) {
      if (e.published() && e.bookId().equals(book) && e.format().equals(format)) {
        newest = e.commit();
      }
    }
    return newest;
  }

  private String failure(String book, String commit, String format) {
    for (Edition e : editionEvents) {
      if (!e.published()
          && e.bookId().equals(book)
          && e.commit().equals(commit)
          && e.format().equals(format)) {
        return "; it failed: " + e.error();
      }
    }
    return "";
  }

  private static String key(String book, String commit, String format) {
    return book + "@" + commit + "/" + format;
  }

  /** The report as printed: the counters, then one line per violation. */
  String text() {
    List<String> violations = violations();
    StringBuilder s = new StringBuilder("[cluster] REPORT");
    counters.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    long published = editionEvents.stream().filter(Edition::published).count();
    long valid = duringRun.stream().filter(d -> d.status() == 200).count();
    s.append(" editions-published=").append(published);
    s.append(" downloads-checked=").append(valid);
    s.append(" violations=").append(violations.size()).append('\n');
    violations.forEach(v -> s.append("[cluster] VIOLATION ").append(v).append('\n'));
    return s.toString();
  }
}
