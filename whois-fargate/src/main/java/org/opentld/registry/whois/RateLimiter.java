package org.opentld.registry.whois;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} queries at once, then {@code perMinute} earned
 * back evenly over each minute. A bucket that has filled up again is the same as no bucket, so idle
 * ones are swept away and memory stays bounded by the active clients.
 */
public final class RateLimiter {
  private static final int SWEEP_EVERY = 4096;

  private final double burst;
  private final double tokensPerNano;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  public RateLimiter(int burst, int perMinute) {
    this(burst, perMinute, System::nanoTime);
  }

  RateLimiter(int burst, int perMinute, LongSupplier nanoTime) {
    this.burst = burst;
    this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token for {@code client}.
   *
   * @return 0 if the query may go ahead, else the whole seconds until a token is available
   */
  public long acquire(String client) {
    long now = nanoTime.getAsLong();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (b) {
      b.refill(now, burst, tokensPerNano);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      double missingNanos = (1 - b.tokens) / tokensPerNano;
      return Math.max(1, (long) Math.ceil(missingNanos / TimeUnit.SECONDS.toNanos(1)));
    }
  }

  /** How many client addresses are being tracked (for tests and logs). */
  public int tracked() {
    return buckets.size();
  }

  void sweep(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              Bucket b = e.getValue();
              synchronized (b) {
                b.refill(now, burst, tokensPerNano);
                return b.tokens >= burst;
              }
            });
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(long now, double burst, double tokensPerNano) {
      if (now > updated) {
        tokens = Math.min(burst, tokens + (now - updated) * tokensPerNano);
        updated = now;
      }
    }
  }
}
