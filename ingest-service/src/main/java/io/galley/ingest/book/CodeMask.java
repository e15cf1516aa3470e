package io.galley.ingest.book;

/**
 * Blanks the code of a Markdown text (fenced blocks and code spans) with spaces, keeping offsets
 * and line breaks, so references are searched in prose only. One pass over the text.
 */
final class CodeMask {

  private CodeMask() {}

  /** Replaces fenced code blocks and code spans by spaces, keeping offsets and line breaks. */
  static String mask(String text) {
    char[] out = text.toCharArray();
    int len = text.length();
    String fence = null;
    int tick = text.indexOf('`');
    for (int pos = 0; pos <= len; ) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = len;
      }
      int s = firstNonWhitespace(text, pos, end);
      // a line runs to '\n' or the text's end; a fence marker must lie within it
      boolean fenceLine = s + 3 <= end && (text.startsWith("```", s) || text.startsWith("~~~", s));
      if (fence == null && fenceLine) {
        fence = text.substring(s, s + 3);
        blank(out, pos, end);
      } else if (fence != null) {
        blank(out, pos, end);
        if (s + 3 <= end && text.startsWith(fence, s)) {
          fence = null;
        }
      } else {
        // code spans pair backticks within the line
        if (tick >= 0 && tick < pos) {
          tick = text.indexOf('`', pos);
        }
        int open = -1;
        for (; tick >= 0 && tick < end; tick = text.indexOf('`', tick + 1)) {
          if (open < 0) {
            open = tick;
          } else {
            blank(out, open, tick + 1);
            open = -1;
          }
        }
      }
      pos = end + 1;
    }
    return new String(out);
  }

  /** The first index in [from, to) that is not whitespace (as String.stripLeading sees it). */
  private static int firstNonWhitespace(String text, int from, int to) {
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      if (!Character.isWhitespace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static void blank(char[] out, int from, int to) {
    for (int i = from; i < to && i < out.length; i++) {
      if (out[i] != '\n') {
        out[i] = ' ';
      }
    }
  }
}
