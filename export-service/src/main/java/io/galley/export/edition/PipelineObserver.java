package io.galley.export.edition;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.events.RenderedChapter;

/**
 * Observes commits on their way to editions (for the edition history and the portal); every method
 * is a no-op by default, called once or more per fact (implementations are idempotent).
 */
public interface PipelineObserver {

  /** An observer that ignores everything. */
  PipelineObserver NONE = new PipelineObserver() {};

  /** A manifest arrived: its editions are queued until its chapters and assets are there. */
  default void accepted(CommitIngested manifest) {}

  /** A commit was rejected by validation: no edition is built from it. */
  default void rejected(CommitRejected rejection) {}

  /** A rendered chapter arrived. */
  default void rendered(RenderedChapter chapter) {}

  /** A newer manifest of the same book replaced this one before it was built. */
  default void superseded(CommitIngested manifest) {}

  /** The build worker started building one format of this manifest. */
  default void building(CommitIngested manifest, EditionFormat format) {}

  /** An edition was published or failed (this service's or render's HTML edition). */
  default void finished(EditionEvent outcome) {}
}
