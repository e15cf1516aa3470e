package io.galley.render;

import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.markdown.MarkdownLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the render service, prefix {@code galley.render}.
 *
 * @param stateDir where assets and built sites are kept; default {@code .state/render}
 * @param partitions partitions of the topics the service declares; default 3
 * @param replicationFactor replication of the topics the service declares; default 1
 * @param maxPreviewSize largest Markdown body {@code POST /api/preview} accepts; default 1MB
 * @param warmUp whether to warm the renderer up (JIT) in the background after start-up, so that the
 *     first book built is as fast as the next; default true
 * @param markdown how much work one chapter or preview may cause; defaults in {@link
 *     MarkdownLimits#DEFAULTS}
 * @param previewConcurrency previews converted at once; more get 503 with Retry-After; default 1 (a
 *     worst-case 1 MB preview can take a few hundred MB while it is converted)
 * @param previewTimeout how long a preview may take before it is answered with 503; default 10s
 * @param zipConcurrency site zips written at once; more get 503 with Retry-After; default 2
 * @param buildAttempts attempts at building an edition that fails, after which {@code
 *     EditionFailed} is published; default 3
 * @param buildRetryDelay the wait before building a failed edition again; default 5s
 * @param historyPerBook sites of each book served by commit ({@code /books/{bookId}/@{commit}/}):
 *     the newest ones; older ones answer 404 (their files stay in the blob store), so memory grows
 *     with books, not commits; default 50, as export keeps 50 editions
 */
@ConfigurationProperties("galley.render")
public record RenderProperties(
    Path stateDir,
    int partitions,
    int replicationFactor,
    DataSize maxPreviewSize,
    Boolean warmUp,
    MarkdownLimits markdown,
    int previewConcurrency,
    Duration previewTimeout,
    int zipConcurrency,
    int buildAttempts,
    Duration buildRetryDelay,
    int historyPerBook) {

  public RenderProperties {
    stateDir = stateDir == null ? Path.of(".state", "render") : stateDir;
    partitions = partitions == 0 ? 3 : partitions;
    replicationFactor = replicationFactor == 0 ? 1 : replicationFactor;
    maxPreviewSize = maxPreviewSize == null ? DataSize.ofMegabytes(1) : maxPreviewSize;
    warmUp = warmUp == null || warmUp;
    markdown = markdown == null ? MarkdownLimits.DEFAULTS : markdown;
    previewConcurrency = previewConcurrency == 0 ? 1 : previewConcurrency;
    previewTimeout = previewTimeout == null ? Duration.ofSeconds(10) : previewTimeout;
    zipConcurrency = zipConcurrency == 0 ? 2 : zipConcurrency;
    buildAttempts = buildAttempts == 0 ? 3 : buildAttempts;
    buildRetryDelay = buildRetryDelay == null ? Duration.ofSeconds(5) : buildRetryDelay;
    historyPerBook = historyPerBook == 0 ? 50 : historyPerBook;
    if (historyPerBook < 1) {
      throw new IllegalArgumentException(
          "galley.render.history-per-book must be >= 1, got " + historyPerBook);
    }
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException(
          "partitions and replication-factor must be >= 1, got "
              + partitions
              + " and "
              + replicationFactor);
    }
    if (maxPreviewSize.toBytes() < 1) {
      throw new IllegalArgumentException(
          "max-preview-size must be positive, got " + maxPreviewSize);
    }
    if (previewConcurrency < 1 || zipConcurrency < 1 || buildAttempts < 1) {
      throw new IllegalArgumentException(
          "preview-concurrency, zip-concurrency and build-attempts must be >= 1, got "
              + previewConcurrency
              + ", "
              + zipConcurrency
              + " and "
              + buildAttempts);
    }
    if (previewTimeout.isNegative() || previewTimeout.isZero() || buildRetryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "preview-timeout must be positive and build-retry-delay not negative, got "
              + previewTimeout
              + " and "
              + buildRetryDelay);
    }
  }

  /** The defaults, as with no property set. */
  public static RenderProperties defaults() {
    return new RenderProperties(null, 0, 0, null, null, null, 0, null, 0, 0, null, 0);
  }

  /** The renderer's version, fixed in code and bumped whenever the output changes. */
  public String rendererVersion() {
    return MarkdownConverter.RENDERER_VERSION;
  }
}
