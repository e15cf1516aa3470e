package io.galley.export.epub;

/** Escaping for the XML the EPUB writer emits as text. */
final class Xml {

  private Xml() {}

  /** Escapes text for element content and double-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The start of an XHTML content document, up to and including {@code <body>}. */
  static String xhtmlStart(String title, String language, String bodyType) {
    String lang = escape(language);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
        + " lang=\""
        + lang
        + "\" xml:lang=\""
        + lang
        + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
        + "<title>"
        + escape(title)
        + "</title>\n"
        + "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n"
        + "<body epub:type=\""
        + bodyType
        + "\">\n";
  }

  /** The end of an XHTML content document. */
  static String xhtmlEnd() {
    return "\n</body>\n</html>\n";
  }
}
