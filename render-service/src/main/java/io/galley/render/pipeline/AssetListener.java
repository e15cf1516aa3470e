package io.galley.render.pipeline;

import io.galley.events.Topics;
import io.galley.kafka.ReplayingListener;
import io.galley.render.assets.AssetStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stores asset bytes on disk by hash; bytes that do not match their key go to the dead letters. */
@Component
class AssetListener extends ReplayingListener {

  private final AssetStore assets;
  private final RenderWorker worker;

  AssetListener(AssetStore assets, RenderWorker worker) {
    this.assets = assets;
    this.worker = worker;
  }

  @KafkaListener(
      id = "render-assets",
      topics = Topics.ASSETS,
      groupId = KafkaConfiguration.GROUP,
      containerFactory = "assetListenerFactory")
  void on(ConsumerRecord<String, byte[]> record) {
    if (record.value() != null) {
      assets.put(record.key(), record.value());
      worker.wake();
    }
  }
}
