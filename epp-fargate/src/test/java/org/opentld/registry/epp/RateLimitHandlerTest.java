package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link RateLimitHandler} and {@link CommandRateLimiter} on an {@link EmbeddedChannel}. */
class RateLimitHandlerTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final CommandRateLimiter limiter = new CommandRateLimiter(2, 3, nanos::get);

  EmbeddedChannel channel(String registrar) {
    EmbeddedChannel ch = new EmbeddedChannel(new RateLimitHandler(limiter));
    EppSession s = new EppSession("FP", "192.0.2.1");
    if (registrar != null) {
      s.login(registrar, Set.of(EppNs.DOMAIN), Set.of());
    }
    ch.attr(EppFrameHandler.SESSION).set(s);
    return ch;
  }

  static ByteBuf frame(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  /** Writes a frame and says what came out: "pass", "throttled" or "none". */
  static String send(EmbeddedChannel ch, String text) {
    ch.writeInbound(frame(text));
    Object out = ch.readInbound();
    try {
      if (out instanceof RateLimitHandler.Throttled t) {
        assertThat(t.content().toString(StandardCharsets.UTF_8)).isEqualTo(text);
        return "throttled";
      }
      if (out instanceof ByteBuf b) {
        assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        return "pass";
      }
      return "none";
    } finally {
      io.netty.util.ReferenceCountUtil.release(out);
    }
  }

  @Test
  void burstPassesThenFramesAreMarkedNotDropped_andTokensComeBackWithTime() {
    EmbeddedChannel ch = channel("reg-a");
    assertThat(send(ch, "1")).isEqualTo("pass");
    assertThat(send(ch, "2")).isEqualTo("pass");
    assertThat(send(ch, "3")).isEqualTo("pass");
    assertThat(send(ch, "4")).as("the bucket holds 3").isEqualTo("throttled");
    assertThat(ch.isOpen()).as("over the limit does not close").isTrue();
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(send(ch, "5")).as("2/s: one token after 500 ms").isEqualTo("pass");
    assertThat(send(ch, "6")).isEqualTo("throttled");
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertThat(send(ch, "7")).isEqualTo("pass");
    assertThat(send(ch, "8")).isEqualTo("pass");
    assertThat(send(ch, "9")).isEqualTo("pass");
    assertThat(send(ch, "10")).as("refill stops at the burst").isEqualTo("throttled");
    ch.finishAndReleaseAll();
  }

  @Test
  void theBucketIsPerRegistrarAcrossItsConnections() {
    EmbeddedChannel a1 = channel("reg-a");
    EmbeddedChannel a2 = channel("reg-a");
    EmbeddedChannel b = channel("reg-b");
    assertThat(send(a1, "x")).isEqualTo("pass");
    assertThat(send(a2, "x")).isEqualTo("pass");
    assertThat(send(a1, "x")).isEqualTo("pass");
    assertThat(send(a2, "x")).isEqualTo("throttled");
    assertThat(send(b, "x")).as("another registrar has its own bucket").isEqualTo("pass");
    a1.finishAndReleaseAll();
    a2.finishAndReleaseAll();
    b.finishAndReleaseAll();
  }

  @Test
  void framesBeforeLoginAreNotCountedAgainstAnyone() {
    EmbeddedChannel ch = channel(null);
    for (int i = 0; i < 10; i++) {
      assertThat(send(ch, "hello")).isEqualTo("pass");
    }
    ch.finishAndReleaseAll();
  }

  @Test
  void aRateOfZeroLetsEverythingThrough() {
    CommandRateLimiter off = new CommandRateLimiter(0, 0, nanos::get);
    assertThat(off.enabled()).isFalse();
    for (int i = 0; i < 1000; i++) {
      assertThat(off.tryAcquire("reg-a")).isTrue();
    }
  }
}
