package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.SourceDocument;
import io.galley.ingest.book.Book;
import io.galley.ingest.book.BookFiles;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.book.Chapter;
import io.galley.ingest.git.CommitInfo;
import io.galley.ingest.publishing.CommitPublisher;
import io.galley.ingest.validation.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one book at one commit into a manifest (with its changed sources) or a rejection, and
 * publishes it; the previous manifest decides what changed and what was deleted.
 */
class BookIngestor {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BookIngestor.class);

  private final BookLoader loader;
  private final CommitPublisher publisher;
  private final CommitLog log;

  BookIngestor(BookLoader loader, CommitPublisher publisher, CommitLog log) {
    this.loader = loader;
    this.publisher = publisher;
    this.log = log;
  }

  /** Ingests {@code folder} at {@code commit}; returns what was published. */
  CommitEvent ingest(
      BookFiles files, String folder, String bookId, CommitInfo commit, boolean snapshot) {
    Problems problems = new Problems();
    Optional<Book> loaded;
    try {
      loaded = loader.load(files, folder, bookId, problems);
    } catch (Throwable e) {
      // a bug or pathological input (any Error included: a StackOverflowError, an OutOfMemoryError
      // of one giant file, whose memory is garbage once it is thrown) must not stall the pipeline
      // or the other books: reject this commit of this book, and keep the cause visible
      LOG.error("reading {} at {} failed", folder, commit.id(), e);
      problems.error(
          folder.isEmpty() ? "." : folder,
          0,
          "the book could not be read (" + e + "); please report this to the Galley maintainers");
      loaded = Optional.empty();
    }
    if (loaded.isEmpty()) {
      CommitRejected rejected =
          new CommitRejected(
              bookId,
              commit.id(),
              commit.author(),
              commit.message(),
              commit.committedAt(),
              problems.all());
      publisher.publishRejected(rejected, log.retiredBy(rejected));
      log.record(rejected);
      return rejected;
    }
    Book book = loaded.get();
    Optional<CommitIngested> previous = log.lastManifest(book.id());
    Map<String, String> before = new HashMap<>();
    previous.ifPresent(p -> p.chapters().forEach(c -> before.put(c.docId(), c.sha256())));
    List<Chapter> changed =
        book.chapters().stream()
            .filter(c -> snapshot || !c.sha256().equals(before.get(c.docId())))
            .toList();
    Set<String> now = book.chapters().stream().map(Chapter::docId).collect(Collectors.toSet());
    List<String> deleted = before.keySet().stream().filter(d -> !now.contains(d)).sorted().toList();
    CommitIngested manifest =
        new CommitIngested(
            book.id(),
            commit.id(),
            previous.map(CommitIngested::commit).orElse(null),
            commit.author(),
            commit.message(),
            commit.committedAt(),
            book.metadata(),
            book.entries(),
            book.assets().values().stream().map(a -> a.ref()).toList(),
            changed.stream().map(Chapter::docId).toList(),
            deleted,
            snapshot,
            problems.warnings());
    List<SourceDocument> sources =
        changed.stream()
            .map(
                c ->
                    new SourceDocument(
                        book.id(),
                        c.docId(),
                        c.path(),
                        commit.id(),
                        c.sha256(),
                        c.frontMatter(),
                        c.markdown(),
                        c.frontMatterLines(),
                        c.assets()))
            .toList();
    // every image goes to the publisher, which stores those the blob store does not hold yet
    publisher.publishIngested(manifest, sources, book.assets().values(), log.retiredBy(manifest));
    log.record(manifest);
    return manifest;
  }
}
