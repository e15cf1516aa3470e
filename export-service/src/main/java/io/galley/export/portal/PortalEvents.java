package io.galley.export.portal;

import io.galley.events.EditionFormat;
import io.galley.events.EventJson;
import io.galley.export.EventStreamLimits;
import io.galley.export.ExportProperties;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.EditionHistory;
import io.galley.export.history.FormatStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events}: server-sent events, one {@code commit} event per changed history entry,
 * with the new states and the server-rendered fragments the page swaps in. Sent from one thread, so
 * a slow browser never holds up a Kafka consumer or the build worker.
 */
@RestController
class PortalEvents implements SmartLifecycle {

  /**
   * Commits waiting to be sent; beyond it the oldest is dropped (the page reloads on reconnect).
   */
  static final int PENDING = 256;

  private final PortalPage page;
  private final EventStreamLimits limits;
  private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
  private final ExecutorService sender =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(PENDING),
          r -> {
            Thread t = new Thread(r, "portal-events");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardOldestPolicy());
  private final Runnable unsubscribe;
  private volatile boolean running;

  PortalEvents(PortalPage page, EditionHistory history, ExportProperties properties) {
    this.page = page;
    this.limits = properties.events();
    this.unsubscribe =
        history.subscribe(
            entry -> {
              if (!sender.isShutdown()) {
                sender.execute(() -> broadcast(entry));
              }
            });
  }

  @GetMapping(value = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<?> events() throws IOException {
    SseEmitter emitter = new SseEmitter(limits.timeout().toMillis());
    if (!admit(emitter)) {
      ProblemDetail busy =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Too many open live-update streams; the page works without one.");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "30")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(busy);
    }
    // a stream ends after the timeout; the browser's EventSource reconnects by itself
    emitter.onCompletion(() -> emitters.remove(emitter));
    emitter.onTimeout(() -> emitters.remove(emitter));
    emitter.onError(e -> emitters.remove(emitter));
    emitter.send(
        SseEmitter.event()
            .name("hello")
            .data("{}", MediaType.APPLICATION_JSON)
            .reconnectTime(2000));
    return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
  }

  /** Adds the stream unless the cap is reached; check and add as one step. */
  private synchronized boolean admit(SseEmitter emitter) {
    if (emitters.size() >= limits.maxConnections()) {
      return false;
    }
    emitters.add(emitter);
    return true;
  }

  /** Open streams, for tests. */
  int open() {
    return emitters.size();
  }

  private void broadcast(CommitEntry entry) {
    if (emitters.isEmpty()) {
      return;
    }
    String json;
    try {
      json = EventJson.toJson(payload(entry));
    } catch (RuntimeException e) {
      return;
    }
    for (SseEmitter emitter : emitters) {
      try {
        emitter.send(
            SseEmitter.event()
                .name("commit")
                .id(entry.commit())
                .data(json, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        emitters.remove(emitter);
      }
    }
  }

  Map<String, Object> payload(CommitEntry entry) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("bookId", entry.bookId());
    payload.put("commit", entry.commit());
    payload.put("time", entry.committedAt() == null ? null : entry.committedAt().toString());
    Map<String, String> states = new LinkedHashMap<>();
    for (EditionFormat format : PortalPage.FORMATS) {
      entry
          .status(format)
          .map(FormatStatus::state)
          .ifPresent(s -> states.put(format.name(), s.token()));
    }
    payload.put("states", states);
    payload.put("announce", announce(entry));
    payload.put("row", page.row(entry));
    payload.put("latest", page.latest(entry.bookId()));
    payload.put("section", page.section(entry.bookId()));
    return payload;
  }

  private static String announce(CommitEntry entry) {
    StringBuilder text =
        new StringBuilder(entry.bookId())
            .append(" commit ")
            .append(entry.shortCommit())
            .append(':');
    for (EditionFormat format : PortalPage.FORMATS) {
      entry
          .status(format)
          .ifPresent(
              s ->
                  text.append(' ')
                      .append(format)
                      .append(' ')
                      .append(s.state().label())
                      .append(','));
    }
    text.setLength(text.length() - 1);
    return text.append('.').toString();
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every stream first (highest phase), so open pages never delay a graceful shutdown. */
  @Override
  public void stop() {
    running = false;
    unsubscribe.run();
    emitters.forEach(SseEmitter::complete);
    emitters.clear();
    sender.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
