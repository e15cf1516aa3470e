package io.galley.render;

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

/** {@code galley.render.*} binds with its defaults, and a wrong value stops start-up by name. */
@ExtendWith(OutputCaptureExtension.class)
class RenderPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RenderProperties.class)
  static class Settings {}

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(Settings.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties(properties)
        .run();
  }

  @Test
  void bindsTheDefaultsWhenNothingIsSet() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(RenderProperties.class)).isEqualTo(RenderProperties.defaults());
    }
  }

  @Test
  void bindsAValueInRange() {
    try (ConfigurableApplicationContext context =
        start("galley.render.partitions=6", "galley.render.markdown.max-nesting=8")) {
      RenderProperties bound = context.getBean(RenderProperties.class);
      assertThat(bound.partitions()).isEqualTo(6);
      assertThat(bound.markdown().maxNesting()).isEqualTo(8);
      assertThat(bound.markdown().maxNodes()).isEqualTo(300_000);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "partitions, 0",
    "replication-factor, -1",
    "preview-concurrency, 0",
    "zip-concurrency, 0",
    "build-attempts, 0",
    "history-per-book, 0",
    "preview-timeout, 0s",
    "build-retry-delay, -1s",
    "max-preview-size, 0B",
    "markdown.max-nesting, 3",
    "markdown.max-nodes, 0"
  })
  void aValueOutOfRangeStopsStartUpNamingTheProperty(
      String property, String value, CapturedOutput output) {
    String name = "galley.render." + property;
    assertThatThrownBy(() -> start(name + "=" + value).close()).isNotNull();
    // Boot names a nested property by its field path (markdown.maxNesting)
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .containsAnyOf(name, ConfigurationMetadata.fieldPath(name));
  }

  @Test
  void metadataListsTheSettingsWithTheirDefaults() {
    assertThat(
            ConfigurationMetadata.property("galley.render.partitions").get("defaultValue").asInt())
        .isEqualTo(3);
    assertThat(
            ConfigurationMetadata.property("galley.render.preview-timeout")
                .get("defaultValue")
                .asString())
        .isEqualTo("10s");
    assertThat(
            ConfigurationMetadata.property("galley.render.markdown.max-nesting")
                .get("defaultValue")
                .asInt())
        .isEqualTo(64);
    assertThat(
            ConfigurationMetadata.property("galley.render.history-per-book")
                .get("description")
                .asString())
        .contains("sites of each book");
  }
}
