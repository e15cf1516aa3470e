package io.galley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Topics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The spans of one commit's trace, as the three services exported them: the ingest span of the
 * commit (its root) and every span that shares its trace id.
 */
record CommitTraceView(SpanData root, List<SpanData> spans) {

  static final String INGEST = "ingest commit";
  static final String RENDER_BUILD = "render build";
  static final String EXPORT_BUILD = "export build";

  /** The trace whose root is ingest's span of {@code commit}, or empty before it is exported. */
  static Optional<CommitTraceView> of(List<SpanData> all, String commit) {
    return all.stream()
        .filter(s -> s.getName().equals(INGEST))
        .filter(s -> commit.equals(s.getAttributes().get(AttributeKey.stringKey("commit"))))
        .findFirst()
        .map(
            root ->
                new CommitTraceView(
                    root,
                    all.stream()
                        .filter(s -> s.getTraceId().equals(root.getTraceId()))
                        .sorted(Comparator.comparing(SpanData::getStartEpochNanos))
                        .toList()));
  }

  /** Whether both builds have published their editions. */
  boolean complete() {
    return named(Topics.EDITIONS + " send").stream()
            .anyMatch(s -> parentName(s).equals(RENDER_BUILD))
        && named(Topics.EDITIONS + " send").stream()
            .anyMatch(s -> parentName(s).equals(EXPORT_BUILD))
        && !named(Topics.RENDERED + " process").isEmpty();
  }

  /** Asserts the parent links from ingest through both Kafka hops to the editions. */
  void assertChained() {
    assertThat(root.getParentSpanContext().isValid())
        .as("ingest's span starts the trace")
        .isFalse();
    assertThat(service(root)).isEqualTo("ingest-service");
    SpanData manifestSent = childOf(root, Topics.RECENT_COMMITS + " send");
    childOf(root, Topics.SOURCE + " send");
    for (String build : List.of(RENDER_BUILD, EXPORT_BUILD)) {
      SpanData span = named(build).get(0);
      SpanData received = parent(span);
      assertThat(received.getName()).as(build + "'s parent").endsWith(" process");
      assertThat(parent(received)).as(build + " continues ingest's send").isEqualTo(manifestSent);
      childOf(span, Topics.EDITIONS + " send");
    }
    assertThat(service(named(RENDER_BUILD).get(0))).isEqualTo("render-service");
    assertThat(service(named(EXPORT_BUILD).get(0))).isEqualTo("export-service");
    SpanData chapterSent = childOf(named(RENDER_BUILD).get(0), Topics.RENDERED + " send");
    assertThat(named(Topics.RENDERED + " process"))
        .anySatisfy(
            s -> {
              assertThat(parent(s)).isEqualTo(chapterSent);
              assertThat(service(s)).isEqualTo("export-service");
            });
  }

  /** The trace as an indented tree: span, service, and the commit where a span carries it. */
  String tree() {
    StringBuilder out = new StringBuilder();
    print(root, 0, out);
    return out.toString();
  }

  private void print(SpanData span, int depth, StringBuilder out) {
    out.append("  ".repeat(depth))
        .append(span.getName())
        .append("  (")
        .append(service(span))
        .append(")\n");
    spans.stream()
        .filter(s -> s.getParentSpanId().equals(span.getSpanId()))
        .forEach(s -> print(s, depth + 1, out));
  }

  private List<SpanData> named(String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  private SpanData childOf(SpanData parent, String name) {
    return named(name).stream()
        .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + name + " span under " + parent.getName() + "\n" + tree()));
  }

  private SpanData parent(SpanData span) {
    return spans.stream()
        .filter(s -> s.getSpanId().equals(span.getParentSpanId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parent of " + span.getName() + "\n" + tree()));
  }

  private String parentName(SpanData span) {
    return spans.stream()
        .filter(s -> s.getSpanId().equals(span.getParentSpanId()))
        .map(SpanData::getName)
        .findFirst()
        .orElse("");
  }

  private static String service(SpanData span) {
    return span.getResource().getAttribute(AttributeKey.stringKey("service.name"));
  }
}
