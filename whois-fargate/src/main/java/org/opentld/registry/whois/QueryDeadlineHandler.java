package org.opentld.registry.whois;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose query line has not arrived within the read timeout of its start. A
 * deadline for the whole line rather than Netty's idle-read timer, because a client that trickles
 * one byte every few seconds would otherwise hold a connection open for minutes; and once the query
 * is in, answering is the server's business, not the client's.
 */
public final class QueryDeadlineHandler extends ChannelInboundHandlerAdapter {
  private final Duration timeout;
  private final WhoisMetrics metrics;
  private ScheduledFuture<?> deadline;

  public QueryDeadlineHandler(Duration timeout, WhoisMetrics metrics) {
    this.timeout = timeout;
    this.metrics = metrics;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (deadline != null) {
      return;
    }
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (ctx.channel().isActive()) {
                    metrics.timeout();
                    ctx.close();
                  }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    cancel();
    ctx.pipeline().remove(this);
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
    }
  }
}
