package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyProtocolHandlerTest {
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final EmbeddedChannel ch =
      new EmbeddedChannel(
          new HAProxyMessageDecoder(), new ProxyProtocolHandler(), new QueryDecoder(255, metrics));

  @Test
  void clientAddressComesFromTheV2Header() {
    ch.writeInbound(Unpooled.wrappedBuffer(ProxyV2.proxy("198.51.100.7", 50123)));
    ch.writeInbound(Unpooled.copiedBuffer("example.test\r\n", StandardCharsets.US_ASCII));
    assertThat((String) ch.readInbound()).isEqualTo("example.test");
    assertThat(ClientAddress.of(ch)).isEqualTo("198.51.100.7");
    assertThat(ch.pipeline().get(ProxyProtocolHandler.class)).isNull();
    assertThat(ch.pipeline().get(HAProxyMessageDecoder.class)).isNull();
  }

  @Test
  void headerAndQueryInOneSegment() {
    byte[] header = ProxyV2.proxy("192.0.2.44", 1);
    byte[] query = "nameserver ns1.example.test\r\n".getBytes(StandardCharsets.US_ASCII);
    ch.writeInbound(Unpooled.wrappedBuffer(header, query));
    assertThat((String) ch.readInbound()).isEqualTo("nameserver ns1.example.test");
    assertThat(ClientAddress.of(ch)).isEqualTo("192.0.2.44");
  }

  @Test
  void localCommandKeepsThePeerAddress() {
    ch.writeInbound(Unpooled.wrappedBuffer(ProxyV2.local()));
    ch.writeInbound(Unpooled.copiedBuffer("x.test\n", StandardCharsets.US_ASCII));
    assertThat((String) ch.readInbound()).isEqualTo("x.test");
    assertThat(ClientAddress.of(ch)).isEqualTo(String.valueOf(ch.remoteAddress()));
  }

  @Test
  void connectionWithoutHeaderIsClosed() {
    ch.writeInbound(
        Unpooled.copiedBuffer("example.test and more text\r\n", StandardCharsets.US_ASCII));
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(ch.isOpen()).isFalse();
  }
}
