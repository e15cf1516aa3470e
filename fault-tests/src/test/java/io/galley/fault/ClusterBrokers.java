package io.galley.fault;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Three KRaft nodes as processes, each broker and controller at once (a static quorum of three
 * voters, so one node may be killed and the cluster keeps a controller majority and two in-sync
 * replicas), with replication factor 3 and {@code min.insync.replicas} 2 for every topic, the
 * internal ones included.
 */
final class ClusterBrokers implements AutoCloseable {

  static final int SIZE = 3;
  static final int REPLICATION_FACTOR = 3;
  static final int MIN_INSYNC_REPLICAS = 2;

  private final int[] ports = new int[SIZE];
  private final List<ManagedProcess> nodes = new ArrayList<>();

  ClusterBrokers(Path root, Path lib, Path work) throws IOException {
    int[] controllers = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      ports[i] = ClusterStack.freePort();
      controllers[i] = ClusterStack.freePort();
    }
    String voters =
        IntStream.range(0, SIZE)
            .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllers[i])
            .collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    Path logs = Files.createDirectories(work.resolve("logs"));
    String log4j =
        "-Dlog4j2.configurationFile=" + root.resolve("infra/local/kafka/log4j2.properties");
    for (int i = 0; i < SIZE; i++) {
      Path dir = Files.createDirectories(work.resolve("kafka-" + (i + 1)));
      Path properties = dir.resolve("server.properties");
      Files.writeString(properties, properties(i + 1, ports[i], controllers[i], voters, dir));
      format(lib, log4j, clusterId, properties, dir);
      nodes.add(
          new ManagedProcess(
              "kafka-" + (i + 1),
              List.of(
                  PipelineStack.java(),
                  "-Xmx320m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  log4j,
                  "-cp",
                  lib + "/*",
                  "kafka.Kafka",
                  properties.toString()),
              logs.resolve("kafka-" + (i + 1) + ".log")));
    }
  }

  /** The bootstrap list naming all three brokers, as services get it. */
  String bootstrap() {
    return IntStream.of(ports).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  ManagedProcess node(int index) {
    return nodes.get(index);
  }

  void startAll() {
    nodes.forEach(ManagedProcess::start);
  }

  /** Whether the node at {@code index} accepts connections on its client port. */
  boolean listening(int index) {
    try (Socket socket = new Socket("127.0.0.1", ports[index])) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  boolean allListening() {
    return IntStream.range(0, SIZE).allMatch(this::listening);
  }

  @Override
  public void close() {
    nodes.forEach(ManagedProcess::kill);
  }

  private static String properties(int id, int port, int controller, String voters, Path dir) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=" + id,
        "controller.quorum.voters=" + voters,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=" + ClusterStack.PARTITIONS,
        "default.replication.factor=" + REPLICATION_FACTOR,
        "min.insync.replicas=" + MIN_INSYNC_REPLICAS,
        "offsets.topic.replication.factor=" + REPLICATION_FACTOR,
        "transaction.state.log.replication.factor=" + REPLICATION_FACTOR,
        "transaction.state.log.min.isr=" + MIN_INSYNC_REPLICAS,
        "share.coordinator.state.topic.replication.factor=" + REPLICATION_FACTOR,
        "share.coordinator.state.topic.min.isr=" + MIN_INSYNC_REPLICAS,
        // a restarted node is an unclean leader candidate only if nothing else is: never
        "unclean.leader.election.enable=false",
        "group.initial.rebalance.delay.ms=0",
        "message.max.bytes=16778240",
        "replica.fetch.max.bytes=16778240",
        "");
  }

  private static void format(Path lib, String log4j, String clusterId, Path properties, Path dir)
      throws IOException {
    Process format =
        new ProcessBuilder(
                PipelineStack.java(),
                log4j,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                lib + "/*",
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("format.log").toFile())
            .start();
    try {
      if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "formatting a broker's storage failed, see " + dir.resolve("format.log"));
      }
    } catch (InterruptedException e) {
      format.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting a broker's storage", e);
    }
  }
}
