package io.galley.render.publishing;

import io.galley.events.EditionEvent;
import io.galley.events.RenderedChapter;
import java.util.List;

/** Where the render service's results go. */
public interface RenderPublisher {

  /** Publishes a rendered chapter of {@code commit} and waits until it is acknowledged. */
  void chapter(RenderedChapter chapter, String commit);

  /**
   * Starts publishing rendered chapters of {@code commit}, in order, without waiting: the result
   * waits for them to be acknowledged. This one publishes them one at a time, right away.
   */
  default Acknowledgements chapters(List<RenderedChapter> chapters, String commit) {
    chapters.forEach(c -> chapter(c, commit));
    return () -> {};
  }

  /** Publishes the outcome of an HTML edition build. */
  void edition(EditionEvent edition);

  /**
   * Retires a book's editions that dropped out of the sites kept per book from the editions topic
   * (tombstones), without waiting: one that is lost only stays until the book's next edition.
   */
  void retire(String bookId, List<String> editionIds);

  /** Records on their way to the broker. */
  @FunctionalInterface
  interface Acknowledgements {

    /**
     * Waits until every record is acknowledged.
     *
     * @throws PublishException when one was not
     */
    void await();
  }
}
