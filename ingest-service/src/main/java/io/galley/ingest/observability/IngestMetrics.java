package io.galley.ingest.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The ingest service's meters: {@code galley.ingest.commits{status=ingested|rejected}} and the
 * duration of each repository poll, {@code galley.ingest.poll.duration}.
 */
@Component
public class IngestMetrics {

  private final Counter ingested;
  private final Counter rejected;
  private final Timer poll;

  /** Meters registered in {@code registry}. */
  public IngestMetrics(MeterRegistry registry) {
    this.ingested = commits(registry, "ingested");
    this.rejected = commits(registry, "rejected");
    this.poll =
        Timer.builder("galley.ingest.poll.duration")
            .description("one poll of the content repository: fetch, read and publish")
            .publishPercentileHistogram()
            .register(registry);
  }

  private static Counter commits(MeterRegistry registry, String status) {
    return Counter.builder("galley.ingest.commits")
        .description("commits published, as manifests (ingested) or rejections")
        .tag("status", status)
        .register(registry);
  }

  /** Counts a published manifest. */
  public void ingested() {
    ingested.increment();
  }

  /** Counts a published rejection. */
  public void rejected() {
    rejected.increment();
  }

  /** Runs one poll and records how long it took, failed or not. */
  public void timePoll(Runnable pollOnce) {
    poll.record(pollOnce);
  }
}
