package io.galley.e2e.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.kafka.TopicProperties;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Each service's yml hands its older topic settings ({@code galley.<service>.partitions}, render's
 * {@code galley.render.replication-factor}) to {@code galley.topics.*}, which kafka-edge declares
 * the topics from; {@code galley.topics.*} wins when both are given.
 */
class TopicSettingsTest {

  private static TopicProperties bind(String service, Map<String, Object> given)
      throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("given", given));
    new YamlPropertySourceLoader()
        .load(service, new ClassPathResource(service + ".yml"))
        .forEach(env.getPropertySources()::addLast);
    return new Binder(
            ConfigurationPropertySources.get(env), new PropertySourcesPlaceholdersResolver(env))
        .bindOrCreate("galley.topics", TopicProperties.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "render", "export"})
  void theDefaultsAreThreePartitionsAndOneReplica(String service) throws IOException {
    TopicProperties topics = bind(service + "-service", Map.of());
    assertThat(topics.partitions()).isEqualTo(3);
    assertThat(topics.replicationFactor()).isEqualTo(1);
    assertThat(topics.minInsyncReplicas()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "render", "export"})
  void theServicesOwnPartitionSettingStillCounts(String service) throws IOException {
    TopicProperties topics =
        bind(service + "-service", Map.of("galley." + service + ".partitions", "6"));
    assertThat(topics.partitions()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "render", "export"})
  void theSharedSettingWins(String service) throws IOException {
    TopicProperties topics =
        bind(
            service + "-service",
            Map.of("galley." + service + ".partitions", "6", "galley.topics.partitions", "4"));
    assertThat(topics.partitions()).isEqualTo(4);
  }

  @Test
  void rendersOwnReplicationSettingStillCounts() throws IOException {
    assertThat(
            bind("render-service", Map.of("galley.render.replication-factor", "3"))
                .replicationFactor())
        .isEqualTo(3);
  }
}
