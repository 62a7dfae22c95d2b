package org.opentld.registry.whois;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the query: runs the lookup on the lookup executor (DynamoDB calls block, and the event
 * loop must not), writes the answer and closes, since RFC 3912 §2 has one query per connection and
 * the close marks the end of the answer.
 */
@ChannelHandler.Sharable
public final class QueryHandler extends SimpleChannelInboundHandler<String> {
  private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);
  static final String BUSY = "Server busy. Please try again later.";
  static final String FAILED = "The query could not be answered. Please try again later.";

  private final Function<WhoisQuery, WhoisResponder.Answer> responder;
  private final Executor lookups;
  private final WhoisMetrics metrics;

  /**
   * @param responder answers a query (normally {@link WhoisResponder#answer}); may block
   * @param lookups where the responder runs; it may reject work when saturated
   */
  public QueryHandler(
      Function<WhoisQuery, WhoisResponder.Answer> responder,
      Executor lookups,
      WhoisMetrics metrics) {
    this.responder = responder;
    this.lookups = lookups;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, String line) {
    WhoisQuery query = WhoisQuery.parse(line);
    String client = ClientAddress.of(ctx.channel());
    try {
      lookups.execute(() -> answer(ctx, query, client));
    } catch (RejectedExecutionException e) {
      metrics.error();
      log.warn("lookup queue full; turned away {} from {}", query, client);
      send(ctx, WhoisFormat.notice(BUSY));
    }
  }

  private void answer(ChannelHandlerContext ctx, WhoisQuery query, String client) {
    if (!ctx.channel().isActive()) {
      return;
    }
    String text;
    try {
      WhoisResponder.Answer a = responder.apply(query);
      if (a.outcome() == WhoisResponder.Outcome.INVALID) {
        metrics.invalid();
      } else {
        metrics.answered(a.type(), a.outcome() == WhoisResponder.Outcome.FOUND);
      }
      log.debug("{} {} -> {}", client, query, a.outcome());
      text = a.text();
    } catch (RuntimeException e) {
      // Never send an internal message to a client; the log has it with the query.
      metrics.error();
      log.error("lookup failed for {} from {}", query, client, e);
      text = WhoisFormat.notice(FAILED);
    }
    send(ctx, text);
  }

  private static void send(ChannelHandlerContext ctx, String text) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
