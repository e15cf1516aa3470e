package io.galley.render.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenMakerFactory;

/**
 * Server-side syntax highlighting with RSyntaxTextArea's token makers (no UI is created). Emits
 * escaped HTML with {@code <span class="tok-...">}; unknown languages come back escaped, plain.
 */
final class CodeHighlighter {

  private static final Map<String, String> STYLES =
      Map.ofEntries(
          Map.entry("go", SyntaxConstants.SYNTAX_STYLE_GO),
          Map.entry("golang", SyntaxConstants.SYNTAX_STYLE_GO),
          Map.entry("java", SyntaxConstants.SYNTAX_STYLE_JAVA),
          Map.entry("python", SyntaxConstants.SYNTAX_STYLE_PYTHON),
          Map.entry("py", SyntaxConstants.SYNTAX_STYLE_PYTHON),
          Map.entry("js", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
          Map.entry("javascript", SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT),
          Map.entry("ts", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
          Map.entry("typescript", SyntaxConstants.SYNTAX_STYLE_TYPESCRIPT),
          Map.entry("sh", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
          Map.entry("bash", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
          Map.entry("shell", SyntaxConstants.SYNTAX_STYLE_UNIX_SHELL),
          Map.entry("json", SyntaxConstants.SYNTAX_STYLE_JSON),
          Map.entry("yaml", SyntaxConstants.SYNTAX_STYLE_YAML),
          Map.entry("yml", SyntaxConstants.SYNTAX_STYLE_YAML),
          Map.entry("sql", SyntaxConstants.SYNTAX_STYLE_SQL),
          Map.entry("html", SyntaxConstants.SYNTAX_STYLE_HTML),
          Map.entry("xml", SyntaxConstants.SYNTAX_STYLE_XML),
          Map.entry("dockerfile", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE),
          Map.entry("docker", SyntaxConstants.SYNTAX_STYLE_DOCKERFILE));

  private static final TokenMakerFactory TOKEN_MAKERS = TokenMakerFactory.getDefaultInstance();

  /**
   * Token makers by style, one set per thread: making one builds its keyword tables, and a token
   * maker keeps state while it tokenises, so they are reused but never shared between threads.
   */
  private static final ThreadLocal<Map<String, TokenMaker>> MAKERS =
      ThreadLocal.withInitial(HashMap::new);

  /** Whether the language gets highlighted. */
  boolean supports(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    return STYLES.containsKey(l) || l.equals("diff") || l.equals("patch");
  }

  /** The code as escaped HTML, highlighted when the language is known. */
  String highlight(String language, String code) {
    String l = language.toLowerCase(Locale.ROOT);
    if (l.equals("diff") || l.equals("patch")) {
      return diff(code);
    }
    String style = STYLES.get(l);
    if (style == null) {
      return Html.escape(code);
    }
    TokenMaker maker = MAKERS.get().computeIfAbsent(style, TOKEN_MAKERS::getTokenMaker);
    StringBuilder out = new StringBuilder(code.length() * 2);
    String[] lines = code.split("\n", -1);
    int lastType = Token.NULL;
    for (int i = 0; i < lines.length; i++) {
      char[] chars = lines[i].toCharArray();
      Segment segment = new Segment(chars, 0, chars.length);
      for (Token t = maker.getTokenList(segment, lastType, 0);
          t != null && t.isPaintable();
          t = t.getNextToken()) {
        append(out, cssClass(t.getType()), t.getLexeme());
      }
      lastType = maker.getLastTokenTypeOnLine(segment, lastType);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String diff(String code) {
    StringBuilder out = new StringBuilder();
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String cls =
          line.startsWith("+++") || line.startsWith("---")
              ? "diff-file"
              : line.startsWith("+")
                  ? "diff-add"
                  : line.startsWith("-") ? "diff-del" : line.startsWith("@@") ? "diff-hunk" : null;
      append(out, cls, line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String cls, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (cls == null) {
      out.append(Html.escape(text));
    } else {
      out.append("<span class=\"").append(cls).append("\">");
      out.append(Html.escape(text)).append("</span>");
    }
  }

  private static String cssClass(int type) {
    return switch (type) {
      case Token.COMMENT_EOL,
          Token.COMMENT_MULTILINE,
          Token.COMMENT_DOCUMENTATION,
          Token.COMMENT_KEYWORD,
          Token.COMMENT_MARKUP,
          Token.MARKUP_COMMENT ->
          "tok-comment";
      case Token.RESERVED_WORD, Token.RESERVED_WORD_2 -> "tok-keyword";
      case Token.FUNCTION -> "tok-function";
      case Token.DATA_TYPE -> "tok-type";
      case Token.LITERAL_BOOLEAN -> "tok-literal";
      case Token.LITERAL_NUMBER_DECIMAL_INT,
          Token.LITERAL_NUMBER_FLOAT,
          Token.LITERAL_NUMBER_HEXADECIMAL ->
          "tok-number";
      case Token.LITERAL_STRING_DOUBLE_QUOTE,
          Token.LITERAL_CHAR,
          Token.LITERAL_BACKQUOTE,
          Token.MARKUP_TAG_ATTRIBUTE_VALUE ->
          "tok-string";
      case Token.REGEX -> "tok-regex";
      case Token.ANNOTATION -> "tok-annotation";
      case Token.VARIABLE -> "tok-variable";
      case Token.OPERATOR -> "tok-operator";
      case Token.MARKUP_TAG_NAME, Token.MARKUP_TAG_DELIMITER -> "tok-tag";
      case Token.MARKUP_TAG_ATTRIBUTE -> "tok-attr";
      case Token.PREPROCESSOR,
          Token.MARKUP_ENTITY_REFERENCE,
          Token.MARKUP_PROCESSING_INSTRUCTION,
          Token.MARKUP_DTD,
          Token.MARKUP_CDATA ->
          "tok-meta";
      default -> null;
    };
  }
}
