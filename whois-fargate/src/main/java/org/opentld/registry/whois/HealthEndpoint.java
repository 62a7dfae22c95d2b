package org.opentld.registry.whois;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} on its own port for load balancers and container health checks: 200 while the
 * server accepts queries, 503 once it drains for shutdown, so traffic moves away before connections
 * are cut. {@code GET /metrics} shows the counters as text.
 */
public final class HealthEndpoint implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;

  public HealthEndpoint(String bind, int port, BooleanSupplier serving, WhoisMetrics metrics)
      throws IOException {
    http = HttpServer.create(new InetSocketAddress(bind, port), 16);
    executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "whois-health");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(executor);
    http.createContext(
        "/health",
        ex -> {
          boolean up = serving.getAsBoolean();
          reply(ex, up ? 200 : 503, up ? "ok\n" : "draining\n");
        });
    http.createContext(
        "/metrics",
        ex -> {
          StringBuilder b = new StringBuilder();
          metrics
              .snapshot()
              .forEach((k, v) -> b.append("whois_").append(k).append(' ').append(v).append('\n'));
          reply(ex, 200, b.toString());
        });
    http.start();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
