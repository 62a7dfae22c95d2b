package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryDecoderTest {
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final EmbeddedChannel ch = new EmbeddedChannel(new QueryDecoder(255, metrics));

  private static ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }

  private String written() {
    ByteBuf out = ch.readOutbound();
    try {
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }

  @Test
  void crlfEndsTheQuery() {
    ch.writeInbound(bytes("example.test\r\n"));
    assertThat((String) ch.readInbound()).isEqualTo("example.test");
  }

  @Test
  void bareLfIsAcceptedAndPartsAreJoined() {
    ch.writeInbound(bytes("exam"));
    assertThat((Object) ch.readInbound()).isNull();
    ch.writeInbound(bytes("ple.test\n"));
    assertThat((String) ch.readInbound()).isEqualTo("example.test");
  }

  @Test
  void utf8ULabelsSurvive() {
    ch.writeInbound(bytes("bücher.test\r\n"));
    assertThat((String) ch.readInbound()).isEqualTo("bücher.test");
  }

  @Test
  void onlyTheFirstLineCountsAndReadingStops() {
    ch.writeInbound(bytes("one.test\r\ntwo.test\r\n"));
    assertThat((String) ch.readInbound()).isEqualTo("one.test");
    ch.writeInbound(bytes("three.test\r\n"));
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(ch.config().isAutoRead()).isFalse();
  }

  @Test
  void controlCharactersBecomeSpaces() {
    ch.writeInbound(bytes("a\u0000b\u001b[31m\r\n"));
    assertThat((String) ch.readInbound()).isEqualTo("a b [31m");
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() {
    String q = "a".repeat(255);
    ch.writeInbound(bytes(q + "\r\n"));
    assertThat((String) ch.readInbound()).isEqualTo(q);
  }

  @Test
  void tooLongLineIsRefusedAtOnceAndClosed() {
    // No line end yet: the decoder must not wait for one once the limit is passed.
    ch.writeInbound(bytes("a".repeat(256)));
    assertThat(written()).isEqualTo("%% Query too long: at most 255 bytes are accepted.\r\n");
    assertThat(ch.isOpen()).isFalse();
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(metrics.get("tooLong")).isEqualTo(1);
    assertThat(metrics.get("queries")).isEqualTo(1);
  }
}
