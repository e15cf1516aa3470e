package io.galley.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Polls each service's heap in use every 500 ms and keeps the peak since the last reset. */
final class HeapSampler implements AutoCloseable {

  static final int[] PORTS = {GalleyApi.INGEST, GalleyApi.RENDER, GalleyApi.EXPORT};

  private final GalleyApi api;
  private final Map<Integer, Long> peaks = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler(GalleyApi api) {
    this.api = api;
    this.thread = new Thread(this::loop, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      for (int port : PORTS) {
        long used = api.heapUsed(port);
        if (used > 0) {
          peaks.merge(port, used, Math::max);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void reset() {
    peaks.clear();
  }

  /**
   * Peak heap in use of the service on {@code port} since the last reset, in MiB (-1 if never
   * read).
   */
  long peakMib(int port) {
    Long peak = peaks.get(port);
    return peak == null ? -1 : peak / (1024 * 1024);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
