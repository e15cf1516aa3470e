package io.galley.export.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Loads and parses the next part on another thread while the current one is being copied, so
 * parsing and writing overlap; a part is handed over whole, never used by two threads at once.
 */
final class PdfPartReader {

  /** Starts loading {@code part} and parsing every object of it. */
  Future<PDDocument> read(PdfPart part) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            PDDocument pdf = Loader.loadPDF(part.file().toFile());
            COSDocument cos = pdf.getDocument();
            for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
              cos.getObjectFromPool(key).getObject();
            }
            return pdf;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read part " + part.file(), e);
          }
        });
  }

  static PDDocument await(Future<PDDocument> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading a part", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("cannot read a part", e.getCause());
    }
  }

  /** Closes a part that was read ahead but will not be copied. */
  void discard(Future<PDDocument> part) {
    if (part != null) {
      try {
        await(part).close();
      } catch (IOException | RuntimeException e) {
        // already failing: the part is dropped either way
      }
    }
  }
}
