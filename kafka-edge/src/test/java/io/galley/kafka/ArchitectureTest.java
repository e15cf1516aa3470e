package io.galley.kafka;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.galley.testsupport.HouseRules;
import org.junit.jupiter.api.Test;

/** The design's module rules for the edge and the wire contracts beneath it. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = HouseRules.mainClasses("io.galley");

  @Test
  void eventsStandAlone() {
    HouseRules.eventsStandAlone().check(CLASSES);
  }

  @Test
  void edgeDependsOnEventsOnly() {
    HouseRules.kafkaEdgeDependsOnEventsOnly().check(CLASSES);
  }

  @Test
  void edgeAndEventsDoNotDependOnServices() {
    HouseRules.librariesDoNotDependOnServices().check(CLASSES);
  }

  @Test
  void productionCodeDoesNotUseTestSupport() {
    HouseRules.productionCodeDoesNotUseTestSupport().check(CLASSES);
  }

  @Test
  void packagesAreFeaturesNotLayers() {
    HouseRules.packagesAreFeaturesNotLayers().check(CLASSES);
  }

  @Test
  void namesSayWhatAThingIs() {
    HouseRules.noVagueNames().check(CLASSES);
  }
}
