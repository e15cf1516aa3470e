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
 * The dead-letter routes with an admin token configured: listing is open but paged and without
 * payloads, which, like replay, need the token.
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

  private static DeadLetter letter(String exception) {
    return new DeadLetter(
        7,
        "book/intro",
        "guide.source.v1",
        2,
        41,
        exception,
        "render-service",
        Instant.parse("2026-01-01T00:00:00Z"),
        9,
        false,
        "eyJhIjoxfQ==",
        false);
  }

  @Test
  void listsDeadLettersWithOriginAndExceptionButNoPayloadWithoutTheToken() throws Exception {
    given(topic.newestFirst(100, Long.MAX_VALUE, false))
        .willReturn(List.of(letter("DeserializationException: bad json\n\tat x.y(Z.java:1)")));
    mvc.perform(get("/api/dlt"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].offset").value(7))
        .andExpect(jsonPath("$[0].key").value("book/intro"))
        .andExpect(jsonPath("$[0].originTopic").value("guide.source.v1"))
        .andExpect(jsonPath("$[0].originPartition").value(2))
        .andExpect(jsonPath("$[0].originOffset").value(41))
        .andExpect(jsonPath("$[0].exception").value("DeserializationException: bad json"))
        .andExpect(jsonPath("$[0].size").value(9))
        .andExpect(jsonPath("$[0].replayed").value(false))
        .andExpect(jsonPath("$[0].payload").doesNotExist());
  }

  @Test
  void cutsLongExceptionsToASummaryWithoutTheToken() throws Exception {
    given(topic.newestFirst(100, Long.MAX_VALUE, false))
        .willReturn(List.of(letter("Boom: " + "secret content ".repeat(100))));
    mvc.perform(get("/api/dlt").header("Authorization", "Bearer wrong"))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[0].exception")
                .value(("Boom: " + "secret content ".repeat(100)).substring(0, 200) + "…"))
        .andExpect(jsonPath("$[0].payload").doesNotExist());
  }

  @Test
  void showsPayloadsAndWholeExceptionsWithTheToken() throws Exception {
    String exception = "DeserializationException: bad json\n\tat x.y(Z.java:1)";
    given(topic.newestFirst(100, Long.MAX_VALUE, true)).willReturn(List.of(letter(exception)));
    mvc.perform(get("/api/dlt").header("Authorization", "Bearer t0ken"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].exception").value(exception))
        .andExpect(jsonPath("$[0].payload").value("eyJhIjoxfQ=="));
  }

  @Test
  void pagesDeadLettersUpToTheMaximumPage() throws Exception {
    given(topic.newestFirst(100, 50L, false)).willReturn(List.of(letter("x")));
    mvc.perform(get("/api/dlt").param("limit", "100000").param("before", "50"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1));
    verify(topic).newestFirst(100, 50L, false);
    given(topic.newestFirst(5, Long.MAX_VALUE, false)).willReturn(List.of());
    mvc.perform(get("/api/dlt").param("limit", "5")).andExpect(status().isOk());
    verify(topic).newestFirst(5, Long.MAX_VALUE, false);
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
