package org.opentld.registry.epp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.util.AttributeKey;

/**
 * Takes the client's address from the PROXY protocol v2 header that an AWS NLB puts before
 * the TLS bytes, keeps it on the channel for login's allowlist check, and steps out of the
 * pipeline. A LOCAL header (the load balancer's own health check) carries no address.
 */
public final class ProxySourceHandler extends ChannelInboundHandlerAdapter {
  /** The client's IP address as the PROXY header gives it. */
  public static final AttributeKey<String> SOURCE_IP = AttributeKey.valueOf("epp.sourceIp");

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HAProxyMessage m) {
      try {
        if (m.command() == HAProxyCommand.PROXY && m.sourceAddress() != null) {
          ctx.channel().attr(SOURCE_IP).set(m.sourceAddress());
        }
      } finally {
        m.release();
      }
      ctx.pipeline().remove(this);
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
