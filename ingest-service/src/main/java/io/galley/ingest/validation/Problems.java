package io.galley.ingest.validation;

import io.galley.events.Problem;
import io.galley.events.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one book at one commit: up to {@link #MAX_ERRORS} errors and, apart from
 * them, up to {@link #MAX_WARNINGS} warnings, so no number of warnings can crowd out an error; what
 * is left out is counted and reported as a last entry of its kind. Not thread-safe.
 */
public final class Problems {

  /** At most this many errors are kept; an editor fixes the first ones first. */
  public static final int MAX_ERRORS = 100;

  /** At most this many warnings are kept, whatever the number of errors. */
  public static final int MAX_WARNINGS = 100;

  private final List<Problem> problems = new ArrayList<>();
  private int errors;
  private int warnings;
  private int droppedErrors;
  private int droppedWarnings;

  /** Records an error at a line (0 = the whole file). */
  public void error(String path, int line, String message) {
    add(Problem.error(path, line, message));
  }

  /** Records a warning at a line (0 = the whole file). */
  public void warning(String path, int line, String message) {
    add(Problem.warning(path, line, message));
  }

  /** Records a problem, or counts it when its kind's cap is reached. */
  public void add(Problem problem) {
    if (problem.severity() == Severity.ERROR) {
      if (errors < MAX_ERRORS) {
        errors++;
        problems.add(problem);
      } else {
        droppedErrors++;
      }
    } else if (warnings < MAX_WARNINGS) {
      warnings++;
      problems.add(problem);
    } else {
      droppedWarnings++;
    }
  }

  /** Every problem kept, in the order it was recorded, then the count of those left out. */
  public List<Problem> recorded() {
    List<Problem> out = new ArrayList<>(problems);
    out.addAll(omitted());
    return List.copyOf(out);
  }

  /** Whether any error was recorded (kept or counted). */
  public boolean hasErrors() {
    return errors > 0;
  }

  /** Every problem kept, errors first, then by path and line; then the count of those left out. */
  public List<Problem> all() {
    List<Problem> out =
        new ArrayList<>(
            problems.stream()
                .sorted(
                    Comparator.comparing(Problem::severity)
                        .thenComparing(Problem::path)
                        .thenComparingInt(Problem::line))
                .toList());
    out.addAll(omitted());
    out.sort(Comparator.comparing(Problem::severity)); // stable: the counts stay last of their kind
    return List.copyOf(out);
  }

  /** The warnings only. */
  public List<Problem> warnings() {
    return all().stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  private List<Problem> omitted() {
    List<Problem> out = new ArrayList<>(2);
    if (droppedErrors > 0) {
      out.add(
          Problem.error(
              ".",
              0,
              droppedErrors
                  + " more errors not listed (at most "
                  + MAX_ERRORS
                  + " are); fix the ones above and commit again to see the rest"));
    }
    if (droppedWarnings > 0) {
      out.add(
          Problem.warning(
              ".",
              0,
              droppedWarnings + " more warnings not listed (at most " + MAX_WARNINGS + " are)"));
    }
    return out;
  }
}
