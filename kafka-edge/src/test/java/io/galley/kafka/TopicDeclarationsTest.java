package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicDeclarationsTest {

  @Test
  void declaresTheIngestLeaseWithTheOtherTopicsAndTheirReplication() {
    NewTopic lease =
        TopicDeclarations.list(new TopicProperties(6, 3, 2)).stream()
            .filter(t -> t.name().equals("guide.ingest-lease.v1"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the ingest lease is not declared"));

    // one partition whatever galley.topics.partitions says; replicas and configs as every topic's
    assertThat(lease.numPartitions()).isEqualTo(1);
    assertThat(lease.replicationFactor()).isEqualTo((short) 3);
    assertThat(lease.configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("min.insync.replicas", "2");
  }

  @Test
  void declaresEveryTopicOfTheContractsOnce() {
    assertThat(TopicDeclarations.list(TopicProperties.defaults()))
        .extracting(NewTopic::name)
        .containsExactlyInAnyOrderElementsOf(
            Topics.all(3).stream().map(io.galley.events.TopicSpec::name).toList())
        .doesNotHaveDuplicates();
  }
}
