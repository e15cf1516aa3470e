package io.galley.export.portal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: the publisher portal, server-rendered; live updates are an enhancement. */
@RestController
class PortalController {

  private final PortalPage page;

  PortalController(PortalPage page) {
    this.page = page;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String portal() {
    return page.page();
  }
}
