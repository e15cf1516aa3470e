package io.galley.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * When, during the commits, instances are added, stopped (SIGTERM) and SIGKILLed and a broker is
 * SIGKILLed and restarted: at fixed fractions of the run, so a short and a long run go through the
 * same steps. Every instance stopped or killed is started again before the end.
 */
final class ClusterSchedule {

  private interface Step {
    void run() throws IOException;
  }

  private final ClusterStack stack;
  private final ClusterRun run;
  private final Map<Integer, List<Step>> plan = new TreeMap<>();
  private int added;
  private int stops;
  private int kills;
  private int brokerRestarts;

  ClusterSchedule(ClusterStack stack, ClusterRun run, int commits) {
    this.stack = stack;
    this.run = run;
    at(commits, 0.10, () -> add("render"));
    at(commits, 0.15, () -> add("export"));
    at(commits, 0.25, () -> add("ingest"));
    at(commits, 0.30, () -> add("render"));
    at(commits, 0.35, () -> add("export"));
    at(commits, 0.45, () -> kill("render-1"));
    at(commits, 0.50, this::killBroker);
    at(commits, 0.55, () -> start("render-1"));
    at(commits, 0.60, () -> stop("export-2"));
    at(commits, 0.65, this::restartBroker);
    at(commits, 0.70, () -> kill("ingest-1"));
    at(commits, 0.75, () -> start("export-2"));
    at(commits, 0.80, () -> kill("export-1"));
    at(commits, 0.85, () -> start("ingest-1"));
    at(commits, 0.90, () -> start("export-1"));
    at(commits, 0.92, () -> kill("render-2"));
  }

  private void at(int commits, double fraction, Step step) {
    int index = Math.max(1, Math.min(commits, (int) Math.round(commits * fraction)));
    plan.computeIfAbsent(index, k -> new ArrayList<>()).add(step);
  }

  /** Takes the steps planned after commit {@code i}. */
  void after(int i) throws IOException {
    for (Step step : plan.getOrDefault(i, List.of())) {
      step.run();
    }
  }

  /** Starts whatever is down, so every instance and broker runs at the end. */
  void finish() {
    for (int b = 0; b < ClusterBrokers.SIZE; b++) {
      if (!stack.brokers.node(b).alive()) {
        stack.brokers.node(b).start();
        run.note("started " + stack.brokers.node(b).name());
      }
    }
    for (ClusterStack.Instance i : stack.instances()) {
      if (!i.process().alive()) {
        start(i.name());
      }
    }
  }

  private void add(String service) throws IOException {
    ClusterStack.Instance instance = stack.create(service);
    instance.process().start();
    added++;
    run.note("added " + instance.name());
  }

  private void kill(String name) {
    stack.instance(name).process().kill();
    kills++;
    run.note("SIGKILL " + name);
  }

  private void stop(String name) {
    stack.instance(name).process().terminate();
    stops++;
    run.note("stopped (SIGTERM) " + name);
  }

  private void start(String name) {
    stack.instance(name).process().start();
    run.note("started " + name + " again");
  }

  private void killBroker() {
    stack.brokers.node(1).kill();
    kills++;
    run.note("SIGKILL " + stack.brokers.node(1).name());
  }

  private void restartBroker() {
    stack.brokers.node(1).start();
    brokerRestarts++;
    run.soon(
        "the restarted broker to listen", Duration.ofSeconds(60), () -> stack.brokers.listening(1));
  }

  int kills() {
    return kills;
  }

  /** What the run did, for the report's first line. */
  Map<String, Integer> counters(
      Map<String, List<String>> commitsByBook, int unavailable, Path logs) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put(
        "commits", (int) commitsByBook.values().stream().flatMap(List::stream).distinct().count());
    out.put("books", commitsByBook.size());
    out.put("instances", stack.instances().size());
    out.put("added", added);
    out.put("stopped", stops);
    out.put("sigkills", kills);
    out.put("broker-restarts", brokerRestarts);
    out.put("rebalances", (int) rebalances(logs));
    out.put("downloads-unavailable", unavailable);
    return out;
  }

  private long rebalances(Path logs) {
    List<String> lines = new ArrayList<>();
    for (ClusterStack.Instance i : stack.instances()) {
      Path log = logs.resolve(i.name() + ".log");
      try (Stream<String> s = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        s.filter(l -> l.contains("Successfully joined group")).forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ClusterReport.rebalances(lines.stream());
  }
}
