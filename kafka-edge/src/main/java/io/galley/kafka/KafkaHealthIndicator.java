package io.galley.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The broker as part of every service's {@code /actuator/health} (component {@code kafka}, in the
 * readiness groups): UP with {@code clusterId} and {@code nodes} when the cluster answers {@code
 * describeCluster} within {@value #TIMEOUT_MS} ms, DOWN otherwise. The answer is kept for {@value
 * #CACHE_SECONDS} s, so probes stay cheap however often they come.
 */
public final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

  static final int TIMEOUT_MS = 2000;
  static final int CACHE_SECONDS = 5;

  private final Map<String, Object> config;
  private final Duration cacheFor;
  private final Clock clock;
  private Admin admin;
  private Health last;
  private Instant checkedAt = Instant.MIN;

  /** An indicator using the service's Kafka admin settings. */
  public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    this(
        kafkaAdmin.getConfigurationProperties(),
        Duration.ofSeconds(CACHE_SECONDS),
        Clock.systemUTC());
  }

  KafkaHealthIndicator(Map<String, Object> adminConfig, Duration cacheFor, Clock clock) {
    this.config = new HashMap<>(adminConfig);
    this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.cacheFor = cacheFor;
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(cacheFor))) {
      last = check();
      checkedAt = clock.instant();
    }
    return last;
  }

  private Health check() {
    try {
      if (admin == null) {
        admin = Admin.create(config);
      }
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
      String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    } catch (Exception e) {
      return Health.down(e).build();
    }
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
