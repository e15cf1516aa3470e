package io.galley.render.markdown;

/** Escaping of text for HTML and XML. */
final class Html {

  private Html() {}

  /** Escapes {@code & < > "} and drops characters XML does not allow. */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            s.append(c);
          }
        }
      }
    }
    return s.toString();
  }
}
