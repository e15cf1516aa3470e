package io.galley.ingest.dlt;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.ingest.IngestProperties;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without an admin token, replay is off and the answer says how to turn it on. */
@WebMvcTest(
    controllers = DeadLetterController.class,
    properties = {"spring.config.name=ingest-service", "galley.ingest.repository=/nowhere"})
@EnableConfigurationProperties(IngestProperties.class)
class DeadLetterReplayDisabledTest {

  @Autowired MockMvc mvc;
  @MockitoBean DeadLetterTopic topic;

  @Test
  void answers403WithHowToEnableIt() throws Exception {
    mvc.perform(post("/api/dlt/replay").header("Authorization", "Bearer anything"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(
            jsonPath("$.detail").value(Matchers.containsString("GALLEY_INGEST_ADMIN_TOKEN")));
    verify(topic, never()).replay(anyCollection());
  }
}
