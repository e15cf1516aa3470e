package io.galley.e2e.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.kafka.TopicDeclarations;
import io.galley.kafka.TopicProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.JsonNode;

/**
 * The topics a compose file's {@code kafka-init} creates, read from its {@code kafka-topics.sh}
 * calls, compared with what each service of the file declares at start-up ({@link
 * TopicDeclarations} with the {@code galley.topics.*} its environment sets): whichever comes first,
 * the topics are the same.
 */
final class ComposeTopics {

  private static final Pattern CONFIG = Pattern.compile("--config (\\S+?)=(\\S+)");
  private static final Pattern PARTITIONS = Pattern.compile("--partitions (\\d+)");
  private static final Pattern REPLICATION = Pattern.compile("--replication-factor (\\d+)");

  /** A topic as the script creates it. */
  record Created(String name, int partitions, int replicationFactor, Map<String, String> configs) {}

  private ComposeTopics() {}

  /** Every topic {@code kafka-init} creates, by name. */
  static Map<String, Created> created(JsonNode compose) {
    String script =
        compose.at("/services/kafka-init/command").get(0).asString().replace("\\\n", " ");
    String function =
        script.lines().filter(l -> l.contains("kafka-topics.sh")).findFirst().orElseThrow();
    Map<String, String> shared = configs(function);
    Matcher rf = REPLICATION.matcher(function);
    assertThat(rf.find()).as("the replication factor of every topic").isTrue();
    Map<String, Created> created = new TreeMap<>();
    script
        .lines()
        .map(String::trim)
        .filter(l -> l.startsWith("t --topic "))
        .forEach(
            l -> {
              String name = l.split("\\s+")[2];
              Matcher partitions = PARTITIONS.matcher(l);
              assertThat(partitions.find()).as(name + " partitions").isTrue();
              Map<String, String> configs = new TreeMap<>(shared);
              configs.putAll(configs(l));
              created.put(
                  name,
                  new Created(
                      name,
                      Integer.parseInt(partitions.group(1)),
                      Integer.parseInt(rf.group(1)),
                      configs));
            });
    return created;
  }

  /**
   * What {@code service} declares with the environment the file gives it: {@code GALLEY_TOPICS_*},
   * else the older per-service variables, else the defaults.
   */
  static Map<String, Created> declared(JsonNode compose, String service) {
    JsonNode env = compose.at("/services/" + service + "/environment");
    String own = "GALLEY_" + service.toUpperCase(Locale.ROOT) + "_";
    int partitions =
        Integer.parseInt(first(env, "3", "GALLEY_TOPICS_PARTITIONS", own + "PARTITIONS"));
    int replicas =
        Integer.parseInt(
            first(env, "1", "GALLEY_TOPICS_REPLICATION_FACTOR", own + "REPLICATION_FACTOR"));
    String minIsr = first(env, null, "GALLEY_TOPICS_MIN_INSYNC_REPLICAS");
    List<NewTopic> topics =
        TopicDeclarations.list(
            new TopicProperties(
                partitions, replicas, minIsr == null ? null : Integer.parseInt(minIsr)));
    Map<String, Created> declared = new TreeMap<>();
    for (NewTopic t : topics) {
      declared.put(
          t.name(),
          new Created(
              t.name(), t.numPartitions(), t.replicationFactor(), new TreeMap<>(t.configs())));
    }
    return declared;
  }

  /** Asserts that every service of the file declares exactly the topics kafka-init creates. */
  static void assertServicesDeclareWhatIsCreated(JsonNode compose, List<String> services) {
    Map<String, Created> created = created(compose);
    assertThat(created).as("kafka-init creates topics").isNotEmpty();
    for (String service : services) {
      assertThat(created)
          .as("kafka-init's topics and what " + service + " declares")
          .isEqualTo(declared(compose, service));
    }
  }

  private static Map<String, String> configs(String line) {
    Map<String, String> configs = new HashMap<>();
    Matcher m = CONFIG.matcher(line);
    while (m.find()) {
      configs.put(m.group(1), m.group(2));
    }
    return configs;
  }

  /** The first variable set, its compose default ({@code ${X:-d}}) taken as its value. */
  private static String first(JsonNode env, String fallback, String... names) {
    for (String name : names) {
      JsonNode value = env.get(name);
      if (value != null && !value.isNull()) {
        String text = value.asString();
        Matcher d = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(text);
        return d.matches() ? d.group(1) : text;
      }
    }
    return fallback;
  }
}
