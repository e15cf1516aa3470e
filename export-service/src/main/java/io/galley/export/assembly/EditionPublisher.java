package io.galley.export.assembly;

import io.galley.events.EditionEvent;

/** The outbound port for edition outcomes. */
interface EditionPublisher {

  /** Publishes the outcome of one edition build, keyed by editionId. */
  void publish(EditionEvent event);
}
