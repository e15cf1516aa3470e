package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.epub.EpubEditionBuilder;
import io.galley.export.pdf.PdfEditionBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile chapter fragment (as if a bad record reached the rendered topic) through the PDF and
 * EPUB builders: no request reaches a local server, no file outside the book is read into the
 * output, and the EPUB carries nothing executable and no reference to anything outside itself.
 */
class HostileChapterOutputTest {

  static final String SECRET = "GALLEY-SECRET-7f3a9c";
  static HttpServer server;
  static final AtomicInteger hits = new AtomicInteger();
  @TempDir static Path dir;
  static BookContent book;

  @BeforeAll
  static void hostileBook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = ("p { color: red } " + SECRET).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String http = "http://127.0.0.1:" + server.getAddress().getPort();
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path secretCss =
        Files.writeString(dir.resolve("secret.css"), "body::before { content: '" + SECRET + "' }");
    String file = secret.toUri().toString();
    String css = secretCss.toUri().toString();
    String hostile =
        """
        <p>before</p>
        <img src="%1$s/img.png" alt="remote"/><img src="file:///etc/passwd" alt="passwd"/>
        <img src="%2$s" alt="secret"/><img src="jar:%2$s!/x.png" alt="jar"/>
        <img src="ftp://127.0.0.1:%4$d/x.png" alt="ftp"/><img src="//127.0.0.1:%4$d/pr.png" alt="pr"/>
        <link rel="stylesheet" href="%1$s/link.css"/><link rel="stylesheet" href="%3$s"/>
        <style>@import url("%1$s/import.css"); p { background: url('%2$s') }</style>
        <div style="background-image: url('%1$s/bg.png')">styled</div>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
        <image href="%1$s/svg.png" width="10" height="10"/><image xlink:href="file:///etc/passwd"/>
        <script>alert(1)</script></svg>
        <object data="%1$s/obj"></object><iframe src="%1$s/frame"></iframe><embed src="%1$s/embed"/>
        <script>alert(2)</script><p onclick="alert(3)">click</p>
        <a href="javascript:alert(4)">js</a><a href="file:///etc/passwd">file link</a>
        <table><tr><td align="left;background:url(%1$s/td.png)">cell</td><td align=" Center ">mid</td></tr></table>
        <p>after</p>
        """
            .formatted(http, file, css, server.getAddress().getPort());
    CommitIngested manifest = Books.goGuide();
    List<RenderedChapter> chapters = new ArrayList<>(Books.rendered(manifest));
    RenderedChapter first = chapters.get(0);
    chapters.set(
        0,
        new RenderedChapter(
            first.bookId(),
            first.docId(),
            first.sourceSha256(),
            first.rendererVersion(),
            first.title(),
            first.xhtml() + hostile,
            first.headings(),
            first.docRefs(),
            first.assets(),
            first.warnings()));
    book = new BookContent(manifest, chapters, Books.assets());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void pdfFetchesNothingAndReadsNoFile() throws Exception {
    byte[] pdf = new PdfEditionBuilder("export-test/1", true).build(book).bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("before", "after").doesNotContain(SECRET, "root:x:0:0", "alert(");
    }
    assertThat(hits).hasValue(0);
  }

  @Test
  void epubFetchesNothingAndCarriesNothingExecutableOrForeign() throws Exception {
    byte[] epub = new EpubEditionBuilder().build(book).bytes();
    String all = entries(epub);
    assertThat(hits).hasValue(0);
    assertThat(all)
        .contains("before", "after")
        .doesNotContain(
            SECRET,
            "root:x:0:0",
            "127.0.0.1",
            "file:",
            "jar:",
            "ftp:",
            "javascript:",
            "alert(",
            "@import",
            "<script",
            "<iframe",
            "<object",
            "<embed",
            "url(");
    assertThat(all).contains("<td style=\"text-align: center\">mid</td>", "<td>cell</td>");
    assertThat(Pattern.compile("\\son[a-z]+\\s*=").matcher(all).find())
        .as("event handler attribute")
        .isFalse();
    assertThat(Pattern.compile("<link[^>]+href=\"[a-z]+:").matcher(all).find())
        .as("absolute <link>")
        .isFalse();
  }

  private static String entries(byte[] epub) throws IOException {
    StringBuilder all = new StringBuilder();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        byte[] bytes = zip.readAllBytes();
        if (!e.getName().endsWith(".png") && !e.getName().endsWith(".ttf")) {
          all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
