package org.opentld.registry.functions.http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: {@code burst} queries at once, refilled at {@code
 * perSecond}. One Lambda instance only sees its own share of the traffic, so in AWS the real
 * limit is API Gateway's throttling and WAF's rate-based rule; this one keeps a single client from
 * monopolising an instance and gives the local stack the same 429 behaviour. A rate of 0 turns it
 * off.
 */
public final class RateLimiter {
  private static final int MAX_TRACKED = 100_000;
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public RateLimiter(double perSecond, double burst) {
    this(perSecond, burst, System::nanoTime);
  }

  RateLimiter(double perSecond, double burst, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanos = nanos;
  }

  /**
   * Takes one token for {@code source}.
   *
   * @return 0 if the query may go ahead, else the whole seconds to wait (for Retry-After)
   */
  public long acquire(String source) {
    if (perSecond <= 0) {
      return 0;
    }
    long now = nanos.getAsLong();
    if (buckets.size() > MAX_TRACKED) {
      evictFull(now);
    }
    Bucket b = buckets.computeIfAbsent(source == null ? "" : source, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) / perSecond);
    }
  }

  /** Forgets sources whose bucket has refilled: they are indistinguishable from new ones. */
  private void evictFull(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket b = it.next();
      synchronized (b) {
        if (b.tokens + (now - b.at) / 1e9 * perSecond >= burst) {
          it.remove();
        }
      }
    }
  }
}
