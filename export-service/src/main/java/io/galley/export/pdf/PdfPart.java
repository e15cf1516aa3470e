package io.galley.export.pdf;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One separately laid-out piece of the PDF (the front matter or a chapter), saved as a PDF file
 * with a sidecar that records its page count, the next free structure parent key and where each
 * anchor landed.
 *
 * @param file the part's PDF
 * @param pages its number of pages
 * @param structNext its {@code /ParentTreeNextKey}
 * @param anchors position of every element id, in document order
 */
record PdfPart(Path file, int pages, int structNext, Map<String, Anchor> anchors) {

  /** Where an anchor is: the page within the part (from 0) and the top-left of its box. */
  record Anchor(int page, float x, float y) {}

  PdfPart {
    anchors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anchors));
  }

  static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".txt");
  }

  void writeSidecar() throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("pages ").append(pages).append('\n');
    s.append("structNext ").append(structNext).append('\n');
    anchors.forEach(
        (id, a) ->
            s.append(
                String.format(
                    Locale.ROOT,
                    "anchor %d %.3f %.3f %s%n",
                    a.page(),
                    a.x(),
                    a.y(),
                    URLEncoder.encode(id, StandardCharsets.UTF_8))));
    Path tmp = Files.createTempFile(file.getParent(), "sidecar", ".tmp");
    Files.writeString(tmp, s, StandardCharsets.UTF_8);
    Files.move(tmp, sidecar(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static PdfPart read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(sidecar(file), StandardCharsets.UTF_8);
    int pages = 0;
    int next = 0;
    Map<String, Anchor> anchors = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split(" ", 5);
      switch (f[0]) {
        case "pages" -> pages = Integer.parseInt(f[1]);
        case "structNext" -> next = Integer.parseInt(f[1]);
        case "anchor" ->
            anchors.put(
                URLDecoder.decode(f[4], StandardCharsets.UTF_8),
                new Anchor(Integer.parseInt(f[1]), Float.parseFloat(f[2]), Float.parseFloat(f[3])));
        default -> throw new IOException("bad part sidecar line: " + line);
      }
    }
    return new PdfPart(file, pages, next, anchors);
  }
}
