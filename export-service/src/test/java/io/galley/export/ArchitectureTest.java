package io.galley.export;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.galley.testsupport.HouseRules;
import org.junit.jupiter.api.Test;

/** The design's module and package rules, checked on the export service's classes. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = HouseRules.mainClasses("io.galley");

  @Test
  void doesNotDependOnAnotherService() {
    HouseRules.serviceDoesNotDependOnOtherServices("export").check(CLASSES);
  }

  @Test
  void sharedModulesItUsesDoNotDependOnServices() {
    HouseRules.librariesDoNotDependOnServices().check(CLASSES);
  }

  @Test
  void productionCodeDoesNotUseTestSupport() {
    HouseRules.productionCodeDoesNotUseTestSupport().check(CLASSES);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    HouseRules.featuresAreFreeOfCycles("export").check(CLASSES);
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
