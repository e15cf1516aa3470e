package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.export.ExportProperties;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The live-update stream's connection cap and the portal's Content-Security-Policy. */
@WebMvcTest(controllers = {PortalController.class, PortalEvents.class})
@Import({PortalPage.class, EditionHistory.class, EditionCatalog.class, SecurityHeaders.class})
@EnableConfigurationProperties(ExportProperties.class)
class EventStreamBoundsTest {

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("export-events").toString();
    registry.add("galley.export.state-dir", () -> dir);
    registry.add("galley.export.events.max-connections", () -> "2");
  }

  @Autowired MockMvc mvc;
  @Autowired PortalEvents events;

  @Test
  void refusesStreamsBeyondTheCapWithRetryAfter() throws Exception {
    while (events.open() < 2) {
      mvc.perform(get("/api/events")).andExpect(request().asyncStarted());
    }
    mvc.perform(get("/api/events"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "30"));
    assertThat(events.open()).isEqualTo(2);
  }

  @Test
  void thePortalCarriesAContentSecurityPolicyWithoutInlineScript() throws Exception {
    String policy =
        mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
    assertThat(org.jsoup.Jsoup.parse(html).select("script:not([src])")).isEmpty();
    assertThat(org.jsoup.Jsoup.parse(html).select("[style]")).isEmpty();
  }
}
