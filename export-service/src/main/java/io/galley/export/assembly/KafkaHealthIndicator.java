package io.galley.export.assembly;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Health of the broker connection ({@code kafka}), part of the readiness group. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

  private final Admin admin;

  KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
    String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
    int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
  }

  @Override
  public void close() {
    admin.close();
  }
}
