package io.galley.ingest.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks on a text file's bytes: size and UTF-8 encoding. */
public final class TextChecks {

  private TextChecks() {}

  /**
   * Decodes UTF-8 strictly (a leading BOM is dropped); records an error at the first bad line and
   * returns empty when the bytes are not UTF-8.
   */
  public static Optional<String> decodeUtf8(byte[] bytes, String path, Problems problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problems.error(
          path,
          firstBadLine(bytes),
          "file is not valid UTF-8; save it as UTF-8 (the first invalid byte is on this line)");
      return Optional.empty();
    }
  }

  /** Records an error and returns false when the file is larger than the limit. */
  public static boolean withinLimit(
      long size, long limit, String path, String what, Problems problems) {
    if (size > limit) {
      problems.error(path, 0, what + " is " + size + " bytes; the limit is " + limit + " bytes");
      return false;
    }
    return true;
  }

  static int firstBadLine(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 1;
  }

  /** The 1-based line of a character offset in a text. */
  public static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
