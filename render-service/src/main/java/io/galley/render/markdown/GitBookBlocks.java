package io.galley.render.markdown;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites GitBook's block tags into the Markdown Galley already renders: {@code {% hint
 * style="info" %} ... {% endhint %}} becomes a GitHub alert (a callout), and {@code {% code
 * title="main.go" %}} around a fenced code block puts the title into the fence's info string (a
 * captioned code block). Every line stays on its line, so warnings keep their line numbers. Tags
 * inside fenced code are left as they are, since a chapter may show GitBook syntax as code.
 */
final class GitBookBlocks {

  private static final Pattern HINT =
      Pattern.compile("^ {0,3}\\{%\\s*hint(?:\\s+style\\s*=\\s*[\"']([\\w-]*)[\"'])?[^%]*%}\\s*$");
  private static final Pattern END_HINT = Pattern.compile("^ {0,3}\\{%\\s*endhint\\s*%}\\s*$");
  private static final Pattern CODE = Pattern.compile("^ {0,3}\\{%\\s*code\\b([^%]*)%}\\s*$");
  private static final Pattern END_CODE = Pattern.compile("^ {0,3}\\{%\\s*endcode\\s*%}\\s*$");
  private static final Pattern TITLE = Pattern.compile("\\btitle\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

  /** GitBook's hint styles as the callout kinds that look alike. */
  private static final Map<String, String> KINDS =
      Map.of("info", "NOTE", "success", "TIP", "warning", "WARNING", "danger", "CAUTION");

  private GitBookBlocks() {}

  /** The Markdown with GitBook's hint and code tags rewritten; unchanged when it has none. */
  static String rewrite(String markdown) {
    if (!markdown.contains("{%")) {
      return markdown;
    }
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder(markdown.length() + 64);
    int depth = 0;
    String fence = null;
    String pendingTitle = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String rewritten;
      Matcher m;
      if (fence != null) {
        if (closes(line, fence)) {
          fence = null;
        }
        rewritten = quote(depth, line);
      } else if ((m = HINT.matcher(line)).matches()) {
        String style = m.group(1) == null ? "info" : m.group(1).toLowerCase(Locale.ROOT);
        rewritten = quote(depth, "> [!" + KINDS.getOrDefault(style, "NOTE") + "]");
        depth++;
      } else if (depth > 0 && END_HINT.matcher(line).matches()) {
        depth--;
        rewritten = quote(depth, "").stripTrailing();
      } else if ((m = CODE.matcher(line)).matches()) {
        Matcher title = TITLE.matcher(m.group(1));
        pendingTitle = title.find() ? title.group(1).replace("`", "'") : null;
        rewritten = quote(depth, "");
      } else if (END_CODE.matcher(line).matches()) {
        rewritten = quote(depth, "");
      } else if ((m = FENCE.matcher(line)).matches()) {
        fence = m.group(1);
        rewritten = quote(depth, pendingTitle == null ? line : titled(line, m, pendingTitle));
        pendingTitle = null;
      } else {
        if (!line.isBlank()) {
          pendingTitle = null;
        }
        rewritten = quote(depth, line);
      }
      out.append(rewritten);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** A fence line with {@code title="..."} added to its info string (a language first). */
  private static String titled(String line, Matcher fence, String title) {
    String info = fence.group(2).strip();
    String language = info.isEmpty() ? "text" : info;
    return line.substring(0, fence.start(1))
        + fence.group(1)
        + language
        + " title=\""
        + title
        + "\"";
  }

  private static boolean closes(String line, String fence) {
    String stripped = line.stripLeading();
    return line.length() - stripped.length() < 4
        && stripped.startsWith(fence)
        && stripped.chars().allMatch(c -> c == fence.charAt(0) || c == ' ' || c == '\t');
  }

  private static String quote(int depth, String line) {
    return "> ".repeat(depth) + line;
  }
}
