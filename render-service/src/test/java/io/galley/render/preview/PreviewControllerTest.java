package io.galley.render.preview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.render.RenderProperties;
import io.galley.render.markdown.MarkdownConverter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(
    controllers = {PreviewController.class, PreviewPageController.class},
    properties = {"spring.config.name=render-service", "galley.render.max-preview-size=1KB"})
@Import(PreviewControllerTest.Converter.class)
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
