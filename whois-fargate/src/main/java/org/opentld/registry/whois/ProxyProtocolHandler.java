package org.opentld.registry.whois;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the client address from the PROXY protocol header an NLB sends first (v2, or v1) and then
 * leaves the pipeline. Placed after Netty's {@link HAProxyMessageDecoder}, which removes itself
 * once the header is read and fails the connection if the header is missing or malformed: behind a
 * proxy-protocol target group every connection carries one, so a connection without one did not
 * come through the load balancer and is closed.
 *
 * <p>A {@code LOCAL} header (the load balancer's own health check) names no client; the peer
 * address is kept for it.
 */
public final class ProxyProtocolHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ProxyProtocolHandler.class);

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof HAProxyMessage header)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null) {
        ClientAddress.set(ctx.channel(), header.sourceAddress());
      }
    } finally {
      header.release();
    }
    ctx.pipeline().remove(this);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof HAProxyProtocolException
        || cause.getCause() instanceof HAProxyProtocolException) {
      log.debug(
          "closing {}: bad or missing PROXY header: {}",
          ctx.channel().remoteAddress(),
          cause.getMessage());
      ctx.close();
      return;
    }
    ctx.fireExceptionCaught(cause);
  }
}
