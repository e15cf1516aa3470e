package io.galley.events;

/** How serious a {@link Problem} is: errors reject a commit, warnings are recorded and shown. */
public enum Severity {
  /** The commit cannot be published as it is. */
  ERROR,
  /** Worth fixing, but the commit is still published. */
  WARNING
}
