package org.opentld.registry.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.LocalContext;

/**
 * The local stand-in for API Gateway: an HTTP server on 127.0.0.1 that routes each request by
 * the {@link FunctionCatalogue}, hands the handler the same payload 2.0 event API Gateway would
 * ({@link ApiGatewayEvents}) and writes its response. Like API Gateway it answers 404 {@code
 * {"message":"Not Found"}} when no route matches and 500 {@code {"message":"Internal Server
 * Error"}} when a handler throws. One handler instance per function serves every request, as a
 * warm Lambda would, from a pool of threads. Given the panel's built files, it also serves them
 * for GET and HEAD requests no route matches outside {@code /api/}, with index.html for any
 * path that is not a file (the single-page app routes in the browser), as CloudFront does.
 */
public final class HttpFront implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
      new HashMap<>();
  private Path staticRoot;

  private HttpFront(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 = any free port), builds every catalogue function's handler
   * on {@code ctx} with {@code settings} (RDAP_BASE_URL defaults to this server's URL) and starts
   * serving.
   */
  public static HttpFront start(RegistryContext ctx, int port, Map<String, String> settings)
      throws IOException {
    return start(ctx, port, settings, null);
  }

  /**
   * As {@link #start(RegistryContext, int, Map)}, and serves the static files under {@code
   * staticRoot} (the panel's {@code dist/}; null or missing: none) for unrouted GET/HEAD paths.
   */
  public static HttpFront start(
      RegistryContext ctx, int port, Map<String, String> settings, Path staticRoot)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    } catch (java.net.BindException e) {
      throw new IOException(
          "the HTTP front could not listen on 127.0.0.1:" + port
              + " (in use?): stop what uses it or pass --http-port 0", e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "http-front");
      t.setDaemon(true);
      return t;
    });
    HttpFront front = new HttpFront(server, pool);
    if (staticRoot != null && Files.isRegularFile(staticRoot.resolve("index.html"))) {
      front.staticRoot = staticRoot.toAbsolutePath().normalize();
    }
    Map<String, String> env = new LinkedHashMap<>(settings);
    env.putIfAbsent("RDAP_BASE_URL", front.uri() + "/rdap");
    FunctionEnvironment fe = new FunctionEnvironment(ctx, env);
    for (FunctionCatalogue.Function f : FunctionCatalogue.ALL) {
      if (f.httpFactory() != null && !f.routes().isEmpty()) {
        front.handlers.put(f.name(), f.httpFactory().create(fe));
      }
    }
    server.createContext("/", front::handle);
    server.setExecutor(pool);
    server.start();
    return front;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod();
      Optional<FunctionCatalogue.Match> match =
          FunctionCatalogue.route(method, x.getRequestURI().getRawPath());
      if (match.isEmpty() && serveStatic(x, method)) {
        return;
      }
      if (match.isEmpty()) {
        write(x, method, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
        return;
      }
      FunctionCatalogue.Function f = match.get().function();
      APIGatewayV2HTTPResponse r;
      try {
        r = handlers.get(f.name()).handleRequest(ApiGatewayEvents.of(x, match.get()), LocalContext.of(f));
      } catch (RuntimeException e) {
        System.err.println("handler " + f.name() + " failed: " + e);
        write(x, method, 500, Map.of("content-type", "application/json"),
            "{\"message\":\"Internal Server Error\"}");
        return;
      }
      String body = r.getBody() == null ? "" : r.getBody();
      byte[] bytes = r.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
      if (r.getCookies() != null) {
        // API Gateway turns the payload 2.0 "cookies" list into one Set-Cookie header each.
        r.getCookies().forEach(c -> x.getResponseHeaders().add("Set-Cookie", c));
      }
      write(x, method, r.getStatusCode(), r.getHeaders() == null ? Map.of() : r.getHeaders(), bytes);
    }
  }

  /** Whether the panel's files are served (a built {@code dist/} was found). */
  public boolean servesPanel() {
    return staticRoot != null;
  }

  /**
   * The panel's built files for an unrouted GET/HEAD outside /api/: the file if it exists under
   * the root, else index.html (client-side routes). False when not ours to answer.
   */
  private boolean serveStatic(HttpExchange x, String method) throws IOException {
    String path = x.getRequestURI().getPath();
    if (staticRoot == null
        || !(method.equals("GET") || method.equals("HEAD"))
        || path.equals("/api")
        || path.startsWith("/api/")) {
      return false;
    }
    Path file = staticRoot.resolve(path.substring(1)).normalize();
    boolean asset = file.startsWith(staticRoot) && Files.isRegularFile(file);
    if (!asset) {
      file = staticRoot.resolve("index.html");
    }
    String name = file.getFileName().toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", contentType(name));
    // Vite's assets carry a content hash in their names; index.html must always be re-read.
    headers.put("cache-control",
        asset && path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    headers.put("x-content-type-options", "nosniff");
    write(x, method, 200, headers, Files.readAllBytes(file));
    return true;
  }

  private static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json", "map" -> "application/json";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  private static void write(HttpExchange x, String method, int status, Map<String, String> headers, String body)
      throws IOException {
    write(x, method, status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpExchange x, String method, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
    boolean noBody = method.equalsIgnoreCase("HEAD") || status == 204 || status == 304 || body.length == 0;
    x.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
