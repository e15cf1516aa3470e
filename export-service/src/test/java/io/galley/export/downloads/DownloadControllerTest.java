package io.galley.export.downloads;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.blob.BlobStore;
import io.galley.blob.BlobStoreSettings;
import io.galley.blob.DirectoryBlobStore;
import io.galley.events.Digests;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = {DownloadController.class, EditionsApiController.class})
@Import({
  EditionFiles.class,
  EditionCatalog.class,
  EditionFileStore.class,
  DownloadControllerTest.Blobs.class
})
@EnableConfigurationProperties(ExportProperties.class)
class DownloadControllerTest {

  /** The blob store's and the state's folder: JUnit removes it after the class. */
  @TempDir static Path folder;

  static final byte[] OLD = "old epub".getBytes(StandardCharsets.UTF_8);
  static final byte[] NEW = "new epub".getBytes(StandardCharsets.UTF_8);

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    // read when the context starts, after JUnit made the folder
    registry.add("galley.export.state-dir", () -> folder.resolve("state").toString());
    registry.add("galley.export.site-base-url", () -> "http://site.test/");
  }

  @Autowired MockMvc mvc;
  @Autowired BlobStore blobs;
  @Autowired EditionCatalog catalog;

  @BeforeEach
  void editions() {
    put(
        edition("a".repeat(32), "1".repeat(40), EditionFormat.EPUB, OLD, "2026-01-01T00:00:00Z"),
        OLD);
    put(
        edition("b".repeat(32), "2".repeat(40), EditionFormat.EPUB, NEW, "2026-02-01T00:00:00Z"),
        NEW);
    catalog.add(
        new EditionPublished(
            "c".repeat(32),
            "guide",
            "2".repeat(40),
            EditionFormat.HTML,
            "d".repeat(64),
            10,
            null,
            Instant.parse("2026-02-01T00:00:00Z"),
            1,
            "/books/guide/"));
  }

  @Test
  void servesTheNewestEditionAsAnAttachment() throws Exception {
    mvc.perform(get("/books/guide/latest.epub"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"" + Digests.sha256Hex(NEW) + "\""))
        .andExpect(header().string("Content-Type", "application/epub+zip"))
        .andExpect(
            header().string("Content-Disposition", "attachment; filename=\"guide-2222222.epub\""))
        .andExpect(content().bytes(NEW));
  }

  @Test
  void answersNotFoundWhenAPublishedEditionsFileIsMissingFromTheStore() throws Exception {
    byte[] lost = "never stored".getBytes(StandardCharsets.UTF_8);
    catalog.add(
        edition("f".repeat(32), "4".repeat(40), EditionFormat.EPUB, lost, "2025-01-02T00:00:00Z"));
    mvc.perform(get("/editions/" + "f".repeat(32) + ".epub"))
        .andExpect(status().isNotFound())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("not in the blob store")));
  }

  @Test
  void servesAnEditionById() throws Exception {
    mvc.perform(get("/editions/" + "a".repeat(32) + ".epub"))
        .andExpect(status().isOk())
        .andExpect(content().bytes(OLD));
    mvc.perform(get("/editions/" + "a".repeat(32) + ".pdf")).andExpect(status().isNotFound());
  }

  @Test
  void answersProblemDetailWhenThereIsNoEdition() throws Exception {
    mvc.perform(get("/books/guide/latest.pdf"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(
            jsonPath("$.detail").value("No PDF edition of book 'guide' has been built yet."));
  }

  @Test
  void listsEditionsNewestFirstWithSiteUrlsForHtml() throws Exception {
    mvc.perform(get("/api/editions"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].format").value("HTML"))
        .andExpect(jsonPath("$[0].url").value("http://site.test/books/guide/"))
        .andExpect(jsonPath("$[1].url").value("/editions/" + "b".repeat(32) + ".epub"))
        .andExpect(jsonPath("$[1].builtAt").value("2026-02-01T00:00:00Z"))
        .andExpect(jsonPath("$[2].editionId").value("a".repeat(32)));
  }

  @Test
  void servesTheWholeFileForMoreRangesThanAllowedAndRefusesBadRanges() throws Exception {
    String many =
        "bytes="
            + String.join(
                ",", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "0-0").toList());
    mvc.perform(get("/books/guide/latest.epub").header("Range", many))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Length", String.valueOf(NEW.length)))
        .andExpect(content().bytes(NEW));
    mvc.perform(get("/books/guide/latest.epub").header("Range", "bytes=0-2"))
        .andExpect(status().isPartialContent())
        .andExpect(content().bytes("new".getBytes(StandardCharsets.UTF_8)));
    for (String bad : java.util.List.of("bytes=abc", "bytes=9-3", "lines=0-1", "bytes=100-200")) {
      mvc.perform(get("/books/guide/latest.epub").header("Range", bad))
          .andExpect(status().isRequestedRangeNotSatisfiable());
    }
  }

  @Test
  void listsAFailedEditionWithItsStateAndReason() throws Exception {
    catalog.add(
        new io.galley.events.EditionFailed(
            "e".repeat(32),
            "guide",
            "3".repeat(40),
            EditionFormat.PDF,
            "chapter 'intro' brings the PDF to 5,001 pages, over galley.export.build.max-pages"
                + " (5,000)",
            Instant.parse("2026-03-01T00:00:00Z")));
    mvc.perform(get("/api/editions"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].editionId").value("e".repeat(32)))
        .andExpect(jsonPath("$[0].state").value("failed"))
        .andExpect(
            jsonPath("$[0].reason").value(org.hamcrest.Matchers.startsWith("chapter 'intro'")))
        .andExpect(jsonPath("$[0].url").doesNotExist())
        .andExpect(jsonPath("$[1].state").value("published"))
        .andExpect(jsonPath("$[1].format").value("HTML"));
  }

  private void put(EditionPublished edition, byte[] bytes) {
    try {
      blobs.put(new java.io.ByteArrayInputStream(bytes), "application/epub+zip");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    catalog.add(edition);
  }

  /** A real directory blob store, as the service uses by default. */
  @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
  static class Blobs {
    @org.springframework.context.annotation.Bean
    BlobStore blobStore() throws IOException {
      return new DirectoryBlobStore(Files.createDirectories(folder.resolve("blobs")));
    }

    @org.springframework.context.annotation.Bean
    BlobStoreSettings blobStoreSettings() {
      return BlobStoreSettings.from(name -> null, java.nio.file.Path.of("unused"));
    }
  }

  private static EditionPublished edition(
      String id, String commit, EditionFormat format, byte[] bytes, String at) {
    return new EditionPublished(
        id,
        "guide",
        commit,
        format,
        Digests.sha256Hex(bytes),
        bytes.length,
        null,
        Instant.parse(at),
        1,
        "/editions/" + id + ".epub");
  }
}
