package io.galley.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service, prefix {@code galley.ingest}; validated at start-up, where a
 * value out of range stops the service with a message naming the property.
 *
 * @param repository local path or URL of the content repository (required)
 * @param branch the branch to follow; default the repository's HEAD branch (remote default)
 * @param books book folders relative to the repository root; empty discovers them
 * @param pollInterval how often the repository is polled, default 1s
 * @param stateDir where clones live, default {@code .state/ingest}
 * @param partitions partitions of the topics this service declares, default 3
 * @param token optional token for https repositories
 * @param webhookSecret optional secret of the push webhook; unsigned pushes are accepted without it
 * @param maxDocumentSize largest chapter (or book.yml, SUMMARY.md) file, default 2MB
 * @param maxAssetSize largest image, default 10MB (images go to the blob store, not to Kafka)
 * @param instance this instance's stable name, part of the transactional id prefix, default {@code
 *     0}
 * @param adminToken bearer token of admin routes such as {@code POST /api/dlt/replay}; unset
 *     disables them (env {@code GALLEY_INGEST_ADMIN_TOKEN})
 * @param parseCache memory for chapters parsed at earlier commits, so a commit re-reads only the
 *     files it changed; default 64MB (about a 1000-chapter book twice), 0 turns the cache off
 * @param webhookMaxBody largest webhook body read, default 1MB (GitHub caps push payloads at 25MB,
 *     but only a ref is read, and pushes of few commits are a few KB); larger gets 413 unread
 * @param webhookMaxConcurrent webhook requests handled at once, default 4; more get 429
 * @param webhookDeadline time a webhook request may take to send its body, default 10s; then 408
 * @param pollStallTimeout a poll running longer than this turns readiness DOWN, default 15m
 * @param apiMaxPage largest page of {@code GET /api/commits} and {@code GET /api/dlt}, default 100
 * @param maxImagePixels largest image in pixels (width x height, read from its header), default 100
 *     million
 * @param maxImageSide largest image width or height in pixels, default 20000
 * @param group the name shared by ingest instances that take turns on one content repository,
 *     default {@code galley-ingest}: one of them (the holder of the lease {@code <group>-lease})
 *     publishes, with the transactional id {@code <group>-publisher}; a different group never
 *     fences this one
 * @param leaseTimeout how long a silent active instance keeps the lease (the lease consumer's
 *     session timeout), default 8s; a standby takes over about this long after the active one died.
 *     The broker bounds it ({@code group.min.session.timeout.ms}, default 6s)
 * @param commitsKeptPerBook the newest decisions of each book kept on {@code
 *     guide.recent-commits.v1} (older ones are retired with tombstones) and in memory, default 50;
 *     the last accepted manifest of a book is kept whatever its age. What render and export can
 *     show of a book's history (their {@code history-per-book}) is bounded by it
 * @param watchRepository whether a local content repository's refs are watched, so a commit is
 *     polled at once rather than at the next poll interval, default true; ignored for a URL
 */
@Validated
@ConfigurationProperties("galley.ingest")
public record IngestProperties(
    @NotBlank(message = "is required: a local git repository path or a URL") String repository,
    String branch,
    List<String> books,
    @DefaultValue("1s") @DurationMin(nanos = 1) Duration pollInterval,
    @DefaultValue(".state/ingest") Path stateDir,
    @DefaultValue("3") @Positive Integer partitions,
    String token,
    String webhookSecret,
    @DefaultValue("2MB") DataSize maxDocumentSize,
    @DefaultValue("10MB") DataSize maxAssetSize,
    @DefaultValue("0") @Pattern(regexp = NAME, message = NAME_RULE) String instance,
    String adminToken,
    @DefaultValue("64MB") DataSize parseCache,
    @DefaultValue("1MB") DataSize webhookMaxBody,
    @DefaultValue("4") @Positive Integer webhookMaxConcurrent,
    @DefaultValue("10s") @DurationMin(millis = 1) Duration webhookDeadline,
    @DefaultValue("15m") @DurationMin(millis = 1) Duration pollStallTimeout,
    @DefaultValue("100") @Positive Integer apiMaxPage,
    @DefaultValue("100000000") @Positive Long maxImagePixels,
    @DefaultValue("20000") @Positive Integer maxImageSide,
    @DefaultValue("galley-ingest") @Pattern(regexp = NAME, message = NAME_RULE) String group,
    @DefaultValue("8s") @DurationMin(seconds = 1) Duration leaseTimeout,
    @DefaultValue("50") @Positive Integer commitsKeptPerBook,
    @DefaultValue("true") Boolean watchRepository) {

  /** Decisions of each book kept unless {@code galley.ingest.commits-kept-per-book} is set. */
  public static final int DEFAULT_COMMITS_KEPT_PER_BOOK = 50;

  private static final String NAME = "[A-Za-z0-9._-]+";
  private static final String NAME_RULE = "must be letters, digits, '.', '_' or '-'";

  // The binder supplies the @DefaultValue defaults (and IDEs show them); null takes the same
  // default here for code that builds the record directly. Ranges are the constraints' job: they
  // stop start-up naming the property. Sizes are checked here, as no constraint knows DataSize.
  public IngestProperties {
    branch = branch == null || branch.isBlank() ? null : branch;
    books = books == null ? List.of() : List.copyOf(books);
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    stateDir = stateDir == null ? Path.of(".state/ingest") : stateDir;
    partitions = partitions == null ? 3 : partitions;
    token = token == null || token.isBlank() ? null : token;
    webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
    maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(2) : maxDocumentSize;
    positive("max-document-size", maxDocumentSize.toBytes());
    maxAssetSize = maxAssetSize == null ? DataSize.ofMegabytes(10) : maxAssetSize;
    positive("max-asset-size", maxAssetSize.toBytes());
    instance = instance == null || instance.isBlank() ? "0" : instance;
    adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    parseCache = parseCache == null ? DataSize.ofMegabytes(64) : parseCache;
    if (parseCache.isNegative()) {
      throw new IllegalArgumentException(
          "galley.ingest.parse-cache must be >= 0, got " + parseCache);
    }
    webhookMaxBody = webhookMaxBody == null ? DataSize.ofMegabytes(1) : webhookMaxBody;
    positive("webhook-max-body", webhookMaxBody.toBytes());
    webhookMaxConcurrent = webhookMaxConcurrent == null ? 4 : webhookMaxConcurrent;
    webhookDeadline = webhookDeadline == null ? Duration.ofSeconds(10) : webhookDeadline;
    pollStallTimeout = pollStallTimeout == null ? Duration.ofMinutes(15) : pollStallTimeout;
    apiMaxPage = apiMaxPage == null ? 100 : apiMaxPage;
    maxImagePixels = maxImagePixels == null ? 100_000_000L : maxImagePixels;
    maxImageSide = maxImageSide == null ? 20_000 : maxImageSide;
    group = group == null || group.isBlank() ? "galley-ingest" : group;
    leaseTimeout = leaseTimeout == null ? Duration.ofSeconds(8) : leaseTimeout;
    commitsKeptPerBook =
        commitsKeptPerBook == null ? DEFAULT_COMMITS_KEPT_PER_BOOK : commitsKeptPerBook;
    watchRepository = watchRepository == null || watchRepository;
  }

  /** The defaults for content repository {@code repository}, as with no other property set. */
  public static IngestProperties defaults(String repository) {
    return new IngestProperties(
        repository,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("galley.ingest." + name + " must be > 0, got " + value);
    }
  }
}
