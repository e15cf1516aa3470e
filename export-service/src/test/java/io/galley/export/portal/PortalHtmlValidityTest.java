package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Nu HTML Checker finds every templated page of the portal valid, for a book whose names are
 * all hostile markup. Runs in surefire's {@code portal-html} execution (a class path of its own).
 */
class PortalHtmlValidityTest extends HostilePortal {

  @Test
  void everyPageIsValidHtml() throws Exception {
    // a -Dtest run also starts it in the default execution, whose Jing is epubcheck's: skip there;
    // the portal-html execution sets the property, so there it runs or fails, never skips
    assumeTrue(
        Boolean.getBoolean("galley.test.nu-checker"),
        "runs in surefire's portal-html execution, where the Nu checker's Jing is on the class path");
    NuChecker nu = new NuChecker();
    List<String> problems = new ArrayList<>();
    Map<String, String> pages = pages();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      problems.addAll(nu.problems(page.getKey(), page.getValue()));
    }
    assertThat(pages).hasSize(6);
    assertThat(problems).isEmpty();
  }
}
