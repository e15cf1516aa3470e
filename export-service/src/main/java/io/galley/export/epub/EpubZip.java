package io.galley.export.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A deterministic EPUB container: {@code mimetype} first and stored, every entry stamped with the
 * same time (no time zone, no extra fields), entries in the order they are added.
 */
final class EpubZip implements AutoCloseable {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
  private final LocalDateTime time;

  EpubZip(Instant time) throws IOException {
    this.time = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
    ZipEntry entry = entry("mimetype");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(mimetype.length);
    entry.setCompressedSize(mimetype.length);
    CRC32 crc = new CRC32();
    crc.update(mimetype);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(mimetype);
    zip.closeEntry();
  }

  void add(String name, String text) throws IOException {
    add(name, text.getBytes(StandardCharsets.UTF_8));
  }

  void add(String name, byte[] content) throws IOException {
    zip.putNextEntry(entry(name));
    zip.write(content);
    zip.closeEntry();
  }

  byte[] finish() throws IOException {
    zip.finish();
    return bytes.toByteArray();
  }

  private ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(time);
    return entry;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
