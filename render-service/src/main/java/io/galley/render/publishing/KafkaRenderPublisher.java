package io.galley.render.publishing;

import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.EventHeaders;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.kafka.EditionTombstones;
import io.galley.render.observability.EditionMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes rendered chapters and edition outcomes to Kafka and waits for the acknowledgement. */
@Component
class KafkaRenderPublisher implements RenderPublisher {

  private final KafkaTemplate<String, Object> template;
  private final EditionMetrics metrics;

  KafkaRenderPublisher(KafkaTemplate<String, Object> renderKafkaTemplate, EditionMetrics metrics) {
    this.template = renderKafkaTemplate;
    this.metrics = metrics;
  }

  @Override
  public void chapter(RenderedChapter chapter, String commit) {
    chapters(List.of(chapter), commit).await();
  }

  /** Hands every chapter to the producer (which batches them) before waiting for any. */
  @Override
  public Acknowledgements chapters(List<RenderedChapter> chapters, String commit) {
    List<CompletableFuture<?>> sent = new ArrayList<>(chapters.size());
    List<String> ids = new ArrayList<>(chapters.size());
    for (RenderedChapter chapter : chapters) {
      String id =
          Digests.sha256Hex(
                  chapter.key() + "\n" + chapter.sourceSha256() + "\n" + chapter.rendererVersion())
              .substring(0, 32);
      ids.add(id);
      sent.add(
          start(
              new ProducerRecord<>(Topics.RENDERED, chapter.key(), chapter),
              "RenderedChapter",
              id,
              commit));
    }
    return () -> {
      for (int i = 0; i < sent.size(); i++) {
        await(sent.get(i), "RenderedChapter", ids.get(i));
      }
    };
  }

  @Override
  public void edition(EditionEvent edition) {
    send(
        new ProducerRecord<>(Topics.EDITIONS, edition.editionId(), edition),
        edition.getClass().getSimpleName(),
        edition.editionId(),
        edition.commit());
    metrics.published(edition);
  }

  @Override
  public void retire(String bookId, List<String> editionIds) {
    EditionTombstones.send(template, bookId, editionIds, PublishingConfiguration.SERVICE);
  }

  private void send(ProducerRecord<String, Object> record, String type, String id, String commit) {
    await(start(record, type, id, commit), type, id);
  }

  private CompletableFuture<?> start(
      ProducerRecord<String, Object> record, String type, String id, String commit) {
    EventHeaders.put(record.headers(), EventHeaders.TYPE, type);
    EventHeaders.put(record.headers(), EventHeaders.ID, id);
    EventHeaders.put(record.headers(), EventHeaders.SOURCE, PublishingConfiguration.SERVICE);
    return template.send(record);
  }

  private static void await(CompletableFuture<?> sent, String type, String id) {
    try {
      sent.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing " + type, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishException("could not publish " + type + " " + id, e);
    }
  }
}
