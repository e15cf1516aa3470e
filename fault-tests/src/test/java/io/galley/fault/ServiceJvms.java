package io.galley.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link PipelineStack} launches each service's JVM: a command prefix (for example {@code nice
 * -n 10}), JVM options and extra application arguments, by service name.
 */
record ServiceJvms(
    Map<String, List<String>> prefix,
    Map<String, List<String>> options,
    Map<String, List<String>> args) {

  ServiceJvms {
    prefix = Map.copyOf(prefix);
    options = Map.copyOf(options);
    args = Map.copyOf(args);
  }

  /** Small heaps and a quick start: the fault test restarts services many times. */
  static ServiceJvms faultDefaults() {
    List<String> quick = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    return new ServiceJvms(
        Map.of(), Map.of("ingest", quick, "render", quick, "export", quick), Map.of());
  }

  /**
   * The heaps {@code infra/local/run} gives (768 MB, export 1 GB), the JVM's default collector, and
   * a JVM out of memory exits instead of lingering half-dead. Not the runner's {@code nice -n 10}
   * for export: on a shared CI machine it starves export's start-up, and the load test is about
   * what a request costs, not about CPU priority between services.
   */
  static ServiceJvms runnerLike() {
    List<String> common = List.of("-XX:+ExitOnOutOfMemoryError");
    return new ServiceJvms(
        Map.of(),
        Map.of(
            "ingest", plus("-Xmx768m", common),
            "render", plus("-Xmx768m", common),
            "export", plus("-Xmx1g", common)),
        Map.of());
  }

  /** A copy with more application arguments for one service. */
  ServiceJvms withArgs(String service, String... more) {
    Map<String, List<String>> all = new HashMap<>(args);
    all.put(service, plus(args.getOrDefault(service, List.of()), List.of(more)));
    return new ServiceJvms(prefix, options, all);
  }

  List<String> prefixOf(String service) {
    return prefix.getOrDefault(service, List.of());
  }

  List<String> optionsOf(String service) {
    return options.getOrDefault(service, List.of());
  }

  List<String> argsOf(String service) {
    return args.getOrDefault(service, List.of());
  }

  private static List<String> plus(String first, List<String> rest) {
    return plus(List.of(first), rest);
  }

  private static List<String> plus(List<String> first, List<String> rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    return all;
  }
}
