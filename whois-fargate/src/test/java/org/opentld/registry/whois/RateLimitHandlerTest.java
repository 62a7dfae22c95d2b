package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitHandlerTest {
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final AtomicLong now = new AtomicLong();
  private final RateLimitHandler handler =
      new RateLimitHandler(new RateLimiter(2, 6, now::get), metrics);

  private EmbeddedChannel client(String address) {
    EmbeddedChannel ch = new EmbeddedChannel(handler);
    ClientAddress.set(ch, address);
    return ch;
  }

  @Test
  void queriesWithinTheAllowancePassThrough() {
    EmbeddedChannel ch = client("192.0.2.1");
    ch.writeInbound("example.test");
    assertThat((String) ch.readInbound()).isEqualTo("example.test");
    assertThat(ch.isOpen()).isTrue();
    assertThat(metrics.get("queries")).isEqualTo(1);
  }

  @Test
  void overTheLimitAnswersWhenToComeBackAndCloses() {
    client("192.0.2.1").writeInbound("a.test");
    client("192.0.2.1").writeInbound("b.test");
    EmbeddedChannel third = client("192.0.2.1");
    third.writeInbound("c.test");

    assertThat((Object) third.readInbound()).isNull();
    ByteBuf out = third.readOutbound();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("%% Query rate limit exceeded. Try again in 10 seconds.\r\n");
    out.release();
    assertThat(third.isOpen()).isFalse();
    assertThat(metrics.get("rateLimited")).isEqualTo(1);
    assertThat(metrics.get("queries")).isEqualTo(3);

    EmbeddedChannel other = client("192.0.2.2");
    other.writeInbound("d.test");
    assertThat((String) other.readInbound()).isEqualTo("d.test");
  }
}
