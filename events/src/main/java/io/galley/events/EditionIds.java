package io.galley.events;

/**
 * Derives edition ids: {@code hash(manifest, renderer version, exporter version, format)}, so the
 * same input names the same edition and rebuilding it is a no-op.
 */
public final class EditionIds {

  private EditionIds() {}

  /**
   * The edition id, 32 hex digits.
   *
   * @param manifest the accepted commit
   * @param rendererVersion the render service's renderer version
   * @param exporterVersion the building service's exporter version
   * @param format the format
   */
  public static String of(
      CommitIngested manifest,
      String rendererVersion,
      String exporterVersion,
      EditionFormat format) {
    String input =
        manifest.manifestHash() + "\n" + rendererVersion + "\n" + exporterVersion + "\n" + format;
    return Digests.sha256Hex(input).substring(0, 32);
  }
}
