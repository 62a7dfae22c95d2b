package org.opentld.registry.epp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opentld.registry.error.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects one TLS connection to the {@link EppDispatcher}: sends the greeting once the
 * handshake is done, hands each frame to the worker executor (the event loop never waits on
 * the registry), and writes the answers back in order. Commands of one session run strictly
 * one after another; a client that pipelines more than {@link #MAX_PENDING} unanswered frames
 * is disconnected.
 *
 * <p>Idle sessions are closed without a response: RFC 5730 §2 makes every {@code <response>}
 * the answer to a command, and an unsolicited 2500 could be taken by a pipelining client as
 * the answer to the command it is sending (RFC 5734 §2 lets the server end an idle session).
 *
 * <p>Frames over the rate limit arrive wrapped ({@link RateLimitHandler.Throttled}) and are
 * answered 2400 in their turn without running. On {@link #DRAIN} (server shutdown) the
 * commands already received finish and are answered, frames received afterwards get 2500, and
 * the connection closes once nothing is pending.
 */
public final class EppFrameHandler extends SimpleChannelInboundHandler<Object> {
  static final int MAX_PENDING = 8;
  private static final Logger LOG = LoggerFactory.getLogger(EppFrameHandler.class);

  /** The connection's session, for the other handlers (rate limit, session slot). */
  public static final AttributeKey<EppSession> SESSION = AttributeKey.valueOf("epp.session");

  /** The user event that starts draining a connection (fire it on the pipeline). */
  public static final Object DRAIN = new Object() {
    @Override
    public String toString() {
      return "DRAIN";
    }
  };

  static final String RATE_LIMITED = "Command failed; rate limit exceeded, retry later";
  static final String SHUTTING_DOWN = "Command failed; server shutting down, reconnect";

  private final EppDispatcher dispatcher;
  private final Executor workers;
  private EppSession session;
  private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
  private int pending;
  private volatile boolean closing;
  private boolean draining;

  public EppFrameHandler(EppDispatcher dispatcher, Executor workers) {
    this.dispatcher = dispatcher;
    this.workers = workers;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent hs) {
      if (!hs.isSuccess()) {
        ctx.close();
        return;
      }
      if (draining) {
        ctx.close();
        return;
      }
      session = new EppSession(fingerprint(ctx), sourceIp(ctx), certNotAfter(ctx));
      ctx.channel().attr(SESSION).set(session);
      ctx.writeAndFlush(frame(dispatcher.greeting()));
    } else if (evt instanceof IdleStateEvent) {
      LOG.info("epp idle session closed clID={}", session == null ? null : session.clientId());
      closing = true;
      ctx.close();
    } else if (evt == DRAIN) {
      draining = true;
      if (pending == 0) {
        closing = true;
        ctx.close();
      }
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof ByteBuf || msg instanceof RateLimitHandler.Throttled;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    if (session == null || closing) {
      return;
    }
    boolean throttled = msg instanceof RateLimitHandler.Throttled;
    ByteBuf buf = throttled ? ((RateLimitHandler.Throttled) msg).content() : (ByteBuf) msg;
    if (++pending > MAX_PENDING) {
      LOG.warn("epp client sent more than {} frames without reading answers", MAX_PENDING);
      closing = true;
      ctx.close();
      return;
    }
    byte[] request = ByteBufUtil.getBytes(buf);
    EppSession s = session;
    boolean refuse = draining;
    last =
        last.thenApplyAsync(v -> closing ? null
                : refuse ? dispatcher.refuse(request, s, ResultCode.COMMAND_FAILED_CLOSING,
                    SHUTTING_DOWN)
                : throttled ? dispatcher.refuse(request, s, ResultCode.COMMAND_FAILED,
                    RATE_LIMITED)
                : dispatcher.handle(request, s), workers)
            .thenAcceptAsync(reply -> write(ctx, reply), ctx.executor())
            .exceptionally(
                e -> {
                  LOG.error("epp frame processing failed", e);
                  ctx.close();
                  return null;
                });
  }

  private void write(ChannelHandlerContext ctx, EppDispatcher.Reply reply) {
    pending--;
    if (reply == null || !ctx.channel().isActive()) {
      return;
    }
    var f = ctx.writeAndFlush(frame(reply.xml()));
    if (reply.close() || (draining && pending == 0)) {
      closing = true;
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Bad frame lengths, TLS failures, resets: the stream cannot be trusted any more.
    LOG.info("epp connection closed: {}", cause.toString());
    closing = true;
    ctx.close();
  }

  private static ByteBuf frame(String xml) {
    return Unpooled.wrappedBuffer(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String fingerprint(ChannelHandlerContext ctx) {
    try {
      Certificate[] chain = ctx.pipeline().get(SslHandler.class).engine().getSession()
          .getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x
          ? Certificates.fingerprint(x)
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static Instant certNotAfter(ChannelHandlerContext ctx) {
    try {
      Certificate[] chain = ctx.pipeline().get(SslHandler.class).engine().getSession()
          .getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x
          ? x.getNotAfter().toInstant()
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String sourceIp(ChannelHandlerContext ctx) {
    String proxied = ctx.channel().attr(ProxySourceHandler.SOURCE_IP).get();
    if (proxied != null) {
      return proxied;
    }
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : null;
  }
}
