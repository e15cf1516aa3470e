package io.galley.render.build;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.assets.AssetStore;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.publishing.RenderPublisher;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A throwaway benchmark, not part of the suite (run with {@code -Dtest=RenderBench
 * -Dgalley.bench=/tmp/corpus}): builds the HTML edition of the synthetic books in-process through
 * the classes the service uses and prints figures. Nothing is asserted about time.
 */
class RenderBench {

  @Test
  @EnabledIfSystemProperty(named = "galley.bench", matches = ".+")
  void printsFigures() throws Exception {
    main(new String[] {System.getProperty("galley.bench")});
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "/tmp/corpus");
    String only = System.getProperty("galley.bench.books", "book-27,book-270,book-1000");
    int rounds = Integer.getInteger("galley.bench.rounds", 1);
    for (String name : only.split(",")) {
      for (int r = 0; r < rounds; r++) {
        run(corpus.resolve(name).resolve("book"));
      }
    }
  }

  private static void run(Path bookDir) throws IOException {
    Path state = Files.createTempDirectory("render-bench");
    AssetStore assets = new AssetStore(state.resolve("assets"));
    ManifestJoin join = new ManifestJoin();
    SiteLibrary library = new SiteLibrary(state.resolve("sites"));
    AtomicLong lastChapterAt = new AtomicLong();
    AtomicLong firstChapterAt = new AtomicLong();
    AtomicInteger published = new AtomicInteger();
    RenderPublisher publisher =
        new RenderPublisher() {
          @Override
          public void chapter(RenderedChapter chapter, String commit) {
            long now = System.nanoTime();
            firstChapterAt.compareAndSet(0, now);
            lastChapterAt.set(now);
            published.incrementAndGet();
          }

          @Override
          public void retire(String bookId, java.util.List<String> editionIds) {}

          @Override
          public void edition(EditionEvent edition) {}
        };
    MarkdownConverter converter = new MarkdownConverter();
    EditionBuildJob builder =
        new EditionBuildJob(
            join,
            new ChapterCache(converter, new SimpleMeterRegistry()),
            new SiteBuilder(library, assets),
            library,
            publisher);
    List<AssetRef> refs = new ArrayList<>();
    try (Stream<Path> files = Files.list(bookDir.resolve("images"))) {
      for (Path f : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        String sha = Digests.sha256Hex(bytes);
        assets.put(sha, bytes);
        refs.add(new AssetRef("images/" + f.getFileName(), sha, "image/png"));
      }
    }
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.list(bookDir.resolve("chapters"))) {
      files.map(f -> "chapters/" + f.getFileName()).sorted().forEach(paths::add);
    }
    List<SourceDocument> sources = new ArrayList<>();
    for (String p : paths) {
      sources.add(source(p, Files.readString(bookDir.resolve(p)), refs));
    }
    sources.forEach(join::onSource);
    String name = bookDir.getParent().getFileName().toString();
    System.out.println(name + ": state in " + state);

    if (Boolean.getBoolean("galley.bench.warmup")) {
      long w = System.nanoTime();
      int rounds =
          new RenderWarmUp(converter, join, builder, io.galley.render.RenderProperties.defaults())
              .run();
      System.out.printf(
          "%s: warm-up %d rounds in %d ms%n", name, rounds, (System.nanoTime() - w) / 1_000_000);
    }
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    builder.build(manifest("a", sources, refs));
    long t1 = System.nanoTime();
    long c1 = cpuNanos();
    double secs = (t1 - t0) / 1e9;
    System.out.printf(
        "%s: full build %d ms (%.1f chapters/s, %d ms CPU), chapters published after %d..%d ms"
            + " (%d)%n",
        name,
        (t1 - t0) / 1_000_000,
        sources.size() / secs,
        (c1 - c0) / 1_000_000,
        (firstChapterAt.get() - t0) / 1_000_000,
        (lastChapterAt.get() - t0) / 1_000_000,
        published.get());

    List<SourceDocument> current = sources;
    for (int round = 1; round <= Integer.getInteger("galley.bench.edits", 3); round++) {
      int i = sources.size() / 2 + round;
      SourceDocument s = current.get(i);
      String markdown = s.markdown() + "\nOne more paragraph, edit " + round + ".\n";
      List<SourceDocument> next = new ArrayList<>(current);
      next.set(
          i,
          new SourceDocument(
              s.bookId(),
              s.docId(),
              s.path(),
              "e" + round,
              Digests.sha256Hex(markdown),
              s.frontMatter(),
              markdown,
              s.frontMatterLines(),
              refs));
      join.onSource(next.get(i));
      long t2 = System.nanoTime();
      builder.build(manifest(Integer.toString(round), next, refs));
      long t3 = System.nanoTime();
      System.out.printf("%s: single-chapter edit rebuild %d ms%n", name, (t3 - t2) / 1_000_000);
      current = next;
    }
  }

  /** CPU time of the whole process (all threads, JIT and GC included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static SourceDocument source(String path, String text, List<AssetRef> refs) {
    String docId = path.substring(0, path.length() - 3);
    String body = text;
    int frontLines = 0;
    String title = docId;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---\n", 3);
      for (String line : text.substring(4, end).split("\n")) {
        if (line.startsWith("title:")) {
          title = line.substring(6).strip().replace("\"", "");
        }
      }
      body = text.substring(end + 5);
      frontLines = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count();
    }
    return new SourceDocument(
        "bench",
        docId,
        "book/" + path,
        "a",
        Digests.sha256Hex(text.getBytes(StandardCharsets.UTF_8)),
        Map.of("title", title),
        body,
        frontLines,
        refs);
  }

  private static CommitIngested manifest(
      String letter, List<SourceDocument> sources, List<AssetRef> refs) {
    return new CommitIngested(
        "bench",
        letter.repeat(40),
        null,
        "",
        "",
        Instant.parse("2026-03-01T12:00:00Z"),
        new BookMetadata("bench", "Bench", null, List.of("A"), "en", null, null, null, null, null),
        sources.stream()
            .map(
                s -> new ChapterEntry(s.docId(), s.sha256(), (String) s.frontMatter().get("title")))
            .toList(),
        refs,
        List.of(),
        List.of(),
        true,
        List.of());
  }
}
