package io.galley.bench.restart;

import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionPublished;
import io.galley.events.EventHeaders;
import io.galley.events.EventSerializer;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.export.ExportProperties;
import io.galley.ingest.IngestProperties;
import io.galley.kafka.BookPartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a history straight to the topics, as the services would have: per commit ingest's sources
 * and manifest, render's rendered chapters and HTML edition, export's PDF and EPUB editions, with
 * the services' keys and headers and {@link BookPartitioner} on the producer, and the tombstones
 * with which ingest and the builders retire what falls out of their windows ({@link Retirements}).
 * Edition files go to the blob store first (several commits at a time, since each put fsyncs).
 */
final class HistoryWriter implements AutoCloseable {

  private static final int CHUNK = 200;

  private final KafkaProducer<String, Object> producer;
  private final PublishedEditions editions;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Retirements retirements;

  HistoryWriter(String bootstrapServers, PublishedEditions editions, int partitions) {
    this.editions = editions;
    this.retirements =
        new Retirements(
            IngestProperties.DEFAULT_COMMITS_KEPT_PER_BOOK,
            ExportProperties.DEFAULT_HISTORY_PER_BOOK,
            partitions);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144"),
            new StringSerializer(),
            new EventSerializer());
  }

  /** Writes the generator's next commits until its next index is {@code until}. */
  void writeUntil(HistoryGenerator history, int until) throws Exception {
    while (history.nextIndex() < until) {
      List<HistoryGenerator.Commit> chunk = new ArrayList<>();
      while (chunk.size() < CHUNK && history.nextIndex() < until) {
        chunk.add(history.next());
      }
      List<Future<List<EditionPublished>>> files = new ArrayList<>();
      for (HistoryGenerator.Commit c : chunk) {
        files.add(pool.submit(() -> editions.publish(c.manifest())));
      }
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        List<EditionPublished> published = files.get(i).get(60, TimeUnit.SECONDS);
        for (ProducerRecord<String, Object> record : records(chunk.get(i), published)) {
          sent.add(producer.send(record));
        }
        for (ProducerRecord<String, Object> record :
            retirements.after(chunk.get(i).manifest(), published)) {
          sent.add(producer.send(record));
        }
      }
      producer.flush();
      for (Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS); // a record the broker refused fails the run
      }
    }
  }

  /** Every record of a commit, in the order the pipeline produces them. */
  static List<ProducerRecord<String, Object>> records(
      HistoryGenerator.Commit commit, List<EditionPublished> published) {
    CommitIngested m = commit.manifest();
    List<ProducerRecord<String, Object>> records = new ArrayList<>();
    for (SourceDocument s : commit.sources()) {
      records.add(ingest(Topics.SOURCE, s.key(), s, "SourceDocument", m.commit()));
    }
    records.add(ingest(Topics.COMMITS, m.bookId(), m, "CommitIngested", m.commit()));
    records.add(
        ingest(
            Topics.RECENT_COMMITS,
            Topics.commitKey(m.bookId(), m.commit()),
            m,
            "CommitIngested",
            m.commit()));
    for (RenderedChapter r : commit.rendered()) {
      String id =
          Digests.sha256Hex(r.key() + "\n" + r.sourceSha256() + "\n" + r.rendererVersion())
              .substring(0, 32);
      records.add(record(Topics.RENDERED, r.key(), r, "RenderedChapter", id, "render", m));
    }
    for (EditionPublished e : published) {
      boolean html = e.format() == io.galley.events.EditionFormat.HTML;
      String id = html ? e.editionId() : "EditionPublished:" + e.editionId();
      String service = html ? "render" : "export";
      records.add(record(Topics.EDITIONS, e.editionId(), e, "EditionPublished", id, service, m));
    }
    return records;
  }

  private static ProducerRecord<String, Object> ingest(
      String topic, String key, Object value, String type, String commit) {
    String id = Digests.sha256Hex(type + "\n" + topic + "\n" + key + "\n" + commit);
    ProducerRecord<String, Object> r = new ProducerRecord<>(topic, key, value);
    headers(r, type, id, "ingest-service");
    return r;
  }

  private static ProducerRecord<String, Object> record(
      String topic,
      String key,
      Object value,
      String type,
      String id,
      String service,
      CommitIngested m) {
    ProducerRecord<String, Object> r = new ProducerRecord<>(topic, key, value);
    headers(r, type, id, service + "-service");
    return r;
  }

  // no traceparent: history written by hand belongs to no trace (the services start their own)
  private static void headers(
      ProducerRecord<String, Object> r, String type, String id, String source) {
    EventHeaders.put(r.headers(), EventHeaders.TYPE, type);
    EventHeaders.put(r.headers(), EventHeaders.ID, id);
    EventHeaders.put(r.headers(), EventHeaders.SOURCE, source);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    producer.close(java.time.Duration.ofSeconds(30));
  }
}
