package io.galley.export.assembly;

import io.galley.events.EditionEvent;
import java.util.List;

/** The outbound port for edition outcomes. */
interface EditionPublisher {

  /** Publishes the outcome of one edition build, keyed by editionId. */
  void publish(EditionEvent event);

  /**
   * Retires a book's editions that dropped out of the editions kept per book and format from the
   * editions topic (tombstones), without waiting: one that is lost only stays until compaction
   * meets the next. A publisher without such a topic (tests record outcomes) has nothing to retire.
   */
  default void retire(String bookId, List<String> editionIds) {}
}
