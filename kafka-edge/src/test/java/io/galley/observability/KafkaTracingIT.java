package io.galley.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.BookMetadata;
import io.galley.events.CommitIngested;
import io.galley.events.EventDeserializer;
import io.galley.events.EventHeaders;
import io.galley.events.EventSerializer;
import io.galley.events.Topics;
import io.galley.kafka.DeadLetters;
import io.galley.kafka.ListenerFactories;
import io.galley.testsupport.KafkaBroker;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Standard tracing across two real Kafka hops (in-JVM KRaft broker), as the services wire it: a
 * commit span publishes a manifest; the observed listener's span continues the producer's trace
 * with the commit as baggage; a build on another thread continues the receiving span and publishes
 * again; a failing record's every delivery and its dead letter have spans of their own. Spans are
 * read back from OpenTelemetry's in-memory exporter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTracingIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String MANIFESTS = "trace-manifests-" + RUN;
  static final String EDITIONS = "trace-editions-" + RUN;
  static final String FAILING = "trace-failing-" + RUN;

  private ConfigurableApplicationContext context;
  private InMemorySpanExporter spans;
  private Seen seen;

  @BeforeAll
  void start() throws Exception {
    String bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
    for (String topic : List.of(MANIFESTS, EDITIONS, FAILING)) {
      KafkaBroker.createTopic(bootstrap, topic, 1);
    }
    context =
        new SpringApplicationBuilder(App.class)
            .properties(
                "spring.kafka.bootstrap-servers=" + bootstrap,
                "spring.autoconfigure.exclude=io.galley.kafka.KafkaEdgeConfiguration",
                "management.tracing.sampling.probability=1.0",
                "management.tracing.baggage.remote-fields=" + CommitTracing.COMMIT,
                "management.tracing.baggage.correlation.fields=" + CommitTracing.COMMIT,
                "management.opentelemetry.tracing.export.schedule-delay=50ms",
                "trace.manifests=" + MANIFESTS,
                "trace.editions=" + EDITIONS,
                "trace.failing=" + FAILING)
            .run();
    spans = context.getBean(InMemorySpanExporter.class);
    seen = context.getBean(Seen.class);
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void chainsTheSpansOfOneCommitAcrossTwoKafkaHopsWithTheCommitAsBaggage() {
    String commit = "c0ffee" + RUN;
    CommitTracing tracing = context.getBean(CommitTracing.class);
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, Object> template = context.getBean(KafkaTemplate.class);
    try (CommitTrace trace = tracing.open("ingest commit", commit)) {
      template.send(MANIFESTS, "guide/" + commit, manifest(commit)).join();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> seen.edition.containsKey(commit));
    await().atMost(Duration.ofSeconds(30)).until(() -> find(EDITIONS + " process").isPresent());

    SpanData root = find("ingest commit").orElseThrow();
    SpanData send = find(MANIFESTS + " send").orElseThrow();
    SpanData receive = find(MANIFESTS + " process").orElseThrow();
    SpanData build = find("test build").orElseThrow();
    SpanData publish = find(EDITIONS + " send").orElseThrow();
    SpanData published = find(EDITIONS + " process").orElseThrow();

    assertThat(root.getParentSpanContext().isValid()).isFalse();
    assertThat(root.getAttributes().asMap().toString()).contains(commit);
    assertParent(send, root);
    assertParent(receive, send);
    assertParent(build, receive);
    assertParent(publish, build);
    assertParent(published, publish);

    Observed atBuild = seen.build.get(commit);
    Observed atEdition = seen.edition.get(commit);
    assertThat(atBuild.baggage()).isEqualTo(commit);
    assertThat(atBuild.mdcCommit()).isEqualTo(commit);
    assertThat(atEdition.baggage()).isEqualTo(commit); // two hops on, from the headers alone
    assertThat(atEdition.mdcCommit()).isEqualTo(commit);
    assertThat(atEdition.mdcTraceId()).isEqualTo(root.getTraceId());
    assertThat(atEdition.traceparent()).contains(root.getTraceId());
    assertThat(context.getBean(CommitClock.class).ingestedAt(commit)).isPresent();
  }

  @Test
  void givesEveryDeliveryOfAFailingRecordAndItsDeadLetterASpanOfItsOwn() {
    String commit = "badbad" + RUN;
    CommitTracing tracing = context.getBean(CommitTracing.class);
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, Object> template = context.getBean(KafkaTemplate.class);
    try (CommitTrace trace = tracing.open("ingest commit", commit)) {
      template.send(FAILING, "guide/" + commit, manifest(commit)).join();
    }
    String traceId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> find("ingest commit", commit), Optional::isPresent)
            .orElseThrow()
            .getTraceId();
    SpanData send = find(FAILING + " send").orElseThrow();

    // one delivery and two retries (DeadLetters' back-off), then the dead letter
    List<SpanData> deliveries =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> all(FAILING + " process", traceId), list -> list.size() == 3);
    assertThat(deliveries).allSatisfy(d -> assertParent(d, send));
    assertThat(deliveries).extracting(SpanData::getSpanId).doesNotHaveDuplicates();
    SpanData deadLetter =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> all(Topics.DLT + " send", traceId), list -> list.size() == 1)
            .get(0);
    assertThat(deliveries).anySatisfy(d -> assertParent(deadLetter, d));
  }

  private static void assertParent(SpanData child, SpanData parent) {
    assertThat(child.getTraceId()).as(child.getName()).isEqualTo(parent.getTraceId());
    assertThat(child.getParentSpanId())
        .as(child.getName() + " is a child of " + parent.getName())
        .isEqualTo(parent.getSpanId());
  }

  private Optional<SpanData> find(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst();
  }

  private Optional<SpanData> find(String name, String commit) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name))
        .filter(s -> s.getAttributes().asMap().toString().contains(commit))
        .findFirst();
  }

  private List<SpanData> all(String name, String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals(name) && s.getTraceId().equals(traceId))
        .toList();
  }

  static CommitIngested manifest(String commit) {
    BookMetadata meta =
        new BookMetadata("guide", "Guide", null, List.of(), "en", null, null, null, null, "A4");
    return new CommitIngested(
        "guide",
        commit,
        null,
        "Ada",
        "edit",
        Instant.parse("2026-12-01T00:00:00Z"),
        meta,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  /** What a listener or the build saw of the trace context. */
  record Observed(String baggage, String mdcCommit, String mdcTraceId, String traceparent) {}

  /** The observations of the listeners and the build, by commit. */
  static final class Seen {
    final Map<String, Observed> build = new ConcurrentHashMap<>();
    final Map<String, Observed> edition = new ConcurrentHashMap<>();
  }

  /** A service in miniature: a manifest listener hands the build to a worker, which publishes. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableKafka
  static class App {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @Bean
    InMemorySpanExporter spanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    Seen seen() {
      return new Seen();
    }

    @Bean
    KafkaTemplate<String, Object> template(
        org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
      KafkaTemplate<String, Object> template =
          new KafkaTemplate<>(
              new DefaultKafkaProducerFactory<>(
                  Map.of(
                      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers().get(0)),
                  new StringSerializer(),
                  new EventSerializer()));
      template.setObservationEnabled(true);
      return template;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CommitIngested> manifestFactory(
        org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka,
        KafkaTemplate<String, Object> template) {
      DefaultErrorHandler errors = DeadLetters.errorHandler(template, "trace-test");
      return ListenerFactories.create(
          Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers().get(0)),
          "trace-test-" + RUN,
          new EventDeserializer<>(CommitIngested.class),
          errors);
    }

    @Bean
    Listeners listeners(
        KafkaTemplate<String, Object> template, CommitTracing tracing, Tracer tracer, Seen seen) {
      return new Listeners(template, tracing, tracer, seen, worker);
    }
  }

  /** The test's listeners. */
  static final class Listeners {
    private final KafkaTemplate<String, Object> template;
    private final CommitTracing tracing;
    private final Tracer tracer;
    private final Seen seen;
    private final ExecutorService worker;

    Listeners(
        KafkaTemplate<String, Object> template,
        CommitTracing tracing,
        Tracer tracer,
        Seen seen,
        ExecutorService worker) {
      this.template = template;
      this.tracing = tracing;
      this.tracer = tracer;
      this.seen = seen;
      this.worker = worker;
    }

    @KafkaListener(topics = "${trace.manifests}", containerFactory = "manifestFactory")
    void onManifest(CommitIngested manifest) {
      // as render's and export's workers do: the build runs later, on its own thread
      worker.execute(
          () -> {
            try (CommitTrace trace = tracing.open("test build", manifest.commit())) {
              seen.build.put(manifest.commit(), observed(null));
              template.send(EDITIONS, "guide/" + manifest.commit(), manifest).join();
            }
          });
    }

    @KafkaListener(topics = "${trace.editions}", containerFactory = "manifestFactory")
    void onEdition(ConsumerRecord<String, CommitIngested> record) {
      seen.edition.put(record.value().commit(), observed(record));
    }

    @KafkaListener(topics = "${trace.failing}", containerFactory = "manifestFactory")
    void onFailing(CommitIngested manifest) {
      throw new IllegalStateException("always fails: " + manifest.commit());
    }

    private Observed observed(ConsumerRecord<String, CommitIngested> record) {
      String traceparent =
          record == null ? null : EventHeaders.get(record.headers(), "traceparent");
      return new Observed(
          tracer.getBaggage(CommitTracing.COMMIT).get(),
          MDC.get(CommitTracing.COMMIT),
          MDC.get("traceId"),
          traceparent);
    }
  }
}
