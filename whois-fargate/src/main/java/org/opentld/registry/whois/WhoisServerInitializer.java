package org.opentld.registry.whois;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;

/**
 * The pipeline of a WHOIS connection, in order: the optional PROXY header, the query line, its
 * deadline, the per-client rate limit, the answer, and a last handler that closes on any error.
 */
public final class WhoisServerInitializer extends ChannelInitializer<SocketChannel> {
  private final WhoisConfig config;
  private final WhoisMetrics metrics;
  private final RateLimitHandler rateLimit;
  private final QueryHandler queries;
  private final ErrorHandler errors;
  private final ChannelGroup connections;

  public WhoisServerInitializer(
      WhoisConfig config,
      WhoisMetrics metrics,
      RateLimitHandler rateLimit,
      QueryHandler queries,
      ChannelGroup connections) {
    this.config = config;
    this.metrics = metrics;
    this.rateLimit = rateLimit;
    this.queries = queries;
    this.errors = new ErrorHandler(metrics);
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    connections.add(ch);
    ChannelPipeline p = ch.pipeline();
    if (config.proxyProtocol()) {
      p.addLast("proxyDecoder", new HAProxyMessageDecoder());
      p.addLast("proxyAddress", new ProxyProtocolHandler());
    }
    p.addLast("query", new QueryDecoder(config.maxQueryLength(), metrics));
    p.addLast("deadline", new QueryDeadlineHandler(config.readTimeout(), metrics));
    p.addLast("rateLimit", rateLimit);
    p.addLast("answer", queries);
    p.addLast("errors", errors);
  }
}
