package io.galley.export.observability;

import io.galley.events.EditionFormat;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import io.galley.observability.CommitClock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Measures edition builds: {@code galley.export.duration{format}}, {@code
 * galley.edition.bytes{format}} and {@code galley.edition.latency{format}} (from the manifest's
 * publication by ingest to the finished file, which is stored and published right after).
 */
@Component
public class EditionMetrics {

  private final MeterRegistry registry;
  private final CommitClock commits;
  private final Clock clock = Clock.systemUTC();

  EditionMetrics(MeterRegistry registry, CommitClock commits) {
    this.registry = registry;
    this.commits = commits;
  }

  /** Wraps {@code builder} so that each successful build is measured. */
  public EditionBuilder measured(EditionBuilder builder) {
    return new Measured(builder);
  }

  private final class Measured implements EditionBuilder {

    private final EditionBuilder delegate;
    private final Timer duration;
    private final Timer latency;
    private final DistributionSummary bytes;

    Measured(EditionBuilder delegate) {
      this.delegate = delegate;
      String format = delegate.format().name();
      this.duration =
          Timer.builder("galley.export.duration")
              .description("time to build one edition file")
              .tag("format", format)
              .publishPercentileHistogram()
              .register(registry);
      this.latency =
          Timer.builder("galley.edition.latency")
              .description("from the commit's manifest on Kafka to its edition being published")
              .tag("format", format)
              .publishPercentileHistogram()
              .register(registry);
      this.bytes =
          DistributionSummary.builder("galley.edition.bytes")
              .description("size of a published edition file")
              .baseUnit("bytes")
              .tag("format", format)
              .register(registry);
    }

    @Override
    public EditionFormat format() {
      return delegate.format();
    }

    @Override
    public BuiltEdition build(BookContent book) throws IOException {
      long start = System.nanoTime();
      BuiltEdition built = delegate.build(book);
      duration.record(Duration.ofNanos(System.nanoTime() - start));
      bytes.record(built.size());
      commits
          .ingestedAt(book.manifest().commit())
          .map(at -> Duration.between(at, clock.instant()))
          .filter(d -> !d.isNegative())
          .ifPresent(latency::record);
      return built;
    }
  }
}
