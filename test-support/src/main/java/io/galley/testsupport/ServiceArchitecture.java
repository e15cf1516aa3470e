package io.galley.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The design's module and package rules ({@link HouseRules}) checked on one service's class path:
 * each service has a test class extending this, so {@code mvn -pl <service> -am verify} checks them
 * where the code is written.
 */
public abstract class ServiceArchitecture {

  private static final JavaClasses CLASSES = HouseRules.mainClasses("io.galley");

  private final String service;

  /** The rules for service {@code service} ({@code ingest}, {@code render} or {@code export}). */
  protected ServiceArchitecture(String service) {
    this.service = service;
  }

  @Test
  public void doesNotDependOnAnotherService() {
    HouseRules.serviceDoesNotDependOnOtherServices(service).check(CLASSES);
  }

  @Test
  public void sharedModulesItUsesDoNotDependOnServices() {
    HouseRules.librariesDoNotDependOnServices().check(CLASSES);
  }

  @Test
  public void productionCodeDoesNotUseTestSupport() {
    HouseRules.productionCodeDoesNotUseTestSupport().check(CLASSES);
  }

  @Test
  public void featurePackagesHaveNoCycles() {
    HouseRules.featuresAreFreeOfCycles(service).check(CLASSES);
  }

  @Test
  public void packagesAreFeaturesNotLayers() {
    HouseRules.packagesAreFeaturesNotLayers().check(CLASSES);
  }

  @Test
  public void namesSayWhatAThingIs() {
    HouseRules.noVagueNames().check(CLASSES);
  }

  @Test
  public void declaresItsBeansWithoutPostProcessors() {
    HouseRules.beansAreNotRewrittenByPostProcessors(service).check(CLASSES);
  }

  @Test
  public void namesKafkaConsumersListeners() {
    HouseRules.kafkaConsumersAreListeners(service).check(CLASSES);
  }

  @Test
  public void namesConfigurationsForWhatTheyAssemble() {
    HouseRules.configurationsAreNamedSo(service).check(CLASSES);
  }
}
