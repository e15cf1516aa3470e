package io.galley.render.build;

import io.galley.render.RenderProperties;
import io.galley.render.markdown.ChapterContext;
import io.galley.render.markdown.MarkdownConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the JIT up after start-up by converting a built-in sample chapter (and parsing the result
 * as the site does) a few dozen times on one background thread: the first book built by a fresh JVM
 * is otherwise several times slower than the next. Stops as soon as a build is waiting or running;
 * off with {@code galley.render.warm-up=false}.
 */
@Component
class RenderWarmUp {

  private static final Logger log = LoggerFactory.getLogger(RenderWarmUp.class);
  static final int ROUNDS = 60;
  private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final MarkdownConverter converter;
  private final ManifestJoin join;
  private final EditionBuildJob builder;
  private final boolean enabled;

  RenderWarmUp(
      MarkdownConverter converter,
      ManifestJoin join,
      EditionBuildJob builder,
      RenderProperties properties) {
    this.converter = converter;
    this.join = join;
    this.builder = builder;
    this.enabled = properties.warmUp();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (enabled) {
      Thread t = new Thread(this::runQuietly, "render-warm-up");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }
  }

  private void runQuietly() {
    try {
      run();
    } catch (RuntimeException e) {
      log.warn("renderer warm-up failed; the first build will only be slower", e);
    }
  }

  /** Converts the sample until {@link #ROUNDS} are done, a build is due or time is up. */
  int run() {
    String markdown = sample();
    ChapterContext context =
        new ChapterContext(
            "warm-up/sample.md", "sample", 0, Set.of("sample", "other"), List.of(), true);
    long start = System.nanoTime();
    int rounds = 0;
    while (rounds < ROUNDS
        && builder.idle()
        && join.pendingCount() == 0
        && System.nanoTime() - start < MAX_NANOS) {
      String xhtml = converter.convert(markdown, context).xhtml();
      Document page = Jsoup.parseBodyFragment(xhtml);
      page.outputSettings().prettyPrint(false);
      if (page.body().html().isEmpty()) {
        throw new IllegalStateException("the warm-up sample rendered to nothing");
      }
      rounds++;
    }
    log.debug(
        "renderer warmed up: {} rounds in {} ms", rounds, (System.nanoTime() - start) / 1_000_000);
    return rounds;
  }

  static String sample() {
    try (InputStream in = RenderWarmUp.class.getResourceAsStream("warm-up.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).repeat(3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
