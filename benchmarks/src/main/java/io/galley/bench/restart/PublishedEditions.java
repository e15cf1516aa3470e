package io.galley.bench.restart;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.render.site.SiteIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The three editions of a commit as render and export would have published them: each file put in
 * the blob store first (a site as its {@code index.html} plus the {@link SiteIndex} blob naming it,
 * a PDF, an EPUB zip; small, and each naming its book and commit), then the {@link
 * EditionPublished} records with the editionIds the services derive, so a restarted service finds
 * every commit already published and builds nothing.
 */
final class PublishedEditions {

  private final BlobStore blobs;
  private final String rendererVersion;
  private final String exporterVersion;

  PublishedEditions(BlobStore blobs, String rendererVersion, String exporterVersion) {
    this.blobs = blobs;
    this.rendererVersion = rendererVersion;
    this.exporterVersion = exporterVersion;
  }

  /** Puts the commit's files in the store; returns its HTML, PDF and EPUB editions, in order. */
  List<EditionPublished> publish(CommitIngested m) throws IOException {
    BlobRef page = put(indexPage(m), "text/html");
    SiteIndex site = new SiteIndex(m.bookId(), m.commit(), Map.of("index.html", page));
    BlobRef siteRef = put(EventJson.toBytes(site), SiteIndex.MEDIA_TYPE);
    BlobRef pdf = put(pdf(m), "application/pdf");
    BlobRef epub = put(epub(m), "application/epub+zip");
    return List.of(
        edition(m, EditionFormat.HTML, siteRef, null, "/books/" + m.bookId() + "/@" + m.commit()),
        edition(m, EditionFormat.PDF, pdf, 1, null),
        edition(m, EditionFormat.EPUB, epub, null, null));
  }

  private BlobRef put(byte[] bytes, String mediaType) throws IOException {
    return blobs.put(new ByteArrayInputStream(bytes), mediaType);
  }

  private EditionPublished edition(
      CommitIngested m, EditionFormat format, BlobRef file, Integer pages, String sitePath) {
    boolean html = format == EditionFormat.HTML;
    // render derives HTML ids with its version twice; export's use the chapters' renderer version
    String id = EditionIds.of(m, rendererVersion, html ? rendererVersion : exporterVersion, format);
    String path = html ? sitePath + "/" : "/editions/" + id + "." + format.name().toLowerCase();
    return new EditionPublished(
        id,
        m.bookId(),
        m.commit(),
        format,
        file.sha256(),
        file.size(),
        pages,
        m.committedAt(),
        html ? 40 : 400,
        path);
  }

  /** The site's front page: the book, its commit and its chapters. */
  static byte[] indexPage(CommitIngested m) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(m.book().title())
            .append("</title></head><body><h1>")
            .append(m.book().title())
            .append("</h1><p>Commit <code data-commit=\"")
            .append(m.commit())
            .append("\">")
            .append(m.commit())
            .append("</code></p><ol>");
    for (ChapterEntry c : m.chapters()) {
      html.append("<li>").append(c.title()).append("</li>");
    }
    return html.append("</ol></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A small PDF naming the book and commit (a stand-in: no service reads it back). */
  static byte[] pdf(CommitIngested m) {
    return ("%PDF-1.7\n% Galley restart benchmark\n% book "
            + m.bookId()
            + " commit "
            + m.commit()
            + "\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A small EPUB-shaped zip (the stored mimetype first) naming the book and commit. */
  static byte[] epub(CommitIngested m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] type = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      mimetype.setTime(m.committedAt().toEpochMilli());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      ZipEntry text = new ZipEntry("OEBPS/commit.txt");
      text.setTime(m.committedAt().toEpochMilli());
      zip.putNextEntry(text);
      zip.write((m.bookId() + " " + m.commit() + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException("a zip in memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
