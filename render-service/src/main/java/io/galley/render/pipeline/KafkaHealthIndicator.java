package io.galley.render.pipeline;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Reports the broker as part of {@code /actuator/health}: up when the cluster answers. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final KafkaAdmin kafkaAdmin;
  private Admin admin;

  KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    this.kafkaAdmin = kafkaAdmin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000));
    builder
        .up()
        .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
        .withDetail("nodes", cluster.nodes().get(3, TimeUnit.SECONDS).size());
  }

  private synchronized Admin admin() {
    if (admin == null) {
      var props = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
      admin = Admin.create(props);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close();
    }
  }
}
