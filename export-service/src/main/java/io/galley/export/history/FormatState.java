package io.galley.export.history;

/** Where one format of one commit stands on its way to an edition. */
public enum FormatState {
  /** The manifest arrived; the edition waits for its chapters, its assets or the worker. */
  QUEUED("queued"),
  /** The build worker is building it. */
  BUILDING("building"),
  /** A newer commit of the book arrived first, so this one is not built. */
  SKIPPED("skipped (superseded)"),
  /** The edition is built and can be downloaded. */
  PUBLISHED("published"),
  /** The build failed; the previous edition stays served. */
  FAILED("failed"),
  /** Validation rejected the commit; no edition is built from it. */
  REJECTED("rejected");

  private final String label;

  FormatState(String label) {
    this.label = label;
  }

  /** The word shown to people, e.g. {@code skipped (superseded)}. */
  public String label() {
    return label;
  }

  /** The lower-case token used in CSS classes and event JSON, e.g. {@code skipped}. */
  public String token() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether nothing more is expected to happen to this format of this commit. */
  public boolean settled() {
    return this != QUEUED && this != BUILDING;
  }
}
