package io.galley.render.observability;

import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.observability.CommitClock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Records what a published HTML edition cost: {@code galley.render.duration} (the build), {@code
 * galley.edition.bytes{format}} (the index page) and {@code galley.edition.latency{format}} (from
 * the manifest's publication by ingest to this edition's publication).
 */
@Component
public class EditionMetrics {

  private static final String FORMAT = EditionFormat.HTML.name();

  private final CommitClock commits;
  private final Clock clock = Clock.systemUTC();
  private final Timer duration;
  private final Timer latency;
  private final DistributionSummary bytes;

  EditionMetrics(MeterRegistry registry, CommitClock commits) {
    this.commits = commits;
    this.duration =
        Timer.builder("galley.render.duration")
            .description("time to render a commit's chapters and build its HTML site")
            .publishPercentileHistogram()
            .register(registry);
    this.latency =
        Timer.builder("galley.edition.latency")
            .description("from the commit's manifest on Kafka to its edition being published")
            .tag("format", FORMAT)
            .publishPercentileHistogram()
            .register(registry);
    this.bytes =
        DistributionSummary.builder("galley.edition.bytes")
            .description("size of a published edition (for HTML: its index page)")
            .baseUnit("bytes")
            .tag("format", FORMAT)
            .register(registry);
  }

  /** Records a published edition; failures and other formats are ignored. */
  public void published(EditionEvent event) {
    if (!(event instanceof EditionPublished edition) || edition.format() != EditionFormat.HTML) {
      return;
    }
    duration.record(Duration.ofMillis(edition.buildMillis()));
    bytes.record(edition.bytes());
    commits
        .ingestedAt(edition.commit())
        .map(at -> Duration.between(at, clock.instant()))
        .filter(d -> !d.isNegative())
        .ifPresent(latency::record);
  }
}
