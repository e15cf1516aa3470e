package io.galley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The wire contract of every event, pinned by reviewed golden files: {@code
 * golden/<type>/v<n>.json} for each schema version a type has had. Round trips alone cannot see a
 * renamed record component (writer and reader change together); these tests compare against JSON
 * written down once.
 *
 * <p>To change an event's JSON shape on purpose: bump its {@code SCHEMA_VERSION}, add the new
 * golden file beside the old ones (never edit an old one), and say in {@link #CONTRACTS} what
 * today's reader must make of each older file.
 */
class GoldenJsonTest {

  /** What one event type's golden files must read as, by schema version, with today's reader. */
  private record Contract(String type, Class<?> wireType, Map<Integer, Supplier<Object>> readAs) {

    /** The version today's writer stamps, from the record's {@code SCHEMA_VERSION}. */
    int currentVersion() {
      Class<?> record = readAs.get(1).get().getClass();
      try {
        return record.getField("SCHEMA_VERSION").getInt(null);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(record + " has no public SCHEMA_VERSION", e);
      }
    }

    Object sample() {
      Supplier<Object> current = readAs.get(currentVersion());
      assertThat(current).as("what %s v%d reads as", type, currentVersion()).isNotNull();
      return current.get();
    }
  }

  private static final List<Contract> CONTRACTS =
      List.of(
          new Contract(
              "CommitIngested",
              CommitEvent.class,
              Map.of(1, GoldenEvents::commitIngested, 2, GoldenEvents::commitIngestedV2)),
          new Contract(
              "CommitRejected", CommitEvent.class, Map.of(1, GoldenEvents::commitRejected)),
          new Contract(
              "SourceDocument", SourceDocument.class, Map.of(1, GoldenEvents::sourceDocument)),
          new Contract(
              "RenderedChapter", RenderedChapter.class, Map.of(1, GoldenEvents::renderedChapter)),
          new Contract(
              "EditionPublished", EditionEvent.class, Map.of(1, GoldenEvents::editionPublished)),
          new Contract(
              "EditionFailed", EditionEvent.class, Map.of(1, GoldenEvents::editionFailed)));

  @TestFactory
  Stream<DynamicTest> todaysReaderReadsEveryGoldenVersion() {
    return CONTRACTS.stream()
        .flatMap(
            c ->
                c.readAs().entrySet().stream()
                    .map(
                        v ->
                            DynamicTest.dynamicTest(
                                c.type() + " v" + v.getKey(),
                                () ->
                                    assertThat(
                                            EventJson.fromJson(
                                                golden(c.type(), v.getKey()), c.wireType()))
                                        .isEqualTo(v.getValue().get()))));
  }

  @TestFactory
  Stream<DynamicTest> todaysWriterWritesTheCurrentGoldenFieldByField() {
    return CONTRACTS.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.type() + " v" + c.currentVersion(),
                    () -> {
                      JsonNode written = EventJson.mapper().readTree(EventJson.toJson(c.sample()));
                      JsonNode golden =
                          EventJson.mapper().readTree(golden(c.type(), c.currentVersion()));
                      assertThat(differences("$", golden, written))
                          .as(
                              "%s JSON against golden/%s/v%d.json",
                              c.type(), c.type(), c.currentVersion())
                          .isEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> todaysWriterKeepsEveryFieldOlderReadersNeed() {
    // an older reader ignores added fields but needs each one it knew, with the same kind of value
    return CONTRACTS.stream()
        .flatMap(
            c ->
                c.readAs().keySet().stream()
                    .filter(v -> v < c.currentVersion())
                    .map(
                        v ->
                            DynamicTest.dynamicTest(
                                c.type() + " v" + v,
                                () -> {
                                  JsonNode written =
                                      EventJson.mapper().readTree(EventJson.toJson(c.sample()));
                                  JsonNode old = EventJson.mapper().readTree(golden(c.type(), v));
                                  assertThat(missingOrRetyped("$", old, written)).isEmpty();
                                })));
  }

  @Test
  void everyEventTypeAndEveryGoldenFileHasAContract() throws IOException, URISyntaxException {
    List<String> types = CONTRACTS.stream().map(Contract::type).toList();
    for (Class<?> sealed : List.of(CommitEvent.class, EditionEvent.class)) {
      for (Class<?> event : sealed.getPermittedSubclasses()) {
        assertThat(types).as("a golden contract for %s", event).contains(event.getSimpleName());
      }
    }
    Path root = Path.of(GoldenJsonTest.class.getResource("/golden").toURI());
    List<String> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString()));
    }
    List<String> expected = new ArrayList<>();
    for (Contract c : CONTRACTS) {
      c.readAs().keySet().forEach(v -> expected.add(c.type() + "/v" + v + ".json"));
      assertThat(c.readAs()).as("%s's current version", c.type()).containsKey(c.currentVersion());
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void goldenFilesCarryTheirTypeAndVersion() {
    for (Contract c : CONTRACTS) {
      for (int version : c.readAs().keySet()) {
        JsonNode node = EventJson.mapper().readTree(golden(c.type(), version));
        assertThat(node.get("schemaVersion").asInt()).as(c.type()).isEqualTo(version);
        if (c.wireType().isInterface()) {
          assertThat(node.get("type").asString()).isEqualTo(c.type());
        }
      }
    }
  }

  private static String golden(String type, int version) {
    String name = "/golden/" + type + "/v" + version + ".json";
    try (var in = GoldenJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every place where the two trees differ, as JSON paths with both sides. */
  static List<String> differences(String at, JsonNode golden, JsonNode written) {
    List<String> out = new ArrayList<>();
    if (golden.isObject() && written.isObject()) {
      TreeSet<String> names = new TreeSet<>(golden.propertyNames());
      names.addAll(written.propertyNames());
      for (String name : names) {
        JsonNode g = golden.get(name);
        JsonNode w = written.get(name);
        if (g == null) {
          out.add(at + "." + name + ": not in the golden file (written " + w + ")");
        } else if (w == null) {
          out.add(at + "." + name + ": in the golden file (" + g + ") but not written");
        } else {
          out.addAll(differences(at + "." + name, g, w));
        }
      }
    } else if (golden.isArray() && written.isArray() && golden.size() == written.size()) {
      for (int i = 0; i < golden.size(); i++) {
        out.addAll(differences(at + "[" + i + "]", golden.get(i), written.get(i)));
      }
    } else if (!golden.equals(written)) {
      out.add(at + ": golden " + golden + ", written " + written);
    }
    return out;
  }

  /** Fields of {@code old} that {@code written} lacks or holds as another JSON kind. */
  static List<String> missingOrRetyped(String at, JsonNode old, JsonNode written) {
    List<String> out = new ArrayList<>();
    if (written == null) {
      out.add(at + ": missing");
    } else if (old.isNull()) {
      return out;
    } else if (old.getNodeType() != written.getNodeType()) {
      out.add(at + ": was " + old.getNodeType() + ", now " + written.getNodeType());
    } else if (old.isObject()) {
      for (String name : old.propertyNames()) {
        out.addAll(missingOrRetyped(at + "." + name, old.get(name), written.get(name)));
      }
    } else if (old.isArray() && old.size() > 0 && written.size() > 0) {
      out.addAll(missingOrRetyped(at + "[0]", old.get(0), written.get(0)));
    }
    return out;
  }
}
