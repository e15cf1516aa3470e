package io.galley.export.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import io.galley.events.Digests;
import io.galley.events.EditionFormat;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Builds the PDF edition with openhtmltopdf: one XHTML document for the book, embedded Liberation
 * fonts, assets served only from the asset store, reproducible bytes. Thread-safe.
 */
public final class PdfEditionBuilder implements EditionBuilder {

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    XRLog.setLoggerImpl(new Slf4jXrLogger());
  }

  private final PdfFonts fonts = PdfFonts.load();
  private final PdfBookDocument assembler = new PdfBookDocument(css());
  private final String exporterVersion;
  private final boolean archival;

  /**
   * A builder whose output names {@code exporterVersion} as its producer.
   *
   * @param archival tag the PDF for accessibility (PDF/UA-1) and make it PDF/A-3u
   */
  public PdfEditionBuilder(String exporterVersion, boolean archival) {
    this.exporterVersion = exporterVersion;
    this.archival = archival;
  }

  @Override
  public EditionFormat format() {
    return EditionFormat.PDF;
  }

  @Override
  public BuiltEdition build(BookContent book) throws IOException {
    Document html = assembler.assemble(book);
    String contentHash =
        Digests.sha256Hex(book.manifest().manifestHash() + "\n" + html.outerHtml());
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer(exporterVersion);
    builder.useUriResolver(AssetStreamFactory::resolve);
    builder.useExternalResourceAccessControl(
        (uri, type) -> AssetStreamFactory.isAsset(uri),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    AssetStreamFactory assets = new AssetStreamFactory(book.assets());
    builder.useProtocolsStreamImplementation(assets, AssetStreamFactory.SCHEME);
    builder.useHttpStreamImplementation(url -> assets.getUrl(null));
    builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
    if (archival) {
      builder.usePdfUaAccessibility(true);
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
      builder.useColorProfile(SRGB);
    }
    builder.withW3cDocument(new W3CDom().fromJsoup(html), "asset:book");
    builder.toStream(OutputStream.nullOutputStream());
    try (PDDocument pdf = new PDDocument();
        PdfFonts.Registered faces = fonts.register(builder, pdf)) {
      builder.usePDDocument(pdf);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFKeepOpen();
        new PdfFinisher(exporterVersion, archival).finish(pdf, book.manifest(), contentHash);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return new BuiltEdition(out.toByteArray(), pdf.getNumberOfPages());
      }
    }
  }

  private static String css() {
    try (InputStream in = PdfEditionBuilder.class.getResourceAsStream("book.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read book.css", e);
    }
  }
}
