package org.opentld.registry.epp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Gives the registrar's session slot back when the connection closes, however it closes
 * (logout, 2500-2502, idle timeout, reset, drain). The slot is taken at login
 * ({@link LoginCommand}, which answers 2502 when the registrar has no slot left).
 */
public final class SessionLimitHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    EppSession session = ctx.channel().attr(EppFrameHandler.SESSION).get();
    if (session != null) {
      session.end();
    }
    super.channelInactive(ctx);
  }
}
