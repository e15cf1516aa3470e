package io.galley.export.portal;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;

/**
 * Renders the portal's JTE templates ({@code src/main/jte}), compiled to Java classes at build
 * time; their content type is HTML, so every {@code ${...}} is escaped for where it stands.
 */
final class Templates {

  // precompiled: the classes are on the class path, nothing is compiled or read at run time
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "io.galley.export.portal");

  private Templates() {}

  /** The HTML of template {@code name} (for example {@code "row.jte"}) for its one parameter. */
  static String render(String name, Object model) {
    StringOutput out = new StringOutput();
    ENGINE.render(name, model, out);
    return out.toString();
  }

  /** The same, kept as a fragment another template can include as it is. */
  static Fragment fragment(String name, Object model) {
    return new Fragment(render(name, model));
  }

  /**
   * HTML written by a template, and only that: it is the one kind of value the templates include
   * without escaping, so no string from outside reaches a page unescaped.
   */
  static final class Fragment implements Content {

    private final String html;

    private Fragment(String html) {
      this.html = html;
    }

    @Override
    public void writeTo(TemplateOutput output) {
      output.writeContent(html);
    }

    int length() {
      return html.length();
    }

    @Override
    public String toString() {
      return html;
    }
  }
}
