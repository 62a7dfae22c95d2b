package org.opentld.registry.whois;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port-43 WHOIS server (RFC 3912) of the registry: bootstrap, lookup executor, optional HTTP
 * health endpoint and graceful shutdown. {@link #main} runs it in the Fargate task with settings
 * from the environment ({@link WhoisConfig#fromEnvironment}, and the registry's own {@link
 * RegistryConfig#fromEnvironment}).
 */
public final class WhoisServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WhoisServer.class);

  private final WhoisConfig config;
  private final WhoisResponder responder;
  private final WhoisMetrics metrics = new WhoisMetrics();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean serving;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ThreadPoolExecutor lookups;
  private Channel listener;
  private HealthEndpoint health;

  public WhoisServer(WhoisConfig config, WhoisResponder responder) {
    this.config = config;
    this.responder = responder;
  }

  /** Binds the port (and the health port, if configured) and starts answering. */
  public synchronized WhoisServer start() throws InterruptedException, IOException {
    AtomicInteger n = new AtomicInteger();
    lookups =
        new ThreadPoolExecutor(
            config.lookupThreads(),
            config.lookupThreads(),
            60,
            TimeUnit.SECONDS,
            // Bounded: past this backlog a client is told the server is busy, not queued for
            // longer than the 2 s RDDS service level could bear.
            new ArrayBlockingQueue<>(config.lookupThreads() * 64),
            r -> {
              Thread t = new Thread(r, "whois-lookup-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    lookups.allowCoreThreadTimeOut(true);
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    RateLimiter limiter = new RateLimiter(config.rateLimitBurst(), config.rateLimitPerMinute());
    var initializer =
        new WhoisServerInitializer(
            config,
            metrics,
            new RateLimitHandler(limiter, metrics),
            new QueryHandler(responder::answer, lookups, metrics),
            connections);
    try {
      listener =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(initializer)
              .bind(new InetSocketAddress(config.bindAddress(), config.port()))
              .sync()
              .channel();
      if (config.healthPort() > 0) {
        health =
            new HealthEndpoint(config.bindAddress(), config.healthPort(), () -> serving, metrics);
      }
    } catch (InterruptedException | IOException | RuntimeException e) {
      // A port in use must not leave the event loops (non-daemon threads) running.
      if (listener != null) {
        listener.close().awaitUninterruptibly();
      }
      lookups.shutdownNow();
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
      listener = null;
      throw e;
    }
    workers.next().scheduleAtFixedRate(() -> log.info("{}", metrics), 1, 1, TimeUnit.MINUTES);
    serving = true;
    log.info(
        "WHOIS on {}:{} (PROXY protocol {}, {} queries then {}/min per client, health {})",
        config.bindAddress(),
        port(),
        config.proxyProtocol() ? "on" : "off",
        config.rateLimitBurst(),
        config.rateLimitPerMinute(),
        health == null
            ? "off"
            : "http://" + config.bindAddress() + ":" + health.port() + "/health");
    return this;
  }

  /** The bound WHOIS port (useful when the configured port was 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The bound health port, or 0 when there is no health endpoint. */
  public int healthPort() {
    return health == null ? 0 : health.port();
  }

  public WhoisMetrics metrics() {
    return metrics;
  }

  /** True from start until shutdown begins. */
  public boolean serving() {
    return serving;
  }

  /**
   * Graceful shutdown: the health check turns 503 and the port stops accepting, connections in
   * flight get up to the configured grace to finish, then everything is closed.
   */
  @Override
  public synchronized void close() {
    if (listener == null || closed.getCount() == 0) {
      return;
    }
    serving = false;
    listener.close().awaitUninterruptibly();
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    while (!connections.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!connections.isEmpty()) {
      log.warn("closing {} connections still open after the shutdown grace", connections.size());
    }
    connections.close().awaitUninterruptibly();
    lookups.shutdownNow();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    if (health != null) {
      health.close();
    }
    log.info("WHOIS stopped; {}", metrics);
    closed.countDown();
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** The Fargate task's entry point; SIGTERM (ECS stopping the task) shuts down gracefully. */
  public static void main(String[] args) throws Exception {
    WhoisConfig config = WhoisConfig.fromEnvironment(System.getenv());
    Registry registry =
        new Registry(Registry.defaultClient(), Clock.systemUTC(), RegistryConfig.fromEnvironment());
    WhoisServer server =
        new WhoisServer(
                config,
                new WhoisResponder(
                    registry.context(),
                    config.termsOfUse(),
                    Duration.ofSeconds(
                        Long.parseLong(System.getenv().getOrDefault("WHOIS_CACHE_SECONDS", "60")))))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "whois-shutdown"));
    server.awaitClose();
  }
}
