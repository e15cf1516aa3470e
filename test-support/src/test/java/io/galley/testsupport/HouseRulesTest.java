package io.galley.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.galley.blob.Blob;
import io.galley.events.SpringEvent;
import io.galley.export.util.PdfHelper;
import io.galley.export.wiring.CountingPostProcessor;
import io.galley.export.wiring.RecordsConsumer;
import io.galley.export.wiring.Wiring;
import io.galley.ingest.alpha.Alpha;
import io.galley.ingest.beta.Beta;
import io.galley.kafka.EdgeReader;
import io.galley.render.site.SiteReader;
import org.junit.jupiter.api.Test;

/** Each house rule fails on fixture classes that break it, so the modules' tests can fail. */
class HouseRulesTest {

  private static final JavaClasses BROKEN =
      new ClassFileImporter()
          .importClasses(
              Alpha.class,
              Beta.class,
              SiteReader.class,
              EdgeReader.class,
              Blob.class,
              SpringEvent.class,
              PdfHelper.class,
              CountingPostProcessor.class,
              RecordsConsumer.class,
              Wiring.class);

  @Test
  void findsAServiceUsingAnother() {
    assertThatThrownBy(() -> HouseRules.serviceDoesNotDependOnOtherServices("render").check(BROKEN))
        .hasMessageContaining("SiteReader")
        .hasMessageContaining("Beta");
    assertThatCode(() -> HouseRules.serviceDoesNotDependOnOtherServices("ingest").check(BROKEN))
        .doesNotThrowAnyException();
  }

  @Test
  void findsACycleBetweenFeatures() {
    assertThatThrownBy(() -> HouseRules.featuresAreFreeOfCycles("ingest").check(BROKEN))
        .hasMessageContaining("feature alpha of ingest")
        .hasMessageContaining("feature beta of ingest");
  }

  @Test
  void findsTheEdgeUsingAServiceOrStorage() {
    assertThatThrownBy(() -> HouseRules.librariesDoNotDependOnServices().check(BROKEN))
        .hasMessageContaining("EdgeReader");
    assertThatThrownBy(() -> HouseRules.kafkaEdgeDependsOnEventsOnly().check(BROKEN))
        .hasMessageContaining("io.galley.blob.Blob");
  }

  @Test
  void findsEventsUsingSpringOrTestHelpers() {
    assertThatThrownBy(() -> HouseRules.eventsStandAlone().check(BROKEN))
        .hasMessageContaining("org.springframework.core.io.Resource");
    assertThatThrownBy(() -> HouseRules.productionCodeDoesNotUseTestSupport().check(BROKEN))
        .hasMessageContaining("TestRepo");
  }

  @Test
  void findsLayerPackagesAndVagueNames() {
    assertThatThrownBy(() -> HouseRules.packagesAreFeaturesNotLayers().check(BROKEN))
        .hasMessageContaining("PdfHelper");
    assertThatThrownBy(() -> HouseRules.noVagueNames().check(BROKEN))
        .hasMessageContaining("PdfHelper");
  }

  @Test
  void findsHiddenWiringAndOffVocabularyNames() {
    assertThatThrownBy(
            () -> HouseRules.beansAreNotRewrittenByPostProcessors("export").check(BROKEN))
        .hasMessageContaining("CountingPostProcessor");
    assertThatThrownBy(() -> HouseRules.kafkaConsumersAreListeners("export").check(BROKEN))
        .hasMessageContaining("RecordsConsumer");
    assertThatThrownBy(() -> HouseRules.configurationsAreNamedSo("export").check(BROKEN))
        .hasMessageContaining("Wiring");
    assertThatCode(() -> HouseRules.beansAreNotRewrittenByPostProcessors("ingest").check(BROKEN))
        .doesNotThrowAnyException();
  }
}
