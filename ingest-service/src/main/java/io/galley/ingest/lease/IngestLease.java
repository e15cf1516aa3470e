package io.galley.ingest.lease;

import io.galley.events.Topics;
import io.galley.ingest.IngestProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * The active/standby lease of the ingest instances of one {@code galley.ingest.group}: the member
 * of the consumer group {@code <group>-lease} that is assigned partition 0 of {@link #TOPIC} holds
 * it. Nothing is ever written to that topic; the group coordinator is the referee. A member that
 * stops heartbeating for {@code galley.ingest.lease-timeout} (killed, paused, cut off) loses it to
 * another; a member that stops cleanly leaves at once. Membership is static ({@code
 * group.instance.id} = {@code galley.ingest.instance}), so a restarted instance takes its place
 * back without waiting, and the sticky assignor never moves the lease to a newcomer.
 */
public class IngestLease implements SmartLifecycle {

  /** The lease topic: one partition, no records (declared by kafka-edge with the others). */
  public static final String TOPIC = Topics.INGEST_LEASE;

  private static final Logger log = LoggerFactory.getLogger(IngestLease.class);
  private static final TopicPartition LEASE = new TopicPartition(TOPIC, 0);

  private final Map<String, Object> config;
  private final String instance;
  private final AtomicLong term = new AtomicLong();
  private volatile boolean held;
  private volatile boolean rejoin;
  private volatile boolean running;
  private volatile String problem;
  private volatile Runnable onChange = () -> {};
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  /** A lease for this instance, on the broker of {@code kafka}. */
  public IngestLease(KafkaProperties kafka, IngestProperties properties) {
    this.instance = properties.instance();
    int session = (int) properties.leaseTimeout().toMillis();
    Map<String, Object> c = new HashMap<>(kafka.buildConsumerProperties());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group() + "-lease");
    c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instance());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.group() + "-lease-" + properties.instance());
    // the classic protocol: its session timeout is the client's to choose (the new protocol's is
    // the broker's, 45 s by default, too long for a takeover within 15 s)
    c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
    c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(100, session / 4));
    c.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    this.config = Map.copyOf(c);
  }

  /** Whether this instance holds the lease, as far as its last contact with the group tells. */
  public boolean held() {
    return held;
  }

  /** Counts the times this instance gained the lease; each gain starts a new term. */
  public long term() {
    return term.get();
  }

  /** Why the lease cannot be taken part in now, or null. */
  public String problem() {
    return problem;
  }

  /** Runs {@code listener} (quickly, on the lease thread) whenever the lease is gained or lost. */
  public void onChange(Runnable listener) {
    this.onChange = listener;
  }

  /**
   * Gives the lease up and joins the group again, so the group decides anew who holds it: for an
   * instance whose publisher was fenced by another that believes it holds the lease.
   */
  public void rejoin() {
    rejoin = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "galley-ingest-lease");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // started before and stopped after the poll loop (default phase), so a stopping instance
    // finishes its publication before it hands the lease over
    return DEFAULT_PHASE - 1000;
  }

  private void run() {
    while (running) {
      KafkaConsumer<byte[], byte[]> c =
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer = c;
      try {
        c.subscribe(List.of(TOPIC), new Listener());
        while (running && !rejoin) {
          c.poll(Duration.ofMillis(500));
        }
      } catch (WakeupException e) {
        // stop() or rejoin(): leave below
      } catch (FencedInstanceIdException e) {
        problem =
            "another ingest instance runs with galley.ingest.instance="
                + instance
                + "; give each instance its own name";
        log.error("{}; retrying in 10 s", problem);
        pause(Duration.ofSeconds(10));
      } catch (KafkaException e) {
        problem = "lease: " + e;
        log.warn("lease consumer failed, joining again: {}", e.toString());
        pause(Duration.ofSeconds(1));
      } finally {
        lose();
        consumer = null;
        rejoin = false;
        // leave the group now, so that a standby takes over at once rather than after the timeout
        closeQuietly(c);
      }
    }
  }

  private void closeQuietly(KafkaConsumer<byte[], byte[]> c) {
    try {
      c.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      log.debug("closing the lease consumer: {}", e.toString());
    }
  }

  private void pause(Duration d) {
    if (running) {
      LockSupport.parkNanos(d.toNanos());
    }
  }

  private void gain() {
    term.incrementAndGet();
    held = true;
    problem = null;
    log.info("{} holds the ingest lease (term {}): active", instance, term.get());
    onChange.run();
  }

  private void lose() {
    if (held) {
      held = false;
      log.info("{} gave up the ingest lease: standby", instance);
      onChange.run();
    }
  }

  private final class Listener implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      problem = null;
      if (partitions.contains(LEASE)) {
        gain();
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.contains(LEASE)) {
        lose();
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      if (partitions.contains(LEASE)) {
        lose();
      }
    }
  }
}
