package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryDeadlineHandlerTest {
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final EmbeddedChannel ch =
      new EmbeddedChannel(new QueryDeadlineHandler(Duration.ofSeconds(10), metrics));

  @Test
  void silentClientIsClosedAtTheDeadline() {
    ch.advanceTimeBy(9, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isTrue();
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isFalse();
    assertThat(metrics.get("timeouts")).isEqualTo(1);
  }

  @Test
  void queryInTimeCancelsTheDeadline() {
    ch.advanceTimeBy(5, TimeUnit.SECONDS);
    ch.writeInbound("example.test");
    assertThat((String) ch.readInbound()).isEqualTo("example.test");
    assertThat(ch.pipeline().get(QueryDeadlineHandler.class)).isNull();
    ch.advanceTimeBy(60, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isTrue();
    assertThat(metrics.get("timeouts")).isZero();
  }
}
