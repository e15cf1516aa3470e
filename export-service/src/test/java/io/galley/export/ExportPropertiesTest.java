package io.galley.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.export.edition.BuildBudget;
import io.galley.testsupport.ConfigurationMetadata;
import java.nio.file.Path;
import java.time.Duration;
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

/** {@code galley.export.*} binds with its defaults, and a wrong value stops start-up by name. */
@ExtendWith(OutputCaptureExtension.class)
class ExportPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ExportProperties.class)
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
      ExportProperties bound = context.getBean(ExportProperties.class);
      assertThat(bound).isEqualTo(ExportProperties.defaults());
      assertThat(bound.stateDir()).isEqualTo(Path.of(".state/export"));
      assertThat(bound.exporterVersion()).isEqualTo(ExportProperties.EXPORTER_VERSION);
      assertThat(bound.historyPerBook()).isEqualTo(ExportProperties.DEFAULT_HISTORY_PER_BOOK);
      assertThat(bound.diff()).isEqualTo(DiffLimits.DEFAULTS);
      assertThat(bound.diff().maxBlocks()).isEqualTo(20_000);
      assertThat(bound.diff().timeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(bound.build()).isEqualTo(BuildBudget.DEFAULTS);
      assertThat(bound.build().maxPages()).isEqualTo(5_000);
      assertThat(bound.events()).isEqualTo(EventStreamLimits.DEFAULTS);
      assertThat(bound.events().maxConnections()).isEqualTo(100);
      assertThat(bound.events().timeout()).isEqualTo(Duration.ofMinutes(30));
    }
  }

  @Test
  void bindsAValueInRange() {
    try (ConfigurableApplicationContext context =
        start("galley.export.partitions=6", "galley.export.build.max-pages=10")) {
      ExportProperties bound = context.getBean(ExportProperties.class);
      assertThat(bound.partitions()).isEqualTo(6);
      assertThat(bound.build().maxPages()).isEqualTo(10);
      assertThat(bound.build().attempts()).isEqualTo(2);
      assertThat(bound.historyPerBook()).isEqualTo(50);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "partitions, 0",
    "max-ranges, 0",
    "history-per-book, 0",
    "history-per-book, -1",
    "build.max-heap-percent, 101",
    "build.max-pages, -1",
    "events.max-connections, -1",
    // zero used to mean "the default" in the nested groups: now it is a wrong value like any other
    "diff.max-blocks, 0",
    "diff.max-comparisons, 0",
    "diff.cache-chars, -1",
    "diff.timeout, 0s",
    "build.max-pages, 0",
    "build.attempts, 0",
    "build.timeout, -1s",
    "events.max-connections, 0",
    "events.timeout, 0s"
  })
  void aValueOutOfRangeStopsStartUpNamingTheProperty(
      String property, String value, CapturedOutput output) {
    String name = "galley.export." + property;
    assertThatThrownBy(() -> start(name + "=" + value).close()).isNotNull();
    // Boot names a nested property by its field path (build.maxHeapPercent)
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .containsAnyOf(name, ConfigurationMetadata.fieldPath(name));
  }

  @Test
  void metadataListsTheSettingsWithTheirDefaults() {
    assertThat(
            ConfigurationMetadata.property("galley.export.partitions").get("defaultValue").asInt())
        .isEqualTo(3);
    assertThat(
            ConfigurationMetadata.property("galley.export.site-base-url")
                .get("defaultValue")
                .asString())
        .isEqualTo("http://localhost:8082");
    // the nested groups' defaults are the @DefaultValues IDEs see, not constructor fallbacks
    assertThat(
            ConfigurationMetadata.property("galley.export.diff.max-blocks")
                .get("defaultValue")
                .asInt())
        .isEqualTo(20_000);
    assertThat(
            ConfigurationMetadata.property("galley.export.events.timeout")
                .get("defaultValue")
                .asString())
        .isEqualTo("30m");
    assertThat(
            ConfigurationMetadata.property("galley.export.build.max-heap-percent")
                .get("description")
                .asString())
        .contains("memory budget");
    assertThat(
            ConfigurationMetadata.property("galley.export.history-per-book")
                .get("description")
                .asString())
        .contains("commits of each book");
  }
}
