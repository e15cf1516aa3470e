package io.galley.ingest.book;

import io.galley.events.AssetRef;
import io.galley.ingest.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the chapters of one commit: follows symlinks, takes what each file says by itself from the
 * cache (parsing it on a miss), and resolves its images against this commit's files.
 */
final class ChapterReader {

  /** The cache key: a chapter's parse depends on its bytes, its path and its listed title only. */
  record Key(String path, String blobId, String title) {}

  /** Fewer files than this are parsed on the caller's thread. */
  private static final int PARALLEL_MIN = 16;

  private final BookFiles files;
  private final String folder;
  private final AssetResolver assets;
  private final ChapterParser parser;
  private final ParseCache<Key, ParsedChapter> cache;
  private final Problems problems;
  private final Map<Key, ParsedChapter> prepared = new ConcurrentHashMap<>();

  ChapterReader(
      BookFiles files,
      String folder,
      AssetResolver assets,
      ChapterParser parser,
      ParseCache<Key, ParsedChapter> cache,
      Problems problems) {
    this.files = files;
    this.folder = folder;
    this.assets = assets;
    this.parser = parser;
    this.cache = cache;
    this.problems = problems;
  }

  /**
   * Parses the listed files the cache lacks on all cores, when there are many (a first commit, a
   * large merge); {@link #read} then takes them in order. Symbolic links are left to {@link #read}.
   */
  void prepare(List<BookLayout.Listed> listed) {
    List<Key> missing = new ArrayList<>();
    for (BookLayout.Listed l : listed) {
      Optional<String> blob = files.isSymlink(l.path()) ? Optional.empty() : files.blobId(l.path());
      if (blob.isPresent()) {
        Key key = new Key(l.path(), blob.get(), l.title());
        ParsedChapter cached = cache.peek(key);
        if (cached == null || !cached.includesCurrent(files)) {
          missing.add(key);
        }
      }
    }
    if (missing.size() < PARALLEL_MIN) {
      return;
    }
    missing.parallelStream()
        .distinct()
        .forEach(
            key -> {
              try {
                ParsedChapter parsed =
                    parser.parse(files, folder, key.path(), key.path(), key.title());
                cache.putMissing(key, parsed);
                prepared.put(key, parsed);
              } catch (RuntimeException | StackOverflowError e) {
                // read() parses it again on the caller's thread, which reports the failure
              }
            });
  }

  /** A chapter read from {@code path}; empty for drafts and for files with errors. */
  Optional<ReadChapter> read(String path, String docId, String fallbackTitle) {
    Optional<String> real = assets.realPath(path);
    if (real.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> blob = files.blobId(real.get());
    Key key = blob.map(b -> new Key(path, b, fallbackTitle)).orElse(null);
    ParsedChapter parsed = key == null ? null : prepared.get(key);
    if (parsed == null) {
      parsed =
          key == null
              ? parser.parse(files, folder, path, real.get(), fallbackTitle)
              : cache.get(key, () -> parser.parse(files, folder, path, real.get(), fallbackTitle));
    }
    if (key != null && !parsed.includesCurrent(files)) {
      // an included file changed since this parse was cached
      parsed = parser.parse(files, folder, path, real.get(), fallbackTitle);
      cache.put(key, parsed);
    }
    parsed.problems().forEach(problems::add);
    if (parsed.skipped()) {
      return Optional.empty();
    }
    List<AssetRef> refs = new ArrayList<>();
    for (ParsedChapter.Reference ref : parsed.images()) {
      assets
          .image(ref.target(), RepoPaths.parent(path), path, ref.line())
          .ifPresent(
              a -> {
                if (!refs.contains(a)) {
                  refs.add(a);
                }
              });
    }
    parsed.orderProblems().forEach(problems::add);
    Chapter chapter =
        new Chapter(
            docId,
            path,
            parsed.sha256(),
            parsed.frontMatter(),
            parsed.markdown(),
            parsed.frontMatterLines(),
            parsed.title(),
            parsed.slug(),
            refs);
    return Optional.of(new ReadChapter(chapter, parsed.order(), parsed.links()));
  }

  /**
   * A chapter with its front matter order (Integer.MAX_VALUE when absent) and its chapter links.
   */
  record ReadChapter(Chapter chapter, double order, List<ParsedChapter.Reference> links) {}
}
