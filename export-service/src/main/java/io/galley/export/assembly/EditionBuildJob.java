package io.galley.export.assembly;

import io.galley.events.AssetRef;
import io.galley.events.CommitIngested;
import io.galley.events.EditionFailed;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BudgetExceeded;
import io.galley.export.edition.BuildBudget;
import io.galley.export.edition.BuildPreflight;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import io.galley.export.edition.PipelineObserver;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every format of a ready book, puts each file in the blob store and only then publishes the
 * edition (an edition is never announced before its file is durable); an edition already published
 * with its file in the store is not rebuilt. An image missing from the store fails the book's
 * editions with a reason.
 */
final class EditionBuildJob {

  private static final Logger LOG = LoggerFactory.getLogger(EditionBuildJob.class);

  private final List<EditionBuilder> builders;
  private final EditionFileStore store;
  private final EditionCatalog catalog;
  private final EditionPublisher publisher;
  private final String exporterVersion;
  private final PipelineObserver observer;
  private final BuildBudget budget;

  EditionBuildJob(
      List<EditionBuilder> builders,
      EditionFileStore store,
      EditionCatalog catalog,
      EditionPublisher publisher,
      String exporterVersion) {
    this(
        builders,
        store,
        catalog,
        publisher,
        exporterVersion,
        PipelineObserver.NONE,
        BuildBudget.DEFAULTS);
  }

  EditionBuildJob(
      List<EditionBuilder> builders,
      EditionFileStore store,
      EditionCatalog catalog,
      EditionPublisher publisher,
      String exporterVersion,
      PipelineObserver observer,
      BuildBudget budget) {
    this.budget = budget;
    this.builders = List.copyOf(builders);
    this.store = store;
    this.catalog = catalog;
    this.publisher = publisher;
    this.exporterVersion = exporterVersion;
    this.observer = observer;
  }

  void build(BookContent book) {
    Optional<String> missing = missingImage(book);
    if (missing.isPresent()) {
      IllegalStateException e = new IllegalStateException(missing.get());
      builders.forEach(builder -> fail(book, builder, e, 1));
      return;
    }
    BookContent checked;
    try {
      checked = new BuildPreflight(budget).check(book);
    } catch (BudgetExceeded e) {
      builders.forEach(builder -> fail(book, builder, e, 1));
      return;
    }
    builders.forEach(builder -> build(checked, builder));
  }

  /** The first image of the book the blob store does not hold, described for the reader. */
  private static Optional<String> missingImage(BookContent book) {
    for (AssetRef a : book.manifest().assets()) {
      if (!book.assets().contains(a.sha256())) {
        return Optional.of(
            "image '" + a.path() + "' (sha256 " + a.sha256() + ") is missing from the blob store");
      }
    }
    return Optional.empty();
  }

  private void build(BookContent book, EditionBuilder builder) {
    CommitIngested m = book.manifest();
    String editionId = EditionIds.of(m, book.rendererVersion(), exporterVersion, builder.format());
    Optional<EditionPublished> known = catalog.find(editionId);
    if (known.isPresent() && stored(known.get())) {
      observer.finished(known.get());
      return;
    }
    observer.building(m, builder.format());
    for (int attempt = 1; ; attempt++) {
      try {
        publish(book, builder, editionId);
        return;
      } catch (BudgetExceeded e) {
        fail(book, builder, e, attempt); // the same input blows the same budget: no retry
        return;
      } catch (Throwable e) { // one book's build never stops the queue, whatever it throws
        if (attempt >= budget.attempts()) {
          fail(book, builder, e, attempt);
          return;
        }
        LOG.warn(
            "{} edition of {} at {} failed, trying again",
            builder.format(),
            m.bookId(),
            m.commit(),
            e);
      }
    }
  }

  private boolean stored(EditionPublished edition) {
    try {
      return store.contains(edition);
    } catch (java.io.IOException e) {
      LOG.warn("cannot check the blob store for {}; building it again", edition.editionId(), e);
      return false;
    }
  }

  private void publish(BookContent book, EditionBuilder builder, String editionId)
      throws Exception {
    CommitIngested m = book.manifest();
    long start = System.nanoTime();
    BuiltEdition built = null;
    try {
      built = builder.build(book);
      String ext = "." + builder.format().name().toLowerCase(Locale.ROOT);
      EditionPublished edition =
          new EditionPublished(
              editionId,
              m.bookId(),
              m.commit(),
              builder.format(),
              built.sha256(),
              built.size(),
              built.pages(),
              m.committedAt(),
              (System.nanoTime() - start) / 1_000_000,
              "/editions/" + editionId + ext);
      store.put(edition, built.file()); // durable before it is announced
      List<String> retired = catalog.add(edition);
      publisher.publish(edition);
      publisher.retire(m.bookId(), retired);
      observer.finished(edition);
      LOG.info(
          "built {} {} of {} at {} in {} ms",
          builder.format(),
          editionId,
          m.bookId(),
          m.commit(),
          edition.buildMillis());
    } finally {
      if (built != null) {
        built.discard();
      }
    }
  }

  private void fail(BookContent book, EditionBuilder builder, Throwable e, int attempts) {
    CommitIngested m = book.manifest();
    LOG.warn("{} edition of {} at {} failed", builder.format(), m.bookId(), m.commit(), e);
    String reason =
        e instanceof BudgetExceeded
            ? e.getMessage()
            : (attempts > 1 ? "failed " + attempts + " times: " : "") + e;
    EditionFailed failed =
        new EditionFailed(
            EditionIds.of(m, book.rendererVersion(), exporterVersion, builder.format()),
            m.bookId(),
            m.commit(),
            builder.format(),
            reason,
            m.committedAt());
    List<String> retired = catalog.add(failed);
    observer.finished(failed);
    publisher.publish(failed);
    publisher.retire(m.bookId(), retired);
  }
}
