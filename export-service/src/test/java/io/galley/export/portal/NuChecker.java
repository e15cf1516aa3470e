package io.galley.export.portal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (validator.w3.org/nu) over one page held as a string. */
final class NuChecker {

  private final List<String> problems = new ArrayList<>();
  // language detection off: it needs Jetty 9's JSON (excluded) and only guesses at the prose
  private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);

  NuChecker() throws Exception {
    ErrorHandler collector =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            add("warning", e);
          }

          @Override
          public void error(SAXParseException e) {
            add("error", e);
          }

          @Override
          public void fatalError(SAXParseException e) {
            add("fatal", e);
          }
        };
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
    validator.setUpValidatorAndParsers(collector, false, false);
  }

  /** The checker's messages for the page, {@code name:line:col: kind: message}; empty if valid. */
  synchronized List<String> problems(String name, String html) throws Exception {
    problems.clear();
    InputSource source = new InputSource(new StringReader(html));
    source.setSystemId("http://portal.test/" + name);
    validator.checkHtmlInputSource(source);
    return problems.stream().map(p -> name + ":" + p).toList();
  }

  private void add(String kind, SAXParseException e) {
    problems.add(
        e.getLineNumber() + ":" + e.getColumnNumber() + ": " + kind + ": " + e.getMessage());
  }
}
