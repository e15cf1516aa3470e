package io.galley.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebhookGateTest {

  private final AtomicLong nanos = new AtomicLong();
  private final WebhookGate gate = new WebhookGate(2, 1024, Duration.ofSeconds(5), nanos::get);

  @Test
  void refusesAChunkedBodyOverTheCapAfterReadingNoMoreThanTheCap() throws Exception {
    CountingStream in = new CountingStream(new byte[10 * 1024 * 1024]);
    WebhookGate.Outcome out = gate.read(in, -1);
    assertThat(out).isInstanceOf(WebhookGate.Refused.class);
    assertThat(((WebhookGate.Refused) out).status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(in.read).isEqualTo(1025);
  }

  @Test
  void refusesADeclaredLengthOverTheCapWithoutReading() throws Exception {
    CountingStream in = new CountingStream(new byte[2048]);
    assertThat(gate.read(in, 2048)).isInstanceOf(WebhookGate.Refused.class);
    assertThat(in.read).isZero();
  }

  @Test
  void readsABodyWithinTheCap() throws Exception {
    WebhookGate.Outcome out = gate.read(new ByteArrayInputStream(new byte[1024]), -1);
    assertThat(out).isInstanceOf(WebhookGate.Body.class);
    assertThat(((WebhookGate.Body) out).bytes()).hasSize(1024);
  }

  @Test
  void refusesABodyThatTrickles() throws Exception {
    InputStream trickle =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            b[off] = 'x';
            return 1;
          }
        };
    WebhookGate.Outcome out = gate.read(trickle, -1);
    assertThat(out).isInstanceOf(WebhookGate.Refused.class);
    assertThat(((WebhookGate.Refused) out).status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
  }

  @Test
  void letsOnlyTheConfiguredNumberOfRequestsInAtOnce() {
    assertThat(gate.tryEnter()).isTrue();
    assertThat(gate.tryEnter()).isTrue();
    assertThat(gate.tryEnter()).isFalse();
    gate.leave();
    assertThat(gate.tryEnter()).isTrue();
  }

  private static final class CountingStream extends ByteArrayInputStream {
    int read;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }
  }
}
