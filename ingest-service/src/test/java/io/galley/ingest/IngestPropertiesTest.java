package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** {@code galley.ingest.*} binds with its defaults, and a wrong value stops start-up by name. */
@ExtendWith(OutputCaptureExtension.class)
class IngestPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IngestProperties.class)
  static class Settings {}

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(Settings.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties("galley.ingest.repository=/srv/content")
        .properties(properties)
        .run();
  }

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(IngestProperties.class))
          .isEqualTo(IngestProperties.defaults("/srv/content"));
    }
  }

  @Test
  void bindsAValueInRange() {
    try (ConfigurableApplicationContext context =
        start("galley.ingest.partitions=6", "galley.ingest.lease-timeout=2s")) {
      IngestProperties bound = context.getBean(IngestProperties.class);
      assertThat(bound.partitions()).isEqualTo(6);
      assertThat(bound.leaseTimeout()).hasSeconds(2);
      assertThat(bound.apiMaxPage()).isEqualTo(100);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "repository, ' '",
    "partitions, 0",
    "poll-interval, 0s",
    "lease-timeout, 500ms",
    "webhook-deadline, -1s",
    "instance, a/b",
    "group, x y",
    "commits-kept-per-book, 0",
    "max-image-pixels, -1",
    "max-asset-size, 0B",
    "max-document-size, 0B"
  })
  void aValueOutOfRangeStopsStartUpNamingTheProperty(
      String property, String value, CapturedOutput output) {
    String name = "galley.ingest." + property;
    assertThatThrownBy(() -> start(name + "=" + value).close()).isNotNull();
    assertThat(output).contains("APPLICATION FAILED TO START").contains(name);
  }

  @Test
  void metadataListsTheSettingsWithTheirDefaults() {
    assertThat(
            ConfigurationMetadata.property("galley.ingest.partitions").get("defaultValue").asInt())
        .isEqualTo(3);
    assertThat(
            ConfigurationMetadata.property("galley.ingest.lease-timeout")
                .get("defaultValue")
                .asString())
        .isEqualTo("8s");
    assertThat(
            ConfigurationMetadata.property("galley.ingest.webhook-secret")
                .get("description")
                .asString())
        .contains("unsigned pushes");
    assertThat(
            ConfigurationMetadata.property("galley.ingest.watch-repository")
                .get("defaultValue")
                .asBoolean())
        .isTrue();
  }
}
