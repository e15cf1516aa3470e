package io.galley.export.pdf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The XMP packet of the PDF, written as text so that it is byte-stable and agrees with the document
 * info: Dublin Core, XMP basic (dates from the commit), Adobe PDF, and the PDF/A and PDF/UA
 * identification with the extension schema PDF/A requires for the latter.
 */
final class PdfXmp {

  /** What goes into the packet. */
  record Fields(
      String title,
      String author,
      String subject,
      String language,
      String keywords,
      String producer,
      String creator,
      Instant time,
      boolean pdfA,
      boolean pdfUa) {}

  private PdfXmp() {}

  static byte[] packet(Fields f) {
    String date = DateTimeFormatter.ISO_INSTANT.format(f.time().truncatedTo(ChronoUnit.SECONDS));
    StringBuilder x = new StringBuilder();
    x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
        .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        .append("<dc:format>application/pdf</dc:format>\n")
        .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .append(esc(f.title()))
        .append("</rdf:li></rdf:Alt></dc:title>\n");
    if (!f.author().isEmpty()) {
      // one entry equal to the document info's Author, as PDF/A requires
      x.append("<dc:creator><rdf:Seq><rdf:li>")
          .append(esc(f.author()))
          .append("</rdf:li></rdf:Seq></dc:creator>\n");
    }
    x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
        .append(esc(f.subject()))
        .append("</rdf:li></rdf:Alt></dc:description>\n")
        .append("<dc:language><rdf:Bag><rdf:li>")
        .append(esc(f.language()))
        .append("</rdf:li></rdf:Bag></dc:language>\n")
        .append("</rdf:Description>\n")
        .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
        .append("<xmp:CreateDate>")
        .append(date)
        .append("</xmp:CreateDate>\n")
        .append("<xmp:ModifyDate>")
        .append(date)
        .append("</xmp:ModifyDate>\n")
        .append("<xmp:MetadataDate>")
        .append(date)
        .append("</xmp:MetadataDate>\n")
        .append("<xmp:CreatorTool>")
        .append(esc(f.creator()))
        .append("</xmp:CreatorTool>\n")
        .append("</rdf:Description>\n")
        .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
        .append("<pdf:Producer>")
        .append(esc(f.producer()))
        .append("</pdf:Producer>\n")
        .append("<pdf:Keywords>")
        .append(esc(f.keywords()))
        .append("</pdf:Keywords>\n")
        .append("</rdf:Description>\n");
    if (f.pdfA()) {
      x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
          .append(
              "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance></rdf:Description>\n");
    }
    if (f.pdfUa()) {
      x.append(
              "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">")
          .append("<pdfuaid:part>1</pdfuaid:part></rdf:Description>\n");
    }
    if (f.pdfA() && f.pdfUa()) {
      x.append(PDFUA_EXTENSION);
    }
    return x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>").toString().getBytes(UTF_8);
  }

  private static final String PDFUA_EXTENSION =
      "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
          + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
          + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
          + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
          + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
          + "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
          + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
          + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
          + "<pdfaProperty:name>part</pdfaProperty:name>"
          + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
          + "<pdfaProperty:category>internal</pdfaProperty:category>"
          + "<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>"
          + "</rdf:li></rdf:Seq></pdfaSchema:property>"
          + "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
