package io.galley.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ingest service, prefix {@code galley.ingest}.
 *
 * @param repository local path or URL of the content repository (required)
 * @param branch the branch to follow; default the repository's HEAD branch (remote default)
 * @param books book folders relative to the repository root; empty discovers them
 * @param pollInterval how often the repository is polled, default 1s
 * @param stateDir where clones live, default {@code .state/ingest}
 * @param partitions partitions of the topics this service declares, default 3
 * @param token optional token for https repositories
 * @param webhookSecret optional secret of the push webhook; unsigned pushes are accepted without it
 * @param maxDocumentBytes largest chapter file, default 2 MB
 * @param maxAssetBytes largest image, default 10 MB
 * @param instance this instance's number, part of the stable transactional id, default 0
 */
@ConfigurationProperties("galley.ingest")
public record IngestProperties(
    String repository,
    String branch,
    List<String> books,
    Duration pollInterval,
    Path stateDir,
    Integer partitions,
    String token,
    String webhookSecret,
    Long maxDocumentBytes,
    Long maxAssetBytes,
    Integer instance) {

  public IngestProperties {
    if (repository == null || repository.isBlank()) {
      throw new IllegalArgumentException(
          "galley.ingest.repository is required: a local git repository path or a URL");
    }
    branch = branch == null || branch.isBlank() ? null : branch;
    books = books == null ? List.of() : List.copyOf(books);
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("galley.ingest.poll-interval must be > 0, got " + pollInterval);
    }
    stateDir = stateDir == null ? Path.of(".state/ingest") : stateDir;
    partitions = partitions == null ? 3 : partitions;
    if (partitions < 1) {
      throw new IllegalArgumentException("galley.ingest.partitions must be >= 1, got " + partitions);
    }
    token = token == null || token.isBlank() ? null : token;
    webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
    maxDocumentBytes = maxDocumentBytes == null ? 2L * 1024 * 1024 : maxDocumentBytes;
    maxAssetBytes = maxAssetBytes == null ? 10L * 1024 * 1024 : maxAssetBytes;
    instance = instance == null ? 0 : instance;
  }
}
