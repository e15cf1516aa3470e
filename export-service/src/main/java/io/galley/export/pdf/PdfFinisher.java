package io.galley.export.pdf;

import io.galley.events.BookMetadata;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;

/**
 * Stamps what PDFBox would take from the clock: document info and XMP dates come from the commit,
 * the trailer {@code /ID} from a hash of the content, so the same input yields the same bytes.
 */
final class PdfFinisher {

  static final String CREATOR = "Galley";

  private final String producer;
  private final boolean archival;

  PdfFinisher(String producer, boolean archival) {
    this.producer = producer;
    this.archival = archival;
  }

  void finish(PDDocument pdf, CommitIngested manifest, String contentHash) throws IOException {
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
    pdf.setDocumentInformation(info);
    pdf.getDocumentCatalog().setLanguage(meta.language());
    pdf.getDocumentCatalog().setPageLabels(pageLabels(pdf));
    pdf.getDocumentCatalog().setMetadata(xmp(pdf, meta, subject, keywords, time));
    byte[] id = HexFormat.of().parseHex(Digests.sha256Hex(contentHash).substring(0, 32));
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /** Front matter (cover, title, contents) numbered i, ii, iii; the chapters from 1. */
  private static PDPageLabels pageLabels(PDDocument pdf) throws IOException {
    int bodyStart = 0;
    PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
    if (outline != null && outline.getFirstChild() != null) {
      PDPage first = outline.getFirstChild().findDestinationPage(pdf);
      bodyStart = first == null ? 0 : Math.max(0, pdf.getPages().indexOf(first));
    }
    PDPageLabels labels = new PDPageLabels(pdf);
    PDPageLabelRange front = new PDPageLabelRange();
    front.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
    PDPageLabelRange body = new PDPageLabelRange();
    body.setStyle(PDPageLabelRange.STYLE_DECIMAL);
    body.setStart(1);
    if (bodyStart > 0) {
      labels.setLabelItem(0, front);
      labels.setLabelItem(bodyStart, body);
    } else {
      labels.setLabelItem(0, body);
    }
    return labels;
  }

  private PDMetadata xmp(
      PDDocument pdf, BookMetadata meta, String subject, String keywords, Calendar time)
      throws IOException {
    byte[] packet =
        PdfXmp.packet(
            new PdfXmp.Fields(
                meta.title(),
                String.join(", ", meta.authors()),
                subject,
                meta.language(),
                keywords,
                producer,
                CREATOR,
                time.toInstant(),
                archival,
                archival));
    PDMetadata metadata = new PDMetadata(pdf);
    metadata.importXMPMetadata(packet);
    return metadata;
  }
}
