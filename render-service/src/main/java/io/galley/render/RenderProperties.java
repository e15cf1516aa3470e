package io.galley.render;

import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.markdown.MarkdownLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the render service, prefix {@code galley.render}; validated at start-up, where a
 * value out of range stops the service with a message naming the property.
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
@Validated
@ConfigurationProperties("galley.render")
public record RenderProperties(
    @DefaultValue(".state/render") Path stateDir,
    @DefaultValue("3") @Positive Integer partitions,
    @DefaultValue("1") @Positive Integer replicationFactor,
    @DefaultValue("1MB") DataSize maxPreviewSize,
    @DefaultValue("true") Boolean warmUp,
    @Valid @NestedConfigurationProperty MarkdownLimits markdown,
    @DefaultValue("1") @Positive Integer previewConcurrency,
    @DefaultValue("10s") @DurationMin(millis = 1) Duration previewTimeout,
    @DefaultValue("2") @Positive Integer zipConcurrency,
    @DefaultValue("3") @Positive Integer buildAttempts,
    @DefaultValue("5s") @DurationMin(millis = 0) Duration buildRetryDelay,
    @DefaultValue("50") @Positive Integer historyPerBook) {

  // The binder supplies the @DefaultValue defaults (and IDEs show them); null takes the same
  // default here for code that builds the record directly. A value out of range is not replaced:
  // the constraints stop start-up naming the property.
  public RenderProperties {
    stateDir = stateDir == null ? Path.of(".state", "render") : stateDir;
    partitions = partitions == null ? 3 : partitions;
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    maxPreviewSize = maxPreviewSize == null ? DataSize.ofMegabytes(1) : maxPreviewSize;
    warmUp = warmUp == null || warmUp;
    markdown = markdown == null ? MarkdownLimits.DEFAULTS : markdown;
    previewConcurrency = previewConcurrency == null ? 1 : previewConcurrency;
    previewTimeout = previewTimeout == null ? Duration.ofSeconds(10) : previewTimeout;
    zipConcurrency = zipConcurrency == null ? 2 : zipConcurrency;
    buildAttempts = buildAttempts == null ? 3 : buildAttempts;
    buildRetryDelay = buildRetryDelay == null ? Duration.ofSeconds(5) : buildRetryDelay;
    historyPerBook = historyPerBook == null ? 50 : historyPerBook;
    if (maxPreviewSize.toBytes() < 1) {
      // no Bean Validation constraint knows DataSize
      throw new IllegalArgumentException(
          "galley.render.max-preview-size must be positive, got " + maxPreviewSize);
    }
  }

  /** The defaults, as with no property set. */
  public static RenderProperties defaults() {
    return new RenderProperties(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The renderer's version, fixed in code and bumped whenever the output changes. */
  public String rendererVersion() {
    return MarkdownConverter.RENDERER_VERSION;
  }
}
