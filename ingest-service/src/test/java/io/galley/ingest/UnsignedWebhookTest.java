package io.galley.ingest;

import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.ingest.commits.BookDirectory;
import io.galley.ingest.commits.CommitLog;
import io.galley.ingest.commits.PollScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without a webhook secret (local use), unsigned pushes are accepted. */
@WebMvcTest(properties = {"spring.config.name=ingest-service", "galley.ingest.repository=/nowhere"})
@Import(CommitLog.class)
@EnableConfigurationProperties(IngestProperties.class)
class UnsignedWebhookTest {

  @Autowired MockMvc mvc;
  @MockitoBean PollScheduler scheduler;
  @MockitoBean BookDirectory books;

  @Test
  void acceptsUnsignedPushWhenNoSecretIsConfigured() throws Exception {
    mvc.perform(post("/webhooks/git").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isAccepted());
    verify(scheduler).trigger();
  }
}
