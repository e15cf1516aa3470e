package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.events.CommitEvent;
import io.galley.events.CommitRejected;
import io.galley.events.EventJson;
import io.galley.events.Problem;
import io.galley.events.Topics;
import io.galley.ingest.IngestProperties;
import io.galley.ingest.TopicReader;
import io.galley.ingest.lease.IngestLease;
import io.galley.ingest.publishing.CommitPublisher;
import io.galley.ingest.publishing.PublishingTerm;
import io.galley.ingest.publishing.TransactionalPublishers;
import io.galley.testsupport.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * A paused instance that resumes still believing it holds the lease (its view is stale: the group
 * gave the lease to another instance meanwhile) is fenced by the new holder on a real broker: its
 * next publication fails and leaves nothing, it stops publishing without a fresh producer (which
 * would fence the new holder back), and it follows what the new holder publishes.
 */
class ZombieFencingIT {

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();
  private final String group = "zombie-" + Long.toHexString(System.nanoTime());
  private final String bookId = group + "-book";

  /** The group's verdict as a paused instance still sees it: held, in term 1. */
  static final class StaleLease extends IngestLease {
    final AtomicInteger rejoins = new AtomicInteger();

    StaleLease(KafkaProperties kafka, IngestProperties properties) {
      super(kafka, properties);
    }

    @Override
    public boolean held() {
      return true;
    }

    @Override
    public long term() {
      return 1;
    }

    @Override
    public void rejoin() {
      rejoins.incrementAndGet();
    }
  }

  @Test
  void theOldHoldersPublicationsAfterATakeoverAreFencedAndLeaveNothing() {
    KafkaBroker.createTopics(bootstrap); // as the service declares them at start
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(bootstrap));
    // as ingest-service.yml sets it: a book's decisions in one partition, in order (keys on the
    // recent-commits topic are bookId/commit, which Kafka's own partitioner would spread)
    kafka
        .getProducer()
        .getProperties()
        .put("partitioner.class", io.galley.kafka.BookPartitioner.class.getName());
    Instance zombie = new Instance(kafka, "a");
    Instance successor = new Instance(kafka, "b");

    assertThat(zombie.role.prepare()).isTrue();
    zombie.publish("c1");
    assertThat(successor.role.prepare()).isTrue(); // the takeover: fences the zombie's producer
    assertThat(successor.log.lastCommit(bookId)).contains("c1"); // read back, not redone

    assertThatThrownBy(() -> zombie.publish("c2"))
        .satisfies(e -> assertThat(IngestRole.isFenced(e)).isTrue());
    assertThat(zombie.role.active()).isFalse();
    assertThat(zombie.lease.rejoins).hasValue(1);
    // no new producer: a fresh one would fence the successor in its turn
    assertThatThrownBy(() -> zombie.publish("c3")).isInstanceOf(IllegalStateException.class);

    successor.publish("c2");
    successor.publish("c4");
    assertThat(commitsOnTopic()).containsExactly("c1", "c2", "c4");

    // fenced in term 1, the zombie stands by in it and follows the successor's log
    assertThat(zombie.role.prepare()).isFalse();
    assertThat(zombie.log.lastCommit(bookId)).contains("c4");
    zombie.role.close();
    successor.role.close();
  }

  private List<String> commitsOnTopic() {
    return TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
        .filter(r -> bookId.equals(r.key()))
        .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class).commit())
        .toList();
  }

  private final class Instance {
    final StaleLease lease;
    final IngestRole role;
    final CommitLog log = new CommitLog();
    final CommitPublisher publisher;

    Instance(KafkaProperties kafka, String name) {
      IngestProperties properties = properties(name);
      lease = new StaleLease(kafka, properties);
      PublishingTerm term = new PublishingTerm(kafka, kafka::getBootstrapServers, properties);
      role =
          new IngestRole(
              lease, term, new CommitHistoryReader(kafka), log, name, new SimpleMeterRegistry());
      publisher = TransactionalPublishers.on(term);
    }

    void publish(String commit) {
      CommitRejected rejected =
          new CommitRejected(
              bookId,
              commit,
              "Ada <a@x>",
              "m",
              Instant.parse("2026-01-01T00:00:00Z"),
              List.of(Problem.error("book.yml", 1, "broken")));
      role.publishing(
          () -> {
            publisher.publishRejected(rejected, log.retiredBy(rejected));
            log.record(rejected);
            return rejected;
          });
    }

    private IngestProperties properties(String instance) {
      return new IngestProperties(
          Path.of("unused").toString(),
          null,
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          instance,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          group,
          null,
          null,
          null);
    }
  }
}
