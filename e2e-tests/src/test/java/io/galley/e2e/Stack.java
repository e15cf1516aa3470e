package io.galley.e2e;

import io.galley.export.ExportApplication;
import io.galley.ingest.IngestApplication;
import io.galley.render.RenderApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM on one real Kafka broker, each with its own state folder
 * and a random port, exactly as {@code infra/local/run} starts them as processes.
 */
public final class Stack implements AutoCloseable {

  private final ConfigurableApplicationContext render;
  private final ConfigurableApplicationContext export;
  private final ConfigurableApplicationContext ingest;

  private Stack(
      ConfigurableApplicationContext render,
      ConfigurableApplicationContext export,
      ConfigurableApplicationContext ingest) {
    this.render = render;
    this.export = export;
    this.ingest = ingest;
  }

  /** Starts render, export and ingest (in that order) on the broker, ingesting the repository. */
  public static Stack start(String bootstrapServers, Path contentRepo, Path state) {
    return start(bootstrapServers, contentRepo, state, UnaryOperator.identity());
  }

  /** Like {@link #start(String, Path, Path)}, each service's application given to {@code each}. */
  public static Stack start(
      String bootstrapServers,
      Path contentRepo,
      Path state,
      UnaryOperator<SpringApplicationBuilder> each) {
    ConfigurableApplicationContext render =
        run(
            each.apply(RenderApplication.builder()),
            bootstrapServers,
            "--galley.render.state-dir=" + state.resolve("render"));
    String site = "http://localhost:" + port(render);
    ConfigurableApplicationContext export =
        run(
            each.apply(ExportApplication.builder()),
            bootstrapServers,
            "--galley.export.state-dir=" + state.resolve("export"),
            "--galley.export.site-base-url=" + site);
    ConfigurableApplicationContext ingest =
        run(
            each.apply(IngestApplication.builder()),
            bootstrapServers,
            "--galley.ingest.state-dir=" + state.resolve("ingest"),
            "--galley.ingest.repository=" + contentRepo,
            "--galley.ingest.poll-interval=" + Duration.ofMillis(250));
    return new Stack(render, export, ingest);
  }

  private static ConfigurableApplicationContext run(
      SpringApplicationBuilder builder, String bootstrapServers, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--server.port=0";
    all[1] = "--spring.kafka.bootstrap-servers=" + bootstrapServers;
    System.arraycopy(args, 0, all, 2, args.length);
    return builder.run(all);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The service's base URL. */
  public String ingestUrl() {
    return "http://localhost:" + port(ingest);
  }

  /** The service's base URL. */
  public String renderUrl() {
    return "http://localhost:" + port(render);
  }

  /** The service's base URL. */
  public String exportUrl() {
    return "http://localhost:" + port(export);
  }

  @Override
  public void close() {
    ingest.close();
    export.close();
    render.close();
  }
}
