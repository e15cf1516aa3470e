package io.galley.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * JFR recordings of the services this harness started (found by their state folder) and their hot
 * methods.
 */
final class Profiler {

  private Profiler() {}

  /** The pid of the JVM whose command line mentions the service's state folder. */
  static Optional<Long> pidOf(String service, Path state) {
    String marker = "--galley." + service + ".state-dir=" + state.resolve(service);
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  static String jcmd(long pid, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /**
   * Top self (top-of-stack) and inclusive methods of the jdk.ExecutionSample events of a recording.
   */
  static String hotMethods(Path recording, int top) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "jfr",
                "print",
                "--stack-depth",
                "64",
                "--events",
                "jdk.ExecutionSample",
                recording.toString())
            .redirectErrorStream(true)
            .start();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Map<String, Integer>> callers = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    List<String> stack = new ArrayList<>();
    boolean inStack = false;
    for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
      String t = line.trim();
      if (t.startsWith("stackTrace = [")) {
        inStack = true;
        stack.clear();
      } else if (inStack && t.equals("]")) {
        inStack = false;
        if (!stack.isEmpty()) {
          samples++;
          self.merge(stack.get(0), 1, Integer::sum);
          stack.stream()
              .filter(Profiler::interesting)
              .findFirst()
              .ifPresent(
                  c ->
                      callers
                          .computeIfAbsent(stack.get(0), k -> new HashMap<>())
                          .merge(c, 1, Integer::sum));
          Set<String> seen = new HashSet<>(stack);
          seen.forEach(m -> inclusive.merge(m, 1, Integer::sum));
        }
      } else if (inStack && !t.equals("...")) {
        int cut = t.indexOf(" line:");
        String frame = cut > 0 ? t.substring(0, cut) : t;
        int paren = frame.indexOf('(');
        stack.add(paren > 0 ? frame.substring(0, paren) : frame);
      }
    }
    p.waitFor(60, TimeUnit.SECONDS);
    StringBuilder out = new StringBuilder().append(samples).append(" samples\n  self:\n");
    append(out, self, samples, top);
    out.append("  self, by nearest application or library frame:\n");
    Map<String, Integer> bySite = new HashMap<>();
    callers.values().forEach(m -> m.forEach((c, n) -> bySite.merge(c, n, Integer::sum)));
    append(out, bySite, samples, top);
    out.append("  inclusive (io.galley and libraries; servlet/Spring plumbing left out):\n");
    Map<String, Integer> interesting = new HashMap<>();
    inclusive.forEach(
        (m, n) -> {
          if (interesting(m)) {
            interesting.put(m, n);
          }
        });
    append(out, interesting, samples, top);
    return out.toString();
  }

  private static boolean interesting(String frame) {
    for (String boring :
        List.of(
            "java.",
            "jdk.",
            "sun.",
            "org.apache.catalina.",
            "org.apache.coyote.",
            "org.apache.tomcat.",
            "org.springframework.",
            "jakarta.servlet.",
            "io.micrometer.")) {
      if (frame.startsWith(boring)) {
        return false;
      }
    }
    return true;
  }

  private static void append(StringBuilder out, Map<String, Integer> counts, int samples, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                out.append(
                    String.format(
                        "    %5.1f%%  %s%n",
                        100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
  }
}
