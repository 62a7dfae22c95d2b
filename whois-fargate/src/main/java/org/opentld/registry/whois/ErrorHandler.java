package org.opentld.registry.whois;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: whatever failed on a connection is counted and logged, and the
 * connection is closed so that one bad client never affects another. A peer that resets the
 * connection is routine and only logged at debug.
 */
@ChannelHandler.Sharable
public final class ErrorHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

  private final WhoisMetrics metrics;

  public ErrorHandler(WhoisMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("{}: {}", ClientAddress.of(ctx.channel()), cause.toString());
    } else {
      metrics.error();
      log.warn("{}: closing after an error", ClientAddress.of(ctx.channel()), cause);
    }
    ctx.close();
  }
}
