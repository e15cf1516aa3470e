package io.galley.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.containAnyMethodsThat;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The module and package rules of DESIGN.md and STYLE.md as ArchUnit rules, so that each module's
 * architecture test states the design and fails when a change breaks it. Modules depend one way
 * (services on {@code kafka-edge} on {@code events}); services never depend on each other; packages
 * are features, not layers, and features do not depend on each other in a cycle.
 */
public final class HouseRules {

  /** The service modules, by their root package under {@code io.galley}. */
  public static final List<String> SERVICES = List.of("ingest", "render", "export");

  private static final String[] SERVICE_PACKAGES =
      SERVICES.stream().map(s -> "io.galley." + s + "..").toArray(String[]::new);

  private static final String[] LIBRARY_PACKAGES = {
    "io.galley.events..",
    "io.galley.kafka..",
    "io.galley.observability..",
    "io.galley.blob..",
    "io.galley.media.."
  };

  private HouseRules() {}

  /** The production classes (no test classes) of the given packages, as found on the classpath. */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages);
  }

  /** The service never refers to another service's classes: they meet only on Kafka and HTTP. */
  public static ArchRule serviceDoesNotDependOnOtherServices(String service) {
    String[] others =
        SERVICES.stream()
            .filter(s -> !s.equals(service))
            .map(s -> "io.galley." + s + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("io.galley." + service + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services meet only on Kafka topics and HTTP (DESIGN.md)");
  }

  /** The shared modules ({@code events}, {@code kafka-edge}, blob store, media) know no service. */
  public static ArchRule librariesDoNotDependOnServices() {
    return noClasses()
        .that()
        .resideInAnyPackage(LIBRARY_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICE_PACKAGES)
        .because("modules depend one way: services on kafka-edge on events");
  }

  /** {@code kafka-edge} builds on {@code events} only: the edge is not a way into storage. */
  public static ArchRule kafkaEdgeDependsOnEventsOnly() {
    return noClasses()
        .that()
        .resideInAnyPackage("io.galley.kafka..", "io.galley.observability..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.galley.blob..", "io.galley.media..")
        .because("modules depend one way: services on kafka-edge on events");
  }

  /**
   * {@code events} is the wire contract: records and Jackson, no Spring, no other Galley module.
   */
  public static ArchRule eventsStandAlone() {
    String[] others =
        Arrays.stream(LIBRARY_PACKAGES)
            .filter(p -> !p.equals("io.galley.events.."))
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("io.galley.events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(others, "org.springframework..", "io.galley.testsupport.."))
        .because("events holds wire contracts only: records, Jackson, no Spring (STYLE.md)");
  }

  /** Production code never uses the test helpers. */
  public static ArchRule productionCodeDoesNotUseTestSupport() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("io.galley.testsupport..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.galley.testsupport..")
        .because("test-support is a test-scoped module");
  }

  /** The feature packages of one service ({@code io.galley.<service>.<feature>}) form no cycle. */
  public static ArchRule featuresAreFreeOfCycles(String service) {
    return slices()
        .matching("io.galley." + service + ".(*)..")
        .namingSlices("feature $1 of " + service)
        .should()
        .beFreeOfCycles()
        .because("features do not import each other in a cycle (STYLE.md)");
  }

  /** Packages are features, not layers. */
  public static ArchRule packagesAreFeaturesNotLayers() {
    return noClasses()
        .should()
        .resideInAnyPackage(
            "..controller..",
            "..controllers..",
            "..service..",
            "..services..",
            "..dto..",
            "..util..",
            "..utils..",
            "..common..",
            "..impl..",
            "..helper..",
            "..helpers..")
        .because(
            "packages are by feature: no controller/, service/, dto/, util/, common/ (STYLE.md)");
  }

  /** Names say what a thing is or does. */
  public static ArchRule noVagueNames() {
    return noClasses()
        .should()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .orShould()
        .haveSimpleNameEndingWith("Impl")
        .because(
            "names say what a thing is or does: not *Manager, *Helper, *Util, *Impl (STYLE.md)");
  }

  /**
   * The service's beans are what its configuration declares: no post-processor rewrites them behind
   * the reader's back (a decorator is applied where the bean is made).
   */
  public static ArchRule beansAreNotRewrittenByPostProcessors(String service) {
    return noClasses()
        .that()
        .resideInAPackage("io.galley." + service + "..")
        .should()
        .implement("org.springframework.beans.factory.config.BeanPostProcessor")
        .orShould()
        .implement("org.springframework.beans.factory.config.BeanFactoryPostProcessor")
        .because("wiring a newcomer can see: declare the decorated bean explicitly (STYLE.md)");
  }

  /** One vocabulary: a class that consumes a Kafka topic is a {@code *Listener}. */
  public static ArchRule kafkaConsumersAreListeners(String service) {
    return classes()
        .that()
        .resideInAPackage("io.galley." + service + "..")
        .and(
            containAnyMethodsThat(
                annotatedWith("org.springframework.kafka.annotation.KafkaListener")))
        .should()
        .haveSimpleNameEndingWith("Listener")
        .allowEmptyShould(true)
        .because("one vocabulary across services: Kafka consumers are *Listener (STYLE.md)");
  }

  /** A configuration class says what it assembles: {@code <What>Configuration}. */
  public static ArchRule configurationsAreNamedSo(String service) {
    return classes()
        .that()
        .resideInAPackage("io.galley." + service + "..")
        .and()
        .areAnnotatedWith("org.springframework.context.annotation.Configuration")
        .should()
        .haveSimpleNameEndingWith("Configuration")
        .because("a configuration class per feature, named for what it assembles (STYLE.md)");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
