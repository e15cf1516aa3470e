package io.galley.render;

import io.galley.render.markdown.MarkdownConverter;
import java.nio.file.Path;
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
 */
@ConfigurationProperties("galley.render")
public record RenderProperties(
    Path stateDir, int partitions, int replicationFactor, DataSize maxPreviewSize, Boolean warmUp) {

  public RenderProperties {
    stateDir = stateDir == null ? Path.of(".state", "render") : stateDir;
    partitions = partitions == 0 ? 3 : partitions;
    replicationFactor = replicationFactor == 0 ? 1 : replicationFactor;
    maxPreviewSize = maxPreviewSize == null ? DataSize.ofMegabytes(1) : maxPreviewSize;
    warmUp = warmUp == null || warmUp;
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
  }

  /** The renderer's version, fixed in code and bumped whenever the output changes. */
  public String rendererVersion() {
    return MarkdownConverter.RENDERER_VERSION;
  }
}
