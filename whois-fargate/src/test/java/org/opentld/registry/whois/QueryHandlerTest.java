package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class QueryHandlerTest {
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final List<WhoisQuery> asked = new ArrayList<>();

  private EmbeddedChannel channel(
      Function<WhoisQuery, WhoisResponder.Answer> responder, Executor ex) {
    return new EmbeddedChannel(new QueryHandler(responder, ex, metrics), new ErrorHandler(metrics));
  }

  private static String written(EmbeddedChannel ch) {
    ByteBuf out = ch.readOutbound();
    try {
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }

  @Test
  void answerIsWrittenThenTheConnectionCloses() {
    EmbeddedChannel ch =
        channel(
            q -> {
              asked.add(q);
              return new WhoisResponder.Answer(
                  "Domain Name: a.test\r\n",
                  WhoisResponder.Outcome.FOUND,
                  WhoisMetrics.Type.DOMAIN);
            },
            Runnable::run);
    ch.writeInbound("domain a.test");
    assertThat(asked).containsExactly(new WhoisQuery(WhoisQuery.Kind.DOMAIN, "a.test"));
    assertThat(written(ch)).isEqualTo("Domain Name: a.test\r\n");
    assertThat(ch.isOpen()).isFalse();
    assertThat(metrics.get("domain")).isEqualTo(1);
    assertThat(metrics.get("notFound")).isZero();
  }

  @Test
  void lookupRunsOnTheExecutorNotInline() {
    List<Runnable> queued = new ArrayList<>();
    EmbeddedChannel ch =
        channel(
            q ->
                new WhoisResponder.Answer(
                    "x\r\n", WhoisResponder.Outcome.NOT_FOUND, WhoisMetrics.Type.REGISTRAR),
            queued::add);
    ch.writeInbound("registrar nobody");
    assertThat((Object) ch.readOutbound()).isNull();
    assertThat(queued).hasSize(1);
    queued.get(0).run();
    ch.runPendingTasks();
    assertThat(written(ch)).isEqualTo("x\r\n");
    assertThat(metrics.get("registrar")).isEqualTo(1);
    assertThat(metrics.get("notFound")).isEqualTo(1);
  }

  @Test
  void failureSendsAGenericNoticeNotTheInternalMessage() {
    EmbeddedChannel ch =
        channel(
            q -> {
              throw new IllegalStateException("table registry-prod unreachable");
            },
            Runnable::run);
    ch.writeInbound("example.test");
    String text = written(ch);
    assertThat(text)
        .isEqualTo("%% " + QueryHandler.FAILED + "\r\n")
        .doesNotContain("registry-prod");
    assertThat(ch.isOpen()).isFalse();
    assertThat(metrics.get("errors")).isEqualTo(1);
  }

  @Test
  void fullExecutorSaysBusy() {
    EmbeddedChannel ch =
        channel(
            q -> null,
            r -> {
              throw new RejectedExecutionException("full");
            });
    ch.writeInbound("example.test");
    assertThat(written(ch)).isEqualTo("%% " + QueryHandler.BUSY + "\r\n");
    assertThat(ch.isOpen()).isFalse();
    assertThat(metrics.get("errors")).isEqualTo(1);
  }

  @Test
  void invalidQueriesAreCountedApart() {
    EmbeddedChannel ch =
        channel(
            q ->
                new WhoisResponder.Answer(
                    "%% Invalid\r\n", WhoisResponder.Outcome.INVALID, WhoisMetrics.Type.DOMAIN),
            Runnable::run);
    ch.writeInbound("-bad-.test");
    written(ch);
    assertThat(metrics.get("invalid")).isEqualTo(1);
    assertThat(metrics.get("domain")).isZero();
  }
}
