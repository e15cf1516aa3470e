package io.galley.bench.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.blob.DirectoryBlobStore;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import io.galley.kafka.BookPartitioner;
import io.galley.render.site.SiteIndex;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {

  private static final int PARTITIONS = 6;

  @TempDir Path blobsDir;

  @Test
  void everyRecordOfACommitGoesToItsBooksPartitionOnEveryTopic() throws Exception {
    HistoryGenerator history = new HistoryGenerator(5, 3, "render-x");
    Cluster cluster = cluster();
    BookPartitioner partitioner = new BookPartitioner();
    Set<Integer> seen = new java.util.HashSet<>();
    try (DirectoryBlobStore blobs = new DirectoryBlobStore(blobsDir)) {
      PublishedEditions editions = new PublishedEditions(blobs, "render-x", "export-y");
      for (int i = 0; i < 15; i++) {
        HistoryGenerator.Commit c = history.next();
        int expected = BookPartitioner.partitionOf(c.bookId(), PARTITIONS);
        seen.add(expected);
        List<ProducerRecord<String, Object>> records =
            HistoryWriter.records(c, editions.publish(c.manifest()));
        Set<String> topics = new java.util.HashSet<>();
        for (ProducerRecord<String, Object> r : records) {
          topics.add(r.topic());
          int p = partitioner.partition(r.topic(), r.key(), null, r.value(), null, cluster);
          assertThat(p).as("%s %s", r.topic(), r.key()).isEqualTo(expected);
        }
        assertThat(topics)
            .containsExactlyInAnyOrder(
                Topics.SOURCE,
                Topics.COMMITS,
                Topics.RECENT_COMMITS,
                Topics.RENDERED,
                Topics.EDITIONS);
      }
    }
    assertThat(seen).hasSizeGreaterThan(1); // the books do not all share one partition
  }

  @Test
  void editionsCarryTheServicesIdsAndTheirFilesAreInTheStore() throws Exception {
    HistoryGenerator.Commit c = new HistoryGenerator(1, 2, "render-x").next();
    try (DirectoryBlobStore blobs = new DirectoryBlobStore(blobsDir)) {
      List<EditionPublished> published =
          new PublishedEditions(blobs, "render-x", "export-y").publish(c.manifest());
      assertThat(published)
          .extracting(EditionPublished::format)
          .containsExactly(EditionFormat.HTML, EditionFormat.PDF, EditionFormat.EPUB);
      EditionPublished html = published.get(0);
      assertThat(html.editionId())
          .isEqualTo(EditionIds.of(c.manifest(), "render-x", "render-x", EditionFormat.HTML));
      assertThat(html.downloadPath())
          .isEqualTo("/books/" + c.bookId() + "/@" + c.manifest().commit() + "/");
      assertThat(published.get(1).editionId())
          .isEqualTo(EditionIds.of(c.manifest(), "render-x", "export-y", EditionFormat.PDF));
      for (EditionPublished e : published) {
        assertThat(blobs.stat(e.sha256())).as(e.format().name()).isPresent();
      }
      // render reads an HTML edition's blob as a site index naming an index page
      SiteIndex site;
      try (InputStream in = blobs.open(html.sha256())) {
        site = EventJson.fromBytes(in.readAllBytes(), SiteIndex.class);
      }
      assertThat(site.commit()).isEqualTo(c.manifest().commit());
      try (InputStream in = blobs.open(site.files().get("index.html").sha256())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("data-commit=\"" + c.manifest().commit() + "\"");
      }
    }
  }

  private static Cluster cluster() {
    Node node = new Node(1, "127.0.0.1", 9);
    List<PartitionInfo> partitions = new ArrayList<>();
    for (String topic :
        List.of(
            Topics.SOURCE,
            Topics.COMMITS,
            Topics.RECENT_COMMITS,
            Topics.RENDERED,
            Topics.EDITIONS)) {
      for (int p = 0; p < PARTITIONS; p++) {
        Node[] replicas = {node};
        partitions.add(new PartitionInfo(topic, p, node, replicas, replicas));
      }
    }
    return new Cluster("bench", List.of(node), partitions, Set.of(), Set.of());
  }
}
