package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final RateLimiter limiter = new RateLimiter(3, 60, now::get);

  private void advanceSeconds(double s) {
    now.addAndGet((long) (s * TimeUnit.SECONDS.toNanos(1)));
  }

  @Test
  void burstThenRefusedWithTheWaitInSeconds() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    advanceSeconds(0.5);
    assertThat(limiter.acquire("a")).isEqualTo(1);
    advanceSeconds(0.6);
    assertThat(limiter.acquire("a")).isZero();
  }

  @Test
  void slowRateGivesALongerWait() {
    RateLimiter slow = new RateLimiter(1, 4, now::get);
    assertThat(slow.acquire("a")).isZero();
    assertThat(slow.acquire("a")).isEqualTo(15);
  }

  @Test
  void clientsAreCountedApart() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    assertThat(limiter.acquire("a")).isPositive();
    assertThat(limiter.acquire("b")).isZero();
  }

  @Test
  void neverMoreThanTheBurstAfterAnIdleSpell() {
    advanceSeconds(3600);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void sweepForgetsClientsWhoseBucketIsFullAgain() {
    limiter.acquire("a");
    limiter.acquire("b");
    for (int i = 0; i < 3; i++) {
      limiter.acquire("c");
    }
    advanceSeconds(1.5);
    limiter.sweep(now.get());
    // a and b are full again; c has earned back 1.5 of 3 tokens.
    assertThat(limiter.tracked()).isEqualTo(1);
    advanceSeconds(2);
    limiter.sweep(now.get());
    assertThat(limiter.tracked()).isZero();
  }
}
