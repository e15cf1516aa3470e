package io.galley.render.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.render.RenderProperties;
import io.galley.render.markdown.MarkdownConverter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(
    controllers = {PreviewController.class, PreviewPageController.class},
    properties = {"spring.config.name=render-service", "galley.render.max-preview-size=1KB"})
@Import({PreviewControllerTest.Converter.class, PreviewSlots.class})
class PreviewControllerTest {

  @TestConfiguration
  @EnableConfigurationProperties(RenderProperties.class)
  static class Converter {
    @Bean
    MarkdownConverter markdownConverter() {
      return new MarkdownConverter();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired PreviewSlots slots;
  @Autowired MarkdownConverter converter;
  @Autowired RenderProperties properties;

  @Test
  void rejectsABodyWithoutContentLengthOnceItPassesTheLimit() throws Exception {
    // as a chunked request arrives: no length declared, 2 MB in the body
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/preview");
    chunked.setContent("x".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
    HttpServletRequest undeclared =
        new HttpServletRequestWrapper(chunked) {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    ResponseEntity<?> response =
        new PreviewController(converter, properties, slots).preview(undeclared);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(slots.tryTake())
        .as("the slot was given back")
        .isNotNull()
        .satisfies(s -> s.release());
  }

  @Test
  void answers503WithRetryAfterWhenEveryPreviewSlotIsTaken() throws Exception {
    List<PreviewSlots.Slot> taken = new ArrayList<>();
    for (PreviewSlots.Slot s = slots.tryTake(); s != null; s = slots.tryTake()) {
      taken.add(s);
    }
    assertThat(taken).hasSize(properties.previewConcurrency()).isNotEmpty();
    try {
      mvc.perform(post("/api/preview").contentType("text/markdown").content("*x*"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "1"))
          .andExpect(jsonPath("$.title").value("Too many previews at once"));
    } finally {
      taken.forEach(PreviewSlots.Slot::release);
    }
    mvc.perform(post("/api/preview").contentType("text/markdown").content("*x*"))
        .andExpect(status().isOk());
  }

  @Test
  void sendsAContentSecurityPolicyWithThePageAndTheApi() throws Exception {
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/preview"))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
        .andExpect(
            header().string("Content-Security-Policy", containsString("script-src 'sha256-")))
        .andExpect(
            header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
    mvc.perform(post("/api/preview").contentType("text/markdown").content("*x*"))
        .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
  }

  @Test
  void rendersMarkdownToSanitisedHtml() throws Exception {
    mvc.perform(
            post("/api/preview")
                .contentType("text/markdown")
                .content("# Hi\n\n<script>alert(1)</script>\n\n```go\nfunc f() {}\n```\n"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("<h1 id=\"hi\">Hi</h1>")))
        .andExpect(content().string(containsString("tok-keyword")))
        .andExpect(content().string(not(containsString("script"))));
  }

  @Test
  void servesTheLivePreviewPage() throws Exception {
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/preview"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("fetch('api/preview'")));
  }

  @Test
  void acceptsPlainText() throws Exception {
    mvc.perform(post("/api/preview").contentType(MediaType.TEXT_PLAIN).content("*x*"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<em>x</em>")));
  }

  @Test
  void rejectsMarkdownOverTheLimitWith413() throws Exception {
    mvc.perform(post("/api/preview").contentType("text/markdown").content("x".repeat(2000)))
        .andExpect(status().isContentTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Markdown too large to preview"))
        .andExpect(jsonPath("$.detail").value(containsString("at most 1024 bytes")));
  }
}
