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
   *
   * @param retired the book's older decisions this one pushes out of the recent-commits window
   *     (keys on {@code guide.recent-commits.v1}), tombstoned in the same transaction
   */
  void publishIngested(
      CommitIngested manifest,
      List<SourceDocument> sources,
      Collection<Asset> assets,
      List<String> retired);

  /** Publishes a rejection (and nothing else for that commit but the retired keys' tombstones). */
  void publishRejected(CommitRejected rejected, List<String> retired);
}
