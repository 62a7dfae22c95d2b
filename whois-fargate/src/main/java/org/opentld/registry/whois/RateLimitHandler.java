package org.opentld.registry.whois;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns away a query when its client address has used up its allowance, with a notice that says
 * when to come back, and closes. Checked on the query rather than on connect because only then is
 * the client address known for certain (it may arrive in a PROXY header first).
 */
@ChannelHandler.Sharable
public final class RateLimitHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RateLimitHandler.class);

  private final RateLimiter limiter;
  private final WhoisMetrics metrics;

  public RateLimitHandler(RateLimiter limiter, WhoisMetrics metrics) {
    this.limiter = limiter;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof String)) {
      ctx.fireChannelRead(msg);
      return;
    }
    metrics.query();
    String client = ClientAddress.of(ctx.channel());
    long wait = limiter.acquire(client);
    if (wait == 0) {
      ctx.fireChannelRead(msg);
      return;
    }
    metrics.rateLimited();
    log.debug("rate limit: {} must wait {} s", client, wait);
    String text =
        WhoisFormat.notice("Query rate limit exceeded. Try again in " + wait + " seconds.");
    ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
