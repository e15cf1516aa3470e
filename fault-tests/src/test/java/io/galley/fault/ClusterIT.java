package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 14's cluster test: three KRaft brokers (replication 3, min.insync.replicas 2), S3Proxy as
 * the blob store, 2 ingest, 3 render and 3 export instances, 3 books in one git repository. While
 * commits stream in, instances are added, stopped and SIGKILLed and one broker is SIGKILLed and
 * restarted; downloads are taken from every export instance all along. Then {@link ClusterReport}
 * checks the invariants and prints commits, kills, rebalances and violations (the goal: 0).
 *
 * <p>Short by default (CI: {@value #SHORT_COMMITS} commits); {@code -Dgalley.cluster.commits=120
 * -Dgalley.cluster.budget-minutes=25} (the {@code cluster-long} profile) is the long run. {@code
 * -Dgalley.cluster.report-only=true} prints the report without failing on violations.
 */
class ClusterIT {

  static final int SHORT_COMMITS = 24;
  static final List<String> BOOKS = List.of("book-a", "book-b", "book-c");

  private final int commitCount = Integer.getInteger("galley.cluster.commits", SHORT_COMMITS);
  private final ClusterRun run =
      new ClusterRun(Duration.ofMinutes(Long.getLong("galley.cluster.budget-minutes", 9)));
  private final Map<String, List<String>> commitsByBook = new LinkedHashMap<>();

  @Test
  void keepsIssue14sInvariantsWhileInstancesAndABrokerComeAndGo() throws Exception {
    Random random = new Random(Long.getLong("galley.cluster.seed", 14L));
    Path root = Path.of(System.getProperty("galley.root", "..")).toAbsolutePath().normalize();
    Path work =
        Path.of(System.getProperty("galley.fault.work", "target/fault-work"))
            .toAbsolutePath()
            .resolveSibling("cluster-work");
    Path kafkaLib =
        MavenJars.broker(
            root,
            Path.of(System.getProperty("galley.fault.kafka-lib", "target/kafka-lib"))
                .toAbsolutePath());
    Path s3Lib = MavenJars.s3Proxy(root, kafkaLib.resolveSibling("s3proxy-lib"));
    FileSystemUtils.deleteRecursively(work);
    TestRepo repo = TestRepo.init(work.resolve("content"));
    String first = ClusterBooks.create(repo, BOOKS);
    BOOKS.forEach(b -> commitsByBook.put(b, new ArrayList<>(List.of(first))));

    try (ClusterStack stack = new ClusterStack(root, kafkaLib, s3Lib, work, repo.dir(), BOOKS)) {
      stack.brokers.startAll();
      stack.s3.start();
      run.within("the brokers to listen", Duration.ofSeconds(90), stack.brokers::allListening);
      run.within("the S3 server to answer", Duration.ofSeconds(90), stack.s3::ready);
      ClusterKafka kafka = new ClusterKafka(stack.brokers.bootstrap());
      run.within(
          "the topics, created with replication factor 3",
          Duration.ofSeconds(120),
          () -> kafka.createTopics(ClusterStack.PARTITIONS));
      // one of each first, as today's single-instance stack: the baseline the others join
      for (String service : ClusterStack.SERVICES) {
        stack.create(service).process().start();
      }
      run.within(
          "one instance of each service to be healthy",
          Duration.ofSeconds(240),
          () -> stack.instances().stream().allMatch(stack::healthy));
      ClusterChecks checks = new ClusterChecks(stack, kafka, BOOKS);
      run.soon(
          "the first editions of every book",
          Duration.ofSeconds(180),
          () -> checks.allPublished(commitsByBook));

      try (ClusterDownloads probe = new ClusterDownloads(stack, BOOKS).start()) {
        ClusterSchedule schedule = new ClusterSchedule(stack, run, commitCount);
        for (int i = 1; i <= commitCount; i++) {
          String book = BOOKS.get(i % BOOKS.size());
          commitsByBook.get(book).add(ClusterBooks.edit(repo, book, i));
          schedule.after(i);
          run.pace(random, 500, 1500);
        }
        schedule.finish();
        run.soon(
            "every instance to be healthy",
            Duration.ofSeconds(180),
            () -> stack.instances().stream().allMatch(stack::healthy));
        run.soon(
            "the last commits' editions everywhere",
            Duration.ofSeconds(240),
            () -> checks.settled(commitsByBook));
        probe.close();
        ClusterReport report =
            checks.report(
                commitsByBook,
                probe.downloads,
                schedule.counters(commitsByBook, probe.unavailable.get(), work.resolve("logs")));
        System.out.println(run.timeline());
        System.out.print(report.text());
        assertThat(schedule.kills()).as("SIGKILLs").isGreaterThanOrEqualTo(3);
        assertThat(probe.downloads).as("downloads taken during the run").isNotEmpty();
        if (!Boolean.getBoolean("galley.cluster.report-only")) {
          assertThat(report.violations())
              .as("violations, logs in " + work.resolve("logs"))
              .isEmpty();
        }
      }
    }
  }
}
