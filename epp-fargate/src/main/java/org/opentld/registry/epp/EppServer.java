package org.opentld.registry.epp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPP server (RFC 5734: EPP over TLS on TCP): bootstrap, TLS and the worker pool that
 * runs registry calls. {@code main} is the Fargate task's entry point; configuration comes from
 * the environment ({@link EppConfig#fromEnvironment}, {@link RegistryConfig#fromEnvironment}).
 */
public final class EppServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EppServer.class);

  private final EppConfig config;
  private final EppDispatcher dispatcher;
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
  private final ExecutorService workers;
  private Channel channel;

  public EppServer(EppConfig config, Registry registry, Clock clock) {
    this.config = config;
    this.dispatcher =
        new EppDispatcher(registry, clock, config.serverId(), config.maxLoginFailures());
    this.workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads());
  }

  /** Binds and starts accepting; returns the port (the real one when the config asks for 0). */
  public int start() throws SSLException, InterruptedException {
    SslContext ssl = sslContext(config);
    LOG.info("epp TLS provider {}", ssl.getClass().getSimpleName());
    channel =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new EppServerInitializer(config, ssl, dispatcher, workers))
            .bind(config.host(), config.port())
            .sync()
            .channel();
    int port = ((InetSocketAddress) channel.localAddress()).getPort();
    LOG.info("epp listening on {}:{}", config.host(), port);
    return port;
  }

  /**
   * TLS 1.2 and 1.3 through OpenSSL (netty-tcnative BoringSSL) when its native library loads,
   * the JDK's otherwise. Every client must present a certificate, but any certificate passes
   * the handshake: which certificate belongs to which registrar is decided at login by its
   * registered SHA-256 fingerprint, since registrars' certificates come from many CAs.
   */
  static SslContext sslContext(EppConfig config) throws SSLException {
    return SslContextBuilder.forServer(config.certPem().toFile(), config.keyPem().toFile())
        .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
        .protocols("TLSv1.3", "TLSv1.2")
        .clientAuth(ClientAuth.REQUIRE)
        .trustManager(InsecureTrustManagerFactory.INSTANCE)
        .build();
  }

  /** Stops accepting, closes the connections and lets running commands finish. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close().awaitUninterruptibly();
    }
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    io.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "epp-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public static void main(String[] args) throws Exception {
    EppConfig config = EppConfig.fromEnvironment(System.getenv());
    Registry registry =
        new Registry(Registry.defaultClient(), Clock.systemUTC(), RegistryConfig.fromEnvironment());
    EppServer server = new EppServer(config, registry, Clock.systemUTC());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "epp-shutdown"));
    server.channel.closeFuture().sync();
  }
}
