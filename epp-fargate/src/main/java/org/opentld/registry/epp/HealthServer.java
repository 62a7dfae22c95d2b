package org.opentld.registry.epp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The load balancer's view of the server, on its own plain-HTTP port (the JDK's HttpServer;
 * an NLB target group can health-check a port other than the traffic port): {@code GET
 * /health} is 200 while the server accepts sessions and 503 once it drains, so the NLB stops
 * sending new connections before the task goes away; {@code GET /metrics} is the command
 * metrics as JSON. The port must not be reachable from the internet.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;

  private HealthServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /**
   * Starts listening.
   *
   * @param port 0 for any free port
   * @param serving true while the server accepts sessions
   * @param metrics the metrics JSON
   */
  public static HealthServer start(String host, int port, BooleanSupplier serving,
      Supplier<String> metrics) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
    http.createContext("/health", ex -> {
      boolean up = serving.getAsBoolean();
      answer(ex, up ? 200 : 503,
          "{\"status\":\"" + (up ? "serving" : "draining") + "\"}");
    });
    http.createContext("/metrics", ex -> answer(ex, 200, metrics.get()));
    http.createContext("/", ex -> answer(ex, 404, "{\"error\":\"not found\"}"));
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "epp-health");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.start();
    return new HealthServer(http, executor);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private static void answer(HttpExchange ex, int status, String json) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      boolean exact = ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())
          || ex.getHttpContext().getPath().equals("/");
      if (!exact) {
        status = 404;
        json = "{\"error\":\"not found\"}";
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        status = 405;
        json = "{\"error\":\"method not allowed\"}";
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
      }
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        ex.sendResponseHeaders(status, -1);
        return;
      }
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
