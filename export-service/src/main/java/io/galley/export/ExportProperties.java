package io.galley.export;

import io.galley.export.edition.BuildBudget;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the export service, prefix {@code galley.export}; validated at start-up, where a
 * value out of range stops the service with a message naming the property.
 *
 * @param stateDir where the service keeps its local files (PDF parts, the blob cache); default
 *     {@code .state/export}
 * @param partitions partitions of the topics the service declares; default 3
 * @param exporterVersion part of every editionId; default {@link #EXPORTER_VERSION}
 * @param siteBaseUrl the render service's public URL, used to link HTML editions; default {@code
 *     http://localhost:8082}
 * @param diff bounds of the diff page, see {@link DiffLimits}
 * @param build budgets of one edition build, see {@link BuildBudget}
 * @param events bounds of the portal's live-update stream, see {@link EventStreamLimits}
 * @param maxRanges byte ranges one download request may ask for; more get the whole file (200);
 *     default 16
 * @param historyPerBook commits of each book kept (portal rows, diffs, live updates) and editions
 *     of each book and format listed and served; older ones drop out (their files stay in the blob
 *     store), so memory grows with books, not commits; default 50 (the portal shows the newest 30)
 */
@Validated
@ConfigurationProperties("galley.export")
public record ExportProperties(
    @DefaultValue(".state/export") Path stateDir,
    @DefaultValue("3") @Positive Integer partitions,
    @DefaultValue(EXPORTER_VERSION) @NotBlank String exporterVersion,
    @DefaultValue("http://localhost:8082") @NotBlank String siteBaseUrl,
    @Valid @NestedConfigurationProperty @DefaultValue DiffLimits diff,
    @Valid @NestedConfigurationProperty @DefaultValue BuildBudget build,
    @Valid @NestedConfigurationProperty @DefaultValue EventStreamLimits events,
    @DefaultValue("16") @Positive Integer maxRanges,
    @DefaultValue("" + DEFAULT_HISTORY_PER_BOOK) @Positive Integer historyPerBook) {

  /** The version of the PDF and EPUB builders; bump it when their output changes. */
  // 5: SVG images are sanitised and re-serialised, illegal align values are dropped
  public static final String EXPORTER_VERSION = "galley-export/5";

  /** Commits of each book the portal keeps unless {@code galley.export.history-per-book} is set. */
  public static final int DEFAULT_HISTORY_PER_BOOK = 50;

  // the defaults are the @DefaultValues alone (the binder supplies them, IDEs show them, and
  // defaults() binds them): a value out of range is not replaced, the constraints stop start-up
  // naming the property
  public ExportProperties {
    if (siteBaseUrl != null && siteBaseUrl.endsWith("/")) {
      siteBaseUrl = siteBaseUrl.substring(0, siteBaseUrl.length() - 1);
    }
  }

  /** Every default, as with no {@code galley.export.*} property set. */
  public static ExportProperties defaults() {
    return new Binder().bindOrCreate("galley.export", ExportProperties.class);
  }

  /** Where the laid-out parts of PDF editions are cached (one folder per book). */
  public Path pdfPartsDir() {
    return stateDir.resolve("pdf-parts");
  }
}
