package io.galley.export.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import io.galley.export.edition.AssetSource;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * Lays out one part with openhtmltopdf (fonts subset; as PDFBox keeps the original glyph ids as
 * CIDs, the merge can point every part at one whole copy of each face) and saves it with a sidecar
 * of its anchors, which it reads from the bookmarks the part declares.
 */
final class PdfPartRenderer {

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private final PdfFonts fonts;
  private final String producer;
  private final boolean archival;
  private final AtomicLong layouts = new AtomicLong();

  PdfPartRenderer(PdfFonts fonts, String producer, boolean archival) {
    this.fonts = fonts;
    this.producer = producer;
    this.archival = archival;
  }

  /** How many parts were laid out so far (cache misses). */
  long layouts() {
    return layouts.get();
  }

  PdfPart render(Document html, AssetSource assetSource, Path file) throws IOException {
    layouts.incrementAndGet();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer(producer);
    builder.useUriResolver(AssetStreamFactory::resolve);
    builder.useExternalResourceAccessControl(
        (uri, type) -> AssetStreamFactory.isAsset(uri),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    AssetStreamFactory assets = new AssetStreamFactory(assetSource);
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
        PdfFonts.Registered faces = fonts.register(builder, pdf, true)) {
      builder.usePDDocument(pdf);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFKeepOpen();
        Map<String, PdfPart.Anchor> anchors = anchors(pdf);
        pdf.getDocumentCatalog().setDocumentOutline(null);
        int next =
            pdf.getDocumentCatalog().getStructureTreeRoot() == null
                ? 0
                : pdf.getDocumentCatalog()
                    .getStructureTreeRoot()
                    .getCOSObject()
                    .getInt(COSName.PARENT_TREE_NEXT_KEY, 0);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "part", ".tmp");
        pdf.save(tmp.toFile());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PdfPart part = new PdfPart(file, pdf.getNumberOfPages(), next, anchors);
        part.writeSidecar();
        return part;
      }
    }
  }

  private static Map<String, PdfPart.Anchor> anchors(PDDocument pdf) throws IOException {
    Map<String, PdfPart.Anchor> anchors = new LinkedHashMap<>();
    PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
    if (outline == null) {
      return anchors;
    }
    for (PDOutlineItem item : outline.children()) {
      PDDestination dest = item.getDestination();
      if (dest == null && item.getAction() instanceof PDActionGoTo goTo) {
        dest = goTo.getDestination();
      }
      if (dest instanceof PDPageXYZDestination xyz) {
        int page = xyz.getPage() != null ? pdf.getPages().indexOf(xyz.getPage()) : 0;
        anchors.putIfAbsent(
            item.getTitle(), new PdfPart.Anchor(Math.max(0, page), xyz.getLeft(), xyz.getTop()));
      }
    }
    return anchors;
  }
}
