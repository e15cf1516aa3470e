package io.galley.ingest.validation;

import io.galley.events.Problem;
import io.galley.events.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one book at one commit, up to {@link #LIMIT}; not thread-safe. */
public final class Problems {

  /** At most this many problems are kept; an editor fixes the first ones first. */
  public static final int LIMIT = 100;

  private final List<Problem> problems = new ArrayList<>();

  /** Records an error at a line (0 = the whole file). */
  public void error(String path, int line, String message) {
    add(Problem.error(path, line, message));
  }

  /** Records a warning at a line (0 = the whole file). */
  public void warning(String path, int line, String message) {
    add(Problem.warning(path, line, message));
  }

  /** Records a problem unless the limit is reached. */
  public void add(Problem problem) {
    if (problems.size() < LIMIT) {
      problems.add(problem);
    }
  }

  /** Every problem in the order it was recorded. */
  public List<Problem> recorded() {
    return List.copyOf(problems);
  }

  /** Whether any error was recorded. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** Every problem, errors first, then by path and line. */
  public List<Problem> all() {
    return problems.stream()
        .sorted(
            Comparator.comparing(Problem::severity)
                .thenComparing(Problem::path)
                .thenComparingInt(Problem::line))
        .toList();
  }

  /** The warnings only. */
  public List<Problem> warnings() {
    return all().stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }
}
