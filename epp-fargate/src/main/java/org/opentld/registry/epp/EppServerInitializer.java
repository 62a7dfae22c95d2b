package org.opentld.registry.epp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one EPP connection and nothing else: optional PROXY v2 header, TLS with a
 * required client certificate, idle timeout, RFC 5734 §4 framing (a 4-byte big-endian length
 * that counts itself, at most {@code maxFrameBytes}), the session slot release, the
 * per-registrar rate limit, then the EPP handler. Each connection joins {@code connections},
 * which the server drains on shutdown.
 */
public final class EppServerInitializer extends ChannelInitializer<SocketChannel> {
  private final EppConfig config;
  private final SslContext ssl;
  private final EppDispatcher dispatcher;
  private final Executor workers;
  private final ChannelGroup connections;
  private final CommandRateLimiter limiter;

  public EppServerInitializer(
      EppConfig config, SslContext ssl, EppDispatcher dispatcher, Executor workers) {
    this(config, ssl, dispatcher, workers, null, new CommandRateLimiter(0, 0));
  }

  /**
   * @param connections where each connection is added (null for none)
   * @param limiter the per-registrar command rate
   */
  public EppServerInitializer(EppConfig config, SslContext ssl, EppDispatcher dispatcher,
      Executor workers, ChannelGroup connections, CommandRateLimiter limiter) {
    this.config = config;
    this.ssl = ssl;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.connections = connections;
    this.limiter = limiter;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    if (connections != null) {
      connections.add(ch);
    }
    ChannelPipeline p = ch.pipeline();
    if (config.proxyProtocol()) {
      p.addLast("proxy", new HAProxyMessageDecoder());
      p.addLast("proxySource", new ProxySourceHandler());
    }
    p.addLast("tls", ssl.newHandler(ch.alloc()));
    p.addLast("idle", new IdleStateHandler(
        config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    p.addLast("frameDecoder",
        new LengthFieldBasedFrameDecoder(config.maxFrameBytes(), 0, 4, -4, 4));
    p.addLast("framePrepender", new LengthFieldPrepender(4, true));
    p.addLast("sessionLimit", new SessionLimitHandler());
    if (limiter.enabled()) {
      p.addLast("rateLimit", new RateLimitHandler(limiter));
    }
    p.addLast("epp", new EppFrameHandler(dispatcher, workers));
  }
}
