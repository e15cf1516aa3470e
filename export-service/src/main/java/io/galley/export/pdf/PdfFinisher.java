package io.galley.export.pdf;

import io.galley.events.BookMetadata;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * What PDFBox would take from the clock, derived instead: document info and XMP dates come from the
 * commit, the trailer {@code /ID} from a hash of the content, so the same input yields the same
 * bytes.
 */
final class PdfFinisher {

  static final String CREATOR = "Galley";

  /** The document-level entries of the edition. */
  record Stamp(COSDictionary info, byte[] xmp, byte[] id, String language) {}

  private final String producer;
  private final boolean archival;

  PdfFinisher(String producer, boolean archival) {
    this.producer = producer;
    this.archival = archival;
  }

  Stamp stamp(CommitIngested manifest, String contentHash) {
    BookMetadata meta = manifest.book();
    Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    time.setTimeInMillis(manifest.committedAt().toEpochMilli() / 1000 * 1000);
    String author = String.join(", ", meta.authors());
    String subject =
        meta.subtitle() == null || meta.subtitle().isBlank() ? meta.title() : meta.subtitle();
    String keywords = meta.id() + ", " + meta.language();
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(meta.title());
    info.setAuthor(author);
    info.setSubject(subject);
    info.setKeywords(keywords);
    info.setCreator(CREATOR);
    info.setProducer(producer);
    info.setCreationDate(time);
    info.setModificationDate(time);
    byte[] xmp =
        PdfXmp.packet(
            new PdfXmp.Fields(
                meta.title(),
                author,
                subject,
                meta.language(),
                keywords,
                producer,
                CREATOR,
                time.toInstant(),
                archival,
                archival));
    byte[] id = HexFormat.of().parseHex(Digests.sha256Hex(contentHash).substring(0, 32));
    return new Stamp(info.getCOSObject(), xmp, id, meta.language());
  }
}
