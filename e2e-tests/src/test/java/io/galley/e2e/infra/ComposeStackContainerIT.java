package io.galley.e2e.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Starts {@code infra/docker-compose.yml} and waits for the sample guide's three editions. Needs a
 * Docker engine; skipped cleanly where none runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackContainerIT {

  @Container
  static final ComposeContainer STACK =
      new ComposeContainer(
              new File(
                  Path.of("..", "infra", "docker-compose.yml")
                      .toAbsolutePath()
                      .normalize()
                      .toString()))
          .withBuild(true)
          .withExposedService(
              "export",
              8083,
              Wait.forHttp("/actuator/health/readiness")
                  .forStatusCode(200)
                  .withStartupTimeout(Duration.ofMinutes(10)));

  @Test
  void publishesTheSampleGuidesThreeEditions() {
    String base =
        "http://"
            + STACK.getServiceHost("export", 8083)
            + ":"
            + STACK.getServicePort("export", 8083);
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              String editions =
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/editions")).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body();
              assertThat(editions)
                  .contains("\"format\":\"HTML\"", "\"format\":\"PDF\"", "\"format\":\"EPUB\"");
            });
  }
}
