package org.opentld.registry.epp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Applies the per-registrar command rate ({@link CommandRateLimiter}) to the frames of a
 * logged-in session as they arrive. A frame over the limit is not dropped here: it is passed on
 * wrapped as {@link Throttled}, so that {@link EppFrameHandler} answers it in its turn (answers
 * must keep the order of the commands) without running it. Frames before login are not
 * limited by registrar (nobody is known yet); the failed-login limit bounds them.
 *
 * <p>There is no EPP result code for rate limits. The answer is 2400 "command failed" with a
 * message saying so, and the session stays open, as many registries do; 2502 with a close is
 * kept for the session limit, where closing is the point.
 */
public final class RateLimitHandler extends ChannelInboundHandlerAdapter {
  private final CommandRateLimiter limiter;

  public RateLimitHandler(CommandRateLimiter limiter) {
    this.limiter = limiter;
  }

  /** A frame over the rate limit: to be answered 2400 and not run. */
  public static final class Throttled extends DefaultByteBufHolder {
    public Throttled(ByteBuf frame) {
      super(frame);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf frame) {
      EppSession session = ctx.channel().attr(EppFrameHandler.SESSION).get();
      String registrar = session == null ? null : session.clientId();
      if (registrar != null && !limiter.tryAcquire(registrar)) {
        ctx.fireChannelRead(new Throttled(frame));
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }
}
