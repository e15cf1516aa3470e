package io.galley.ingest.dlt;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.ingest.IngestProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dead-letter routes with an admin token configured: listing is open, replay needs the token.
 */
@WebMvcTest(
    controllers = DeadLetterController.class,
    properties = {
      "spring.config.name=ingest-service",
      "galley.ingest.repository=/nowhere",
      "galley.ingest.admin-token=t0ken"
    })
@EnableConfigurationProperties(IngestProperties.class)
class DeadLetterRoutesTest {

  @Autowired MockMvc mvc;
  @MockitoBean DeadLetterTopic topic;

  @Test
  void listsDeadLettersWithOriginAndException() throws Exception {
    given(topic.newestFirst(1000))
        .willReturn(
            List.of(
                new DeadLetter(
                    7,
                    "book/intro",
                    "guide.source.v1",
                    2,
                    41,
                    "DeserializationException: bad json",
                    "render-service",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    9,
                    false)));
    mvc.perform(get("/api/dlt"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].offset").value(7))
        .andExpect(jsonPath("$[0].key").value("book/intro"))
        .andExpect(jsonPath("$[0].originTopic").value("guide.source.v1"))
        .andExpect(jsonPath("$[0].originPartition").value(2))
        .andExpect(jsonPath("$[0].originOffset").value(41))
        .andExpect(jsonPath("$[0].exception").value("DeserializationException: bad json"))
        .andExpect(jsonPath("$[0].size").value(9))
        .andExpect(jsonPath("$[0].replayed").value(false));
  }

  @Test
  void refusesReplayWithoutToken() throws Exception {
    mvc.perform(post("/api/dlt/replay"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(jsonPath("$.detail").value("missing 'Authorization: Bearer <token>' header"));
    verify(topic, never()).replay(anyCollection());
  }

  @Test
  void refusesReplayWithWrongToken() throws Exception {
    mvc.perform(post("/api/dlt/replay").header("Authorization", "Bearer t0ke"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/dlt/replay").header("Authorization", "Basic t0ken"))
        .andExpect(status().isUnauthorized());
    verify(topic, never()).replay(anyCollection());
  }

  @Test
  void replaysWithTheToken() throws Exception {
    given(topic.replay(List.of(7L))).willReturn(List.of(7L));
    mvc.perform(
            post("/api/dlt/replay").param("offset", "7").header("Authorization", "Bearer t0ken"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.replayed").value(1))
        .andExpect(jsonPath("$.offsets[0]").value(7));
    verify(topic).replay(List.of(7L));
  }
}
