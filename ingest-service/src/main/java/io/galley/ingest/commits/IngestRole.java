package io.galley.ingest.commits;

import io.galley.ingest.lease.IngestLease;
import io.galley.ingest.publishing.PublishingTerm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance publishes (active) or follows what the active one publishes (standby),
 * settled on the poll thread at the start of each poll. Taking over is: fence (begin the shared
 * transactional id, which aborts the old holder's open transaction), then read the commit log to
 * its end, then publish; so what the old holder committed is known and nothing is published twice.
 * A publication that fails ends the term (the next one reads the log again, which also settles a
 * commit whose outcome was unknown); one that was fenced waits for the group to decide anew.
 */
public class IngestRole {

  private static final Logger log = LoggerFactory.getLogger(IngestRole.class);
  private static final long NONE = -1;

  private final IngestLease lease;
  private final PublishingTerm publishing;
  private final CommitHistoryReader history;
  private final CommitLog commits;
  private final String instance;
  private final Counter takeovers;
  private final Counter fenced;
  // poll thread only
  private long activeTerm = NONE;
  private long fencedTerm = NONE;
  private volatile boolean active;
  private volatile int generation;

  IngestRole(
      IngestLease lease,
      PublishingTerm publishing,
      CommitHistoryReader history,
      CommitLog commits,
      String instance,
      MeterRegistry registry) {
    this.lease = lease;
    this.publishing = publishing;
    this.history = history;
    this.commits = commits;
    this.instance = instance;
    Gauge.builder("galley.ingest.active", () -> active ? 1 : 0)
        .description("1 while this instance publishes commits, 0 while it stands by")
        .register(registry);
    this.takeovers =
        Counter.builder("galley.ingest.takeovers")
            .description("terms begun: the lease gained and the publisher fenced in")
            .register(registry);
    this.fenced =
        Counter.builder("galley.ingest.fenced")
            .description("publications refused because another instance took over")
            .register(registry);
  }

  /** Whether this instance publishes now. */
  public boolean active() {
    return active;
  }

  /** This instance's name ({@code galley.ingest.instance}). */
  public String instance() {
    return instance;
  }

  /** "active" or "standby", with the lease's problem if there is one. */
  public String describe() {
    String problem = lease.problem();
    return (active ? "active" : "standby") + (problem == null ? "" : " (" + problem + ")");
  }

  /**
   * Settles the role for this poll: begins a term when the lease was gained, ends it when lost, and
   * on standby reads what the active instance published. Returns whether this poll may publish.
   */
  boolean prepare() {
    long term = lease.term();
    if (lease.held() && term != fencedTerm) {
      if (activeTerm != term) {
        begin(term);
      }
      return true;
    }
    if (activeTerm != NONE) {
      stepDown("the lease went to another instance");
    }
    follow();
    return false;
  }

  /** Counts the terms begun, so the poller can forget what an earlier term decided. */
  int generation() {
    return generation;
  }

  /**
   * Runs one publication of the active term; a failure ends the term, and if another instance
   * fenced this one, waits for the group to decide who holds the lease.
   */
  <T> T publishing(Supplier<T> publication) {
    if (!active) {
      throw new IllegalStateException(instance + " is not the active ingest instance any more");
    }
    try {
      return publication.get();
    } catch (RuntimeException | Error e) {
      if (isFenced(e)) {
        fenced.increment();
        fencedTerm = activeTerm;
        stepDown("fenced: another instance took over and fenced this one's publisher");
        lease.rejoin();
      } else {
        stepDown("a publication failed (" + e + "); the next poll reads the log back");
      }
      throw e;
    }
  }

  private void begin(long term) {
    long started = System.nanoTime();
    try {
      follow(); // what is known so far, from the beginning the first time
      publishing.begin(); // fences the previous holder and aborts its open transaction
      follow(); // what it committed up to then
    } catch (RuntimeException e) {
      publishing.end();
      history.close();
      throw e;
    }
    // from here on this instance logs what it publishes itself
    history.close();
    activeTerm = term;
    active = true;
    generation++;
    takeovers.increment();
    log.info(
        "{} is the active ingest instance (term {}), ready in {} ms",
        instance,
        term,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void stepDown(String why) {
    active = false;
    activeTerm = NONE;
    try {
      publishing.end();
    } finally {
      history.close(); // the log is read again from the topic: it is the truth, not this instance
      log.warn("{} stands by: {}", instance, why);
    }
  }

  private void follow() {
    if (history.open()) {
      history.readNew().forEach(commits::record);
    } else {
      commits.replace(history.readAll());
    }
  }

  /** Closes what the role holds open; at shutdown. */
  void close() {
    active = false;
    publishing.end();
    history.close();
  }

  static boolean isFenced(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }
}
