package io.galley.render.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A built site as a zip: entries sorted, timestamps fixed, so the same site gives the same bytes.
 */
final class SiteZip {

  private static final FileTime FIXED = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

  private SiteZip() {}

  /** The zip of {@code siteDir}, every entry under the folder {@code prefix/}. */
  static byte[] of(Path siteDir, String prefix) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(siteDir, prefix, bytes);
    return bytes.toByteArray();
  }

  /** Writes the zip of a site in the blob store, with the same entries as from its folder. */
  static void write(SiteIndex index, SiteStorage storage, String prefix, OutputStream out)
      throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var file : index.files().entrySet()) {
        zip.putNextEntry(entry(prefix + "/" + file.getKey()));
        try (java.io.InputStream in = storage.open(file.getValue())) {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FIXED);
    entry.setCreationTime(FIXED);
    entry.setLastAccessTime(FIXED);
    return entry;
  }

  /** Writes the zip of {@code siteDir} to {@code out} as it goes, without holding it in memory. */
  static void write(Path siteDir, String prefix, OutputStream out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(siteDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        String name = prefix + "/" + siteDir.relativize(file).toString().replace('\\', '/');
        zip.putNextEntry(entry(name));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }
}
