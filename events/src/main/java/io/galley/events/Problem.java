package io.galley.events;

import java.util.Objects;

/**
 * One thing wrong with a commit, located precisely enough for an editor to fix it without logs.
 *
 * @param path the file, relative to the repository root
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param severity whether the problem rejects the commit
 * @param message what is wrong and, where possible, how to fix it
 */
public record Problem(String path, int line, int column, Severity severity, String message) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must be >= 0, got " + line + ":" + column);
    }
  }

  /** An error at a line. */
  public static Problem error(String path, int line, String message) {
    return new Problem(path, line, 0, Severity.ERROR, message);
  }

  /** A warning at a line. */
  public static Problem warning(String path, int line, String message) {
    return new Problem(path, line, 0, Severity.WARNING, message);
  }

  /** The editor-facing form {@code path:line:column: message} (line and column left out when 0). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(path);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    s.append(": ");
    if (severity == Severity.WARNING) {
      s.append("warning: ");
    }
    return s.append(message).toString();
  }
}
