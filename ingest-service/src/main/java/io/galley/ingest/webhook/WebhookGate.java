package io.galley.ingest.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;

/**
 * Bounds what one webhook request costs before anything looks at it: at most {@code maxConcurrent}
 * requests at once, at most {@code maxBytes} of body read whatever the Content-Length says (chunked
 * bodies included), and a deadline for the whole body. Thread-safe.
 */
final class WebhookGate {

  /** What reading a body gave: its bytes, or why it was refused. */
  sealed interface Outcome permits Body, Refused {}

  /** A body within the limits. */
  record Body(byte[] bytes) implements Outcome {}

  /** A body refused with an HTTP status and the reason. */
  record Refused(HttpStatus status, String reason) implements Outcome {}

  private final Semaphore slots;
  private final long maxBytes;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;

  WebhookGate(int maxConcurrent, long maxBytes, Duration deadline, LongSupplier nanoTime) {
    this.slots = new Semaphore(maxConcurrent);
    this.maxBytes = maxBytes;
    this.deadlineNanos = deadline.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Takes a slot, or returns false at once when every slot is taken. */
  boolean tryEnter() {
    return slots.tryAcquire();
  }

  /** Gives back a slot taken by {@link #tryEnter()}. */
  void leave() {
    slots.release();
  }

  /** Reads a body of {@code declaredLength} bytes (-1 unknown) within the size and time limits. */
  Outcome read(InputStream in, long declaredLength) throws IOException {
    if (declaredLength > maxBytes) {
      return tooLarge(declaredLength + " bytes");
    }
    long start = nanoTime.getAsLong();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - out.size()))) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > maxBytes) {
        return tooLarge("more than " + maxBytes + " bytes");
      }
      if (nanoTime.getAsLong() - start > deadlineNanos) {
        return new Refused(
            HttpStatus.REQUEST_TIMEOUT,
            "the body took longer than "
                + Duration.ofNanos(deadlineNanos).toMillis()
                + " ms to arrive (galley.ingest.webhook-deadline)");
      }
    }
    return new Body(out.toByteArray());
  }

  private Refused tooLarge(String size) {
    return new Refused(
        HttpStatus.CONTENT_TOO_LARGE,
        "the body is "
            + size
            + "; webhook bodies are read up to "
            + maxBytes
            + " bytes (galley.ingest.webhook-max-body)");
  }
}
