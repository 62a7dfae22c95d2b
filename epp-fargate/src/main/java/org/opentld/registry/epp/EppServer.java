package org.opentld.registry.epp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.reporting.ActivityCounters;
import org.opentld.registry.tld.Tld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPP server (RFC 5734: EPP over TLS on TCP): bootstrap, TLS, the worker pool that runs
 * registry calls, the per-registrar session and rate limits, the health endpoint, command
 * metrics and report counts, and graceful shutdown. {@code main} is the Fargate task's entry
 * point; configuration comes from the environment ({@link EppConfig#fromEnvironment},
 * {@link RegistryConfig#fromEnvironment}).
 *
 * <p>Shutdown ({@link #shutdown}, also on SIGTERM through the JVM's shutdown hook): the health
 * endpoint turns 503, the listening socket closes (new connections are refused), every session
 * finishes the commands it has sent and is then closed (later frames get 2500), sessions still
 * open after the drain timeout are cut, and the report counts are flushed. ECS's {@code
 * stopTimeout} must exceed the drain timeout, or SIGKILL comes first.
 */
public final class EppServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EppServer.class);

  private enum State { NEW, SERVING, DRAINING, STOPPED }

  private final EppConfig config;
  private final EppDispatcher dispatcher;
  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
  private final ExecutorService workers;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final RegistrarSessions sessions;
  private final CommandRateLimiter limiter;
  private final EppMetrics metrics = new EppMetrics();
  private final ActivityCounters activity;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile State state = State.NEW;
  private Channel channel;
  private HealthServer health;

  /** A server that writes the activity report's counts to the registry's table. */
  public EppServer(EppConfig config, Registry registry, Clock clock) {
    this(config, registry, clock,
        new ActivityCounters(registry.context().store(), clock, "EPP"));
  }

  /** @param activity where report counts go, or null for none */
  public EppServer(EppConfig config, Registry registry, Clock clock, ActivityCounters activity) {
    this.config = config;
    this.activity = activity;
    this.sessions = new RegistrarSessions(config.maxSessionsPerRegistrar());
    this.limiter = new CommandRateLimiter(config.commandsPerSecond(), config.commandBurst());
    CommandLog log = new CommandLog(metrics, activity,
        config.commandLog() ? System.out : null,
        () -> registry.tlds.list().stream().map(Tld::name).collect(Collectors.toSet()), clock);
    this.dispatcher = new EppDispatcher(registry, clock, config.serverId(),
        config.maxLoginFailures(), sessions, log, config.certExpiryWarning());
    this.workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads());
    metrics.gauge("sessions", sessions::total);
    metrics.gauge("connections", connections::size);
    metrics.gauge("draining", () -> state == State.DRAINING ? 1 : 0);
  }

  /** Binds and starts accepting; returns the port (the real one when the config asks for 0). */
  public synchronized int start() throws SSLException, InterruptedException {
    if (state != State.NEW) {
      throw new IllegalStateException("server already " + state);
    }
    SslContext ssl = sslContext(config);
    LOG.info("epp TLS provider {}", ssl.getClass().getSimpleName());
    channel =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new EppServerInitializer(
                config, ssl, dispatcher, workers, connections, limiter))
            .bind(config.host(), config.port())
            .sync()
            .channel();
    state = State.SERVING;
    if (config.healthPort() >= 0) {
      try {
        health = HealthServer.start(config.host(), config.healthPort(), this::serving,
            metrics::toJson);
      } catch (IOException e) {
        channel.close();
        throw new IllegalStateException("health endpoint cannot listen on port "
            + config.healthPort(), e);
      }
      LOG.info("epp health on {}:{}", config.host(), health.port());
    }
    if (activity != null) {
      activity.start(config.activityFlush());
    }
    int port = port();
    LOG.info("epp listening on {}:{}", config.host(), port);
    return port;
  }

  /** The EPP port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The health endpoint's port, or -1 when it is off. */
  public int healthPort() {
    return health == null ? -1 : health.port();
  }

  /** True while new sessions are accepted. */
  public boolean serving() {
    return state == State.SERVING;
  }

  public EppMetrics metrics() {
    return metrics;
  }

  public RegistrarSessions sessions() {
    return sessions;
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

  /**
   * Drains and stops (see the class comment); waits at most the configured drain timeout for
   * running commands. Safe to call more than once and from any thread.
   */
  public void shutdown() {
    synchronized (this) {
      if (state == State.DRAINING || state == State.STOPPED) {
        awaitStopped();
        return;
      }
      boolean wasServing = state == State.SERVING;
      state = State.DRAINING;
      if (!wasServing) {
        stopThreads();
        return;
      }
    }
    Duration timeout = config.drainTimeout();
    LOG.info("epp draining {} connections ({} sessions), up to {}s", connections.size(),
        sessions.total(), timeout.toSeconds());
    channel.close().awaitUninterruptibly();
    connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(EppFrameHandler.DRAIN));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!connections.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!connections.isEmpty()) {
      LOG.warn("epp drain timeout: cutting {} connections", connections.size());
    }
    connections.close().awaitUninterruptibly();
    stopThreads();
  }

  private void stopThreads() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    io.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (activity != null) {
      activity.close();
    }
    if (health != null) {
      health.close();
    }
    state = State.STOPPED;
    LOG.info("epp stopped");
    stopped.countDown();
  }

  private void awaitStopped() {
    try {
      stopped.await(config.drainTimeout().toSeconds() + 30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  /** {@link #shutdown}. */
  @Override
  public void close() {
    shutdown();
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
    // SIGTERM (ECS stopping the task) runs the hooks: drain, then exit.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "epp-shutdown"));
    server.awaitTermination();
  }
}
