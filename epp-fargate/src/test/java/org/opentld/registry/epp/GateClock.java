package org.opentld.registry.epp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clock that, while closed, holds the EPP worker threads that read it: the dispatcher reads
 * the clock first thing for the svTRID, so a closed gate keeps a command in flight for as long
 * as a test needs (drain tests).
 */
final class GateClock extends Clock {
  private final Clock base;
  private volatile CountDownLatch gate;
  final AtomicInteger waiting = new AtomicInteger();

  GateClock(Clock base) {
    this.base = base;
  }

  void close() {
    gate = new CountDownLatch(1);
  }

  void open() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  /** Waits until {@code n} workers are held at the gate. */
  void awaitWaiting(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waiting.get() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no command reached the gate");
      }
      Thread.sleep(10);
    }
  }

  @Override
  public Instant instant() {
    CountDownLatch g = gate;
    if (g != null && Thread.currentThread().getName().startsWith("epp-worker")) {
      waiting.incrementAndGet();
      try {
        g.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiting.decrementAndGet();
      }
    }
    return base.instant();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
