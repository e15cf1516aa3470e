package io.galley.ingest.publishing;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.SourceDocument;
import io.galley.ingest.book.Asset;
import java.util.Collection;
import java.util.List;

/** Where ingest's decisions go: one atomic publication per commit and book. */
public interface CommitPublisher {

  /**
   * Stores the images in the blob store, then publishes the changed sources, tombstones for deleted
   * docIds and the manifest, all or nothing.
   */
  void publishIngested(
      CommitIngested manifest, List<SourceDocument> sources, Collection<Asset> assets);

  /** Publishes a rejection (and nothing else for that commit). */
  void publishRejected(CommitRejected rejected);
}
