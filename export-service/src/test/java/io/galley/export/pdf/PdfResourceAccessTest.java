package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PdfResourceAccessTest {

  @Test
  void neverFetchesHttpOrFileUrlsFromChapterContent() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
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
              first.xhtml()
                  + "<p><img src=\""
                  + base
                  + "/remote.png\" alt=\"remote\"/></p>"
                  + "<div style=\"background-image: url('"
                  + base
                  + "/bg.png')\">styled</div>"
                  + "<p><img src=\"file:///etc/hostname\" alt=\"local file\"/></p>"
                  + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                  + "<image href=\""
                  + base
                  + "/in-svg.png\" width=\"10\" height=\"10\"/></svg>",
              first.headings(),
              first.docRefs(),
              first.assets(),
              first.warnings()));
      byte[] pdf =
          new PdfEditionBuilder("export-test/1", true)
              .build(new BookContent(manifest, chapters, Books.assets()))
              .bytes();
      assertThat(pdf).isNotEmpty();
      assertThat(hits).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void resolvesOnlyAssetUris() {
    assertThat(AssetStreamFactory.resolve("asset:book", "asset:abc.png"))
        .isEqualTo("asset:abc.png");
    assertThat(AssetStreamFactory.resolve("asset:book", "http://example.org/x.png")).isNull();
    assertThat(AssetStreamFactory.resolve("asset:book", "file:///etc/passwd")).isNull();
    assertThat(AssetStreamFactory.resolve("asset:book", "x.png")).isNull();
  }
}
