package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class BookPartitionerTest {

  private static final int PARTITIONS = 6;
  private static final Node NODE = new Node(0, "127.0.0.1", 1);
  private final BookPartitioner partitioner = new BookPartitioner();
  private final Cluster cluster = cluster(Topics.SOURCE, Topics.COMMITS, Topics.RENDERED);

  private static Cluster cluster(String... topics) {
    List<PartitionInfo> infos = new ArrayList<>();
    for (String topic : List.of(topics)) {
      for (int p = 0; p < PARTITIONS; p++) {
        infos.add(new PartitionInfo(topic, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
      }
    }
    for (int p = 0; p < PARTITIONS; p++) {
      infos.add(new PartitionInfo(Topics.EDITIONS, p, NODE, new Node[] {NODE}, new Node[] {NODE}));
    }
    return new Cluster("c", List.of(NODE), infos, Set.of(), Set.of());
  }

  private int partition(String topic, String key, Object value) {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return partitioner.partition(topic, key, keyBytes, value, null, cluster);
  }

  private static EditionPublished edition(String bookId, String editionId) {
    return new EditionPublished(
        editionId,
        bookId,
        "c".repeat(40),
        EditionFormat.PDF,
        "0".repeat(64),
        10,
        1,
        Instant.parse("2026-01-01T00:00:00Z"),
        5,
        "/editions/" + editionId + ".pdf");
  }

  @Test
  void sendsEveryRecordOfABookToThePartitionOfItsBookId() {
    for (String bookId : List.of("go-guide", "handbook", "a", "ops-runbook", "Ünïcode")) {
      int expected = BookPartitioner.partitionOf(bookId, PARTITIONS);
      Set<Integer> seen = new HashSet<>();
      for (String docId : List.of("intro", "guide/setup", "appendix/a/b", "zz")) {
        seen.add(partition(Topics.SOURCE, bookId + "/" + docId, new byte[] {1}));
        seen.add(partition(Topics.RENDERED, bookId + "/" + docId, null));
      }
      seen.add(partition(Topics.COMMITS, bookId, new byte[] {1}));
      seen.add(partition(Topics.EDITIONS, "edition-" + bookId, edition(bookId, "e1" + bookId)));
      seen.add(partition(Topics.EDITIONS, "other-" + bookId, edition(bookId, "e2" + bookId)));
      // an edition replayed from the dead letters arrives as its JSON bytes
      seen.add(
          partition(
              Topics.EDITIONS, "e3" + bookId, EventJson.toBytes(edition(bookId, "e3" + bookId))));
      assertThat(seen).as(bookId).containsExactly(expected);
    }
  }

  @Test
  void spreadsBooksOverThePartitions() {
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      used.add(partition(Topics.SOURCE, "book-" + i + "/intro", null));
    }
    assertThat(used).hasSize(PARTITIONS);
  }

  @Test
  void placesACommitWhereKafkasDefaultPartitionerWould() {
    for (String bookId : List.of("go-guide", "handbook", "x")) {
      int byDefault =
          Utils.toPositive(Utils.murmur2(bookId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      assertThat(partition(Topics.COMMITS, bookId, null)).isEqualTo(byDefault);
      assertThat(BookPartitioner.partitionOf(bookId, PARTITIONS)).isEqualTo(byDefault);
    }
  }

  @Test
  void leavesRecordsOfNoBookToTheKeysHash() {
    String key = "go-guide/intro";
    int byKey = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    Cluster withDlt = cluster(Topics.DLT);
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    assertThat(partitioner.partition(Topics.DLT, key, keyBytes, null, null, withDlt))
        .isEqualTo(byKey);
    assertThat(partitioner.partition(Topics.DLT, null, null, null, null, withDlt))
        .isBetween(0, PARTITIONS - 1);
  }

  @Test
  void anEditionsTombstoneGoesWhereTheEditionWent() {
    for (int i = 0; i < 50; i++) {
      String bookId = "book-" + i;
      String id = "e".repeat(31) + (i % 10);
      EditionPublished edition = edition(bookId, id);
      int where = partitioner.partition(Topics.EDITIONS, id, null, edition, null, cluster);
      var tombstones = EditionTombstones.of(bookId, List.of(id), PARTITIONS, "test");
      assertThat(tombstones)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.value()).isNull();
                assertThat(t.key()).isEqualTo(id);
                assertThat(t.partition()).as(bookId).isEqualTo(where);
              });
    }
  }

  @Test
  void findsTheBookOfEachKeyShape() {
    assertThat(BookPartitioner.bookIdOf(Topics.SOURCE, "b/d/e", null)).isEqualTo("b");
    assertThat(BookPartitioner.bookIdOf(Topics.COMMITS, "b", null)).isEqualTo("b");
    // a decision on the window and the tombstone that retires it: same book, same partition
    assertThat(BookPartitioner.bookIdOf(Topics.RECENT_COMMITS, "b/c1", "{}")).isEqualTo("b");
    assertThat(BookPartitioner.bookIdOf(Topics.RECENT_COMMITS, "b/c1", null)).isEqualTo("b");
    assertThat(BookPartitioner.bookIdOf(Topics.RENDERED, "abc123", null)).isNull();
    assertThat(BookPartitioner.bookIdOf(Topics.DLT, "b/d", null)).isNull();
    assertThat(BookPartitioner.bookIdOf(Topics.EDITIONS, "e", edition("b", "e"))).isEqualTo("b");
  }
}
