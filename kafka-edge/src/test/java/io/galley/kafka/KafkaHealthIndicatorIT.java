package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.testsupport.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The {@code kafka} health indicator every service uses against no broker and the real one. */
class KafkaHealthIndicatorIT {

  @Test
  void isDownWhereNoBrokerListensAndKeepsTheAnswerBriefly() throws IOException {
    KafkaHealthIndicator health = indicator("127.0.0.1:" + freePort(), Duration.ofSeconds(5));
    try {
      long start = System.nanoTime();
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      // within the cache window the answer is reused, without asking the (absent) broker again
      long again = System.nanoTime();
      assertThat(health.health()).isSameAs(health.health());
      assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(100));
    } finally {
      health.destroy();
    }
  }

  @Test
  void isUpWithTheClusterIdWhenTheBrokerAnswers() {
    KafkaHealthIndicator health =
        indicator(KafkaBroker.selected().bootstrapServers(), Duration.ZERO);
    try {
      var answer = health.health();
      assertThat(answer.getStatus()).isEqualTo(Status.UP);
      assertThat(answer.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
      // no caching: a second probe asks the cluster again and gets a fresh answer
      assertThat(health.health()).isNotSameAs(answer).isEqualTo(answer);
    } finally {
      health.destroy();
    }
  }

  @Test
  void turnsUpAgainWhenTheBrokerReturns() throws IOException {
    int port = freePort();
    KafkaHealthIndicator health = indicator("127.0.0.1:" + port, Duration.ZERO);
    try {
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      try (BrokerProxy broker = new BrokerProxy(port, KafkaBroker.selected().bootstrapServers())) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> health.health().getStatus(), Status.UP::equals);
      }
    } finally {
      health.destroy();
    }
  }

  private static KafkaHealthIndicator indicator(String bootstrap, Duration cacheFor) {
    return new KafkaHealthIndicator(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), cacheFor, Clock.systemUTC());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
