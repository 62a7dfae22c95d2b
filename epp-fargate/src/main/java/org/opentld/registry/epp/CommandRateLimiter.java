package org.opentld.registry.epp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per registrar: each command takes a token, tokens come back at {@code
 * perSecond} up to {@code burst}. Like the session limit it counts per server task. A rate of 0
 * lets everything through.
 */
public final class CommandRateLimiter {
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public CommandRateLimiter(double perSecond, int burst) {
    this(perSecond, burst, System::nanoTime);
  }

  /** With a clock for tests. */
  public CommandRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
    if (perSecond < 0 || (perSecond > 0 && burst < 1)) {
      throw new IllegalArgumentException("rate must be >= 0 and burst positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  public boolean enabled() {
    return perSecond > 0;
  }

  /** Takes a token for the registrar's next command; false if its bucket is empty. */
  public boolean tryAcquire(String registrarId) {
    if (!enabled()) {
      return true;
    }
    return buckets.computeIfAbsent(registrarId, id -> new Bucket(burst, nanoTime.getAsLong()))
        .take(nanoTime.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized boolean take(long now) {
      if (now > last) {
        tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
        last = now;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
