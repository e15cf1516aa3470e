package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The start-up check of the declared topics against existing ones, on a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicsCheckIT {

  private String bootstrap;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void start() {
    bootstrap = KafkaBroker.EMBEDDED.bootstrapServers(); // with Galley's topics, 3 partitions
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private void create(NewTopic... topics) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
    }
  }

  private TopicsCheck check() {
    return new TopicsCheck(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static NewTopic compacted(String name, int partitions) {
    return TopicBuilder.name(name).partitions(partitions).replicas(1).compact().build();
  }

  @Test
  void refusesAnExistingTopicWithFewerPartitionsNamingTopicPropertyAndBothCounts()
      throws Exception {
    String narrow = "narrow-" + run;
    create(compacted(narrow, 2));

    assertThatThrownBy(() -> check().verify(List.of(compacted(narrow, 4))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(narrow + " has 2 partitions")
        .hasMessageContaining("galley.topics.partitions declares 4");
    // refused, not widened: the topic keeps its partitions
    try (Admin admin = admin()) {
      assertThat(
              admin.describeTopics(List.of(narrow)).allTopicNames().get().get(narrow).partitions())
          .hasSize(2);
    }
  }

  @Test
  void refusesAnExistingTopicWithAnotherCleanupPolicy() throws Exception {
    String log = "log-" + run;
    create(
        TopicBuilder.name(log)
            .partitions(3)
            .replicas(1)
            .config("cleanup.policy", "delete")
            .build());

    assertThatThrownBy(() -> check().verify(List.of(compacted(log, 3))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(log + " has cleanup.policy=delete")
        .hasMessageContaining("declares cleanup.policy=compact");
  }

  @Test
  void acceptsMorePartitionsThanDeclaredAndTopicsThatDoNotExistYet() throws Exception {
    String wide = "wide-" + run;
    create(compacted(wide, 5));

    List<String> noted =
        check().verify(List.of(compacted(wide, 3), compacted("missing-" + run, 3)));

    assertThat(noted).singleElement().asString().contains(wide + " has 5 partitions");
  }

  @Test
  void aServiceDeclaringMorePartitionsThanItsTopicsHaveDoesNotStart() {
    // the broker's Galley topics have 3 partitions; a service asking for 6 must not widen them
    contextWith("galley.topics.partitions=6")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining(Topics.SOURCE + " has 3 partitions")
                  .hasMessageContaining("galley.topics.partitions declares 6");
            });
  }

  @Test
  void aServiceDeclaringWhatExistsStartsWithTheHealthIndicatorAndTheDeclarations() {
    contextWith("galley.topics.partitions=3")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
              assertThat(context).hasBean("kafka");
              assertThat(context.getBean("kafka", KafkaHealthIndicator.class).health().getStatus())
                  .hasToString("UP");
              try (Admin admin = admin()) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(names).contains(Topics.SOURCE, Topics.DLT);
              }
            });
  }

  private ApplicationContextRunner contextWith(String partitions) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaEdgeConfiguration.class))
        .withPropertyValues("spring.kafka.bootstrap-servers=" + bootstrap, partitions);
  }
}
