package io.galley.export.assembly;

import io.galley.events.Topics;
import io.galley.export.store.DirectoryAssetStore;
import io.galley.kafka.ReplayingListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** Stores asset bytes by sha256 and tells the join they are there. */
@Component
class AssetListener extends ReplayingListener {

  private final DirectoryAssetStore store;
  private final ManifestJoin join;

  AssetListener(DirectoryAssetStore store, ManifestJoin join) {
    this.store = store;
    this.join = join;
  }

  @KafkaListener(
      id = "export-assets",
      idIsGroup = false,
      topics = Topics.ASSETS,
      containerFactory = "assetsFactory")
  void on(
      @Payload(required = false) byte[] bytes, @Header(KafkaHeaders.RECEIVED_KEY) String sha256) {
    if (bytes != null) {
      store.put(sha256, bytes);
      join.onAsset(sha256);
    }
  }
}
