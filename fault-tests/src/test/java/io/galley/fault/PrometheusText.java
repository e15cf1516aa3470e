package io.galley.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}, which every service
 * exposes; {@code /actuator/metrics} is not exposed by all three), enough to read JVM gauges.
 */
record PrometheusText(List<Sample> samples) {

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample: metric name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  PrometheusText {
    samples = List.copyOf(samples);
  }

  static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new java.util.HashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      double value;
      try {
        value = Double.parseDouble(m.group(4));
      } catch (NumberFormatException e) {
        continue; // "+Inf" and "NaN" parse; anything else is not a sample we need
      }
      out.add(new Sample(m.group(1), Map.copyOf(labels), value));
    }
    return new PrometheusText(out);
  }

  /** The sum of the non-negative samples of a metric whose labels match (-1 means "undefined"). */
  OptionalDouble sum(String name, Predicate<Map<String, String>> labels) {
    double total = 0;
    boolean any = false;
    for (Sample s : samples) {
      if (s.name().equals(name) && labels.test(s.labels()) && s.value() >= 0) {
        total += s.value();
        any = true;
      }
    }
    return any ? OptionalDouble.of(total) : OptionalDouble.empty();
  }

  /** The first finite sample of the first metric whose name starts with {@code prefix}. */
  OptionalDouble first(String prefix, Predicate<Map<String, String>> labels) {
    for (Sample s : samples) {
      if (s.name().startsWith(prefix) && labels.test(s.labels()) && Double.isFinite(s.value())) {
        return OptionalDouble.of(s.value());
      }
    }
    return OptionalDouble.empty();
  }

  static Predicate<Map<String, String>> heap() {
    return l -> "heap".equals(l.get("area"));
  }
}
