package org.opentld.registry.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void burstThenRefillAtTheRate_perSource() {
    AtomicLong now = new AtomicLong();
    RateLimiter l = new RateLimiter(2, 3, now::get);
    assertThat(l.acquire("a")).isZero();
    assertThat(l.acquire("a")).isZero();
    assertThat(l.acquire("a")).isZero();
    assertThat(l.acquire("a")).isEqualTo(1);
    assertThat(l.acquire("b")).isZero();
    now.addAndGet(500_000_000L); // half a second gives one token at 2/s
    assertThat(l.acquire("a")).isZero();
    assertThat(l.acquire("a")).isEqualTo(1);
  }

  @Test
  void rateZeroMeansUnlimited() {
    RateLimiter l = new RateLimiter(0, 1);
    for (int i = 0; i < 1000; i++) {
      assertThat(l.acquire("a")).isZero();
    }
  }
}
