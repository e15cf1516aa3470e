package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe's checks catch what the fault test looks for: partial and mislabelled files. */
class DownloadProbeTest {

  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private HttpServer server;
  private DownloadProbe probe;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/books/b/",
        exchange -> {
          String ext = exchange.getRequestURI().getPath().replaceAll(".*\\.", "");
          byte[] body = bodies.get(ext);
          exchange.getResponseHeaders().add("ETag", "\"" + etags.get(ext) + "\"");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    probe = new DownloadProbe("http://127.0.0.1:" + server.getAddress().getPort(), "b");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void put(String ext, byte[] body, String etag) {
    bodies.put(ext, body);
    etags.put(ext, etag);
  }

  @Test
  void acceptsCompleteFilesAndRecordsTheirHashes() throws Exception {
    byte[] pdf = pdf();
    byte[] epub = epub();
    put("pdf", pdf, DownloadProbe.sha256(pdf));
    put("epub", epub, DownloadProbe.sha256(epub));
    assertThat(probe.check("pdf")).isEqualTo(DownloadProbe.sha256(pdf));
    assertThat(probe.check("epub")).isEqualTo(DownloadProbe.sha256(epub));
    assertThat(probe.violations).isEmpty();
  }

  @Test
  void flagsTruncatedFilesEvenWhenTheEtagMatchesWhatWasSent() throws Exception {
    byte[] pdf = Arrays.copyOf(pdf(), pdf().length - 40);
    byte[] epub = Arrays.copyOf(epub(), epub().length / 2);
    put("pdf", pdf, DownloadProbe.sha256(pdf));
    put("epub", epub, DownloadProbe.sha256(epub));
    assertThat(probe.check("pdf")).isNull();
    assertThat(probe.check("epub")).isNull();
    assertThat(probe.violations).hasSize(2);
  }

  @Test
  void flagsABodyThatIsNotTheFileItsEtagNames() throws Exception {
    put("pdf", pdf(), "0".repeat(64));
    assertThat(probe.check("pdf")).isNull();
    assertThat(probe.violations).singleElement().asString().contains("!= ETag");
  }

  static byte[] pdf() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] epub() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
      zip.write("<container/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("OEBPS/chapter.xhtml"));
      zip.write(("<html>" + "text ".repeat(2000) + "</html>").getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
