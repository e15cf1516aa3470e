package io.galley.render.pipeline;

import io.galley.events.EditionEvent;
import io.galley.events.RenderedChapter;

/** Where the render service's results go. */
interface RenderPublisher {

  /** Publishes a rendered chapter of {@code commit}. */
  void chapter(RenderedChapter chapter, String commit);

  /** Publishes the outcome of an HTML edition build. */
  void edition(EditionEvent edition);
}
