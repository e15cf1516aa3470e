package io.galley.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A deterministic synthetic book shaped like a Go tutorial: the same seed and size always give the
 * same bytes.
 */
public record SyntheticBook(long seed, int chapters) {

  static final int FIGURES = 6;

  public SyntheticBook {
    if (chapters < 1) {
      throw new IllegalArgumentException("chapters must be >= 1: " + chapters);
    }
  }

  public String bookId() {
    return "bench-" + chapters;
  }

  static String chapterFile(int index) {
    return String.format("ch-%04d.md", index);
  }

  static String figureName(int figure) {
    return "figure-" + figure + ".png";
  }

  /** The chapter's path relative to the book folder, 1-based index. */
  public String chapterPath(int index) {
    return "chapters/" + chapterFile(index);
  }

  public String bookYml() {
    return bookYml(chapters);
  }

  /** book.yml listing only the first {@code upTo} chapters (the warm-up commit). */
  public String bookYml(int upTo) {
    StringBuilder y = new StringBuilder();
    y.append("id: ")
        .append(bookId())
        .append('\n')
        .append("title: \"Go by Example at Scale (")
        .append(chapters)
        .append(" chapters)\"\n")
        .append("subtitle: \"A synthetic benchmark book, seed ")
        .append(seed)
        .append("\"\n")
        .append("authors:\n  - \"Galley Benchmarks\"\n")
        .append("language: en\n")
        .append("publisher: \"Galley Bench Press\"\n")
        .append("identifier: \"urn:uuid:")
        .append(UUID.nameUUIDFromBytes((seed + "/" + chapters).getBytes(StandardCharsets.UTF_8)))
        .append("\"\npageSize: A4\nchapters:\n");
    for (int i = 1; i <= Math.min(upTo, chapters); i++) {
      y.append("  - ").append(chapterPath(i)).append('\n');
    }
    return y.toString();
  }

  /** The Markdown of chapter {@code index}; revision 0 is the original, each edit bumps it. */
  public String chapter(int index, int revision) {
    if (index < 1 || index > chapters) {
      throw new IllegalArgumentException("no chapter " + index);
    }
    return new ChapterText(this, index).markdown(revision);
  }

  /** A small PNG bar chart, the same bytes for the same figure number. */
  public static byte[] figure(int figure) {
    BufferedImage image = new BufferedImage(320, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 160);
    g.setColor(new Color(0x00, 0x7d, 0x9c));
    for (int bar = 0; bar < 8; bar++) {
      int height = 20 + ((bar * 37 + figure * 53) % 120);
      g.fillRect(16 + bar * 38, 150 - height, 28, height);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawLine(8, 150, 312, 150);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes book.yml, every chapter at revision 0 and the figures into {@code dir}; returns the
   * files.
   */
  public List<Path> writeTo(Path dir) throws IOException {
    return writeTo(dir, chapters);
  }

  /** Writes the book as it is with only its first {@code upTo} chapters; returns the files. */
  public List<Path> writeTo(Path dir, int upTo) throws IOException {
    List<Path> written = new ArrayList<>();
    Files.createDirectories(dir.resolve("chapters"));
    Files.createDirectories(dir.resolve("images"));
    written.add(Files.writeString(dir.resolve("book.yml"), bookYml(upTo)));
    for (int f = 0; f < FIGURES; f++) {
      written.add(Files.write(dir.resolve("images").resolve(figureName(f)), figure(f)));
    }
    for (int i = 1; i <= Math.min(upTo, chapters); i++) {
      written.add(writeChapter(dir, i, 0));
    }
    return written;
  }

  /** Writes one chapter at the given revision. */
  public Path writeChapter(Path dir, int index, int revision) throws IOException {
    return Files.writeString(dir.resolve(chapterPath(index)), chapter(index, revision));
  }
}
