package io.galley.export.downloads;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.blob.BlobStoreSettings;
import io.galley.blob.ByteRange;
import io.galley.blob.DirectoryBlobStore;
import io.galley.events.Digests;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code galley.blob.presign-downloads}, a download is a redirect to the URL the store signs
 * (S3's signing itself is tested against S3Proxy in blob-store); an edition the store cannot sign
 * is streamed as without the option.
 */
@WebMvcTest(controllers = DownloadController.class)
@Import({
  EditionFiles.class,
  EditionCatalog.class,
  EditionFileStore.class,
  PresignedDownloadTest.Blobs.class
})
@EnableConfigurationProperties(ExportProperties.class)
class PresignedDownloadTest {

  /** The blob store's and the state's folder: JUnit removes it after the class. */
  @TempDir static Path folder;

  static final byte[] PDF = "%PDF-1.7 a signed download".getBytes(StandardCharsets.UTF_8);
  static final byte[] EPUB = "an epub the store cannot sign".getBytes(StandardCharsets.UTF_8);

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    // read when the context starts, after JUnit made the folder
    registry.add("galley.export.state-dir", () -> folder.resolve("state").toString());
  }

  @Autowired MockMvc mvc;
  @Autowired BlobStore blobs;
  @Autowired EditionCatalog catalog;

  @Test
  void redirectsToTheSignedUrlAndStreamsWhatCannotBeSigned() throws Exception {
    blobs.put(new ByteArrayInputStream(PDF), "application/pdf");
    blobs.put(new ByteArrayInputStream(EPUB), "application/epub+zip");
    catalog.add(edition("a".repeat(32), EditionFormat.PDF, PDF));
    catalog.add(edition("b".repeat(32), EditionFormat.EPUB, EPUB));

    mvc.perform(get("/books/guide/latest.pdf"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", Blobs.signed(Digests.sha256Hex(PDF)).toString()))
        .andExpect(header().string("ETag", "\"" + Digests.sha256Hex(PDF) + "\""));
    mvc.perform(get("/books/guide/latest.epub"))
        .andExpect(status().isOk())
        .andExpect(content().bytes(EPUB));
  }

  private static EditionPublished edition(String id, EditionFormat format, byte[] bytes) {
    return new EditionPublished(
        id,
        "guide",
        "1".repeat(40),
        format,
        Digests.sha256Hex(bytes),
        bytes.length,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        1,
        "/editions/" + id);
  }

  /** A directory store that signs URLs for PDFs only, as a remote store would for all. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Blobs {

    static URI signed(String sha256) {
      return URI.create("https://bucket.test/" + sha256 + "?X-Amz-Signature=test");
    }

    @Bean
    BlobStore blobStore() throws IOException {
      DirectoryBlobStore dir =
          new DirectoryBlobStore(Files.createDirectories(folder.resolve("blobs")));
      return new BlobStore() {
        @Override
        public BlobRef put(InputStream content, String mediaType) throws IOException {
          return dir.put(content, mediaType);
        }

        @Override
        public InputStream open(String sha256) throws IOException {
          return dir.open(sha256);
        }

        @Override
        public InputStream open(String sha256, ByteRange range) throws IOException {
          return dir.open(sha256, range);
        }

        @Override
        public Optional<BlobRef> stat(String sha256) throws IOException {
          return dir.stat(sha256);
        }

        @Override
        public boolean delete(String sha256) throws IOException {
          return dir.delete(sha256);
        }

        @Override
        public Optional<URI> presignedGetUrl(String sha256, Duration validity) {
          try {
            return dir.stat(sha256)
                .filter(r -> r.mediaType().equals("application/pdf"))
                .map(r -> signed(sha256));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
    }

    @Bean
    BlobStoreSettings blobStoreSettings() {
      return BlobStoreSettings.from(
          name -> name.equals("galley.blob.presign-downloads") ? "true" : null, Path.of("unused"));
    }
  }
}
