package org.opentld.registry.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Reading what a handler needs from an API Gateway HTTP API (payload 2.0) event. */
public final class Requests {
  private Requests() {}

  public static String method(APIGatewayV2HTTPEvent e) {
    var ctx = e.getRequestContext();
    String m = ctx == null || ctx.getHttp() == null ? null : ctx.getHttp().getMethod();
    return m == null ? "GET" : m.toUpperCase(Locale.ROOT);
  }

  /** The client's address as API Gateway saw it (never a header the client could forge). */
  public static String sourceIp(APIGatewayV2HTTPEvent e) {
    var ctx = e.getRequestContext();
    return ctx == null || ctx.getHttp() == null ? "" : ctx.getHttp().getSourceIp();
  }

  /**
   * The path as sent, split into percent-decoded segments (a U-label arrives percent-encoded in
   * UTF-8, RFC 9082 §6.1); the raw path is used rather than path parameters so that a handler
   * answers the same whatever route delivered the request.
   */
  public static String[] pathSegments(APIGatewayV2HTTPEvent e) {
    String raw = e.getRawPath() == null ? "/" : e.getRawPath();
    String p = raw.startsWith("/") ? raw.substring(1) : raw;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String[] parts = p.isEmpty() ? new String[0] : p.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
    }
    return parts;
  }

  /** A query parameter (API Gateway joins repeated ones with commas), or null. */
  public static String query(APIGatewayV2HTTPEvent e, String name) {
    Map<String, String> q = e.getQueryStringParameters();
    return q == null ? null : q.get(name);
  }
}
