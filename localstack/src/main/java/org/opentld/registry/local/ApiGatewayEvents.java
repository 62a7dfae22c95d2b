package org.opentld.registry.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opentld.registry.functions.FunctionCatalogue;

/**
 * Turns an HTTP request into the event API Gateway HTTP APIs send a Lambda (payload format 2.0):
 * route key, raw path and query, query parameters (repeats joined with commas), path parameters,
 * lower-cased headers (repeats joined with commas), cookies, request context with method and
 * source address, and the body, base64-encoded unless it is text.
 */
final class ApiGatewayEvents {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  private ApiGatewayEvents() {}

  static APIGatewayV2HTTPEvent of(HttpExchange x, FunctionCatalogue.Match match) throws IOException {
    String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = x.getRequestURI().getRawPath();
    String rawQuery = x.getRequestURI().getRawQuery();

    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    x.getRequestHeaders()
        .forEach(
            (name, values) -> {
              String key = name.toLowerCase(Locale.ROOT);
              if (key.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
              } else {
                headers.put(key, String.join(",", values));
              }
            });

    long now = System.currentTimeMillis();
    String host = headers.getOrDefault("host", "127.0.0.1");
    var http =
        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
            .withMethod(method)
            .withPath(rawPath)
            .withProtocol(x.getProtocol())
            .withSourceIp(x.getRemoteAddress().getAddress().getHostAddress())
            .withUserAgent(headers.get("user-agent"))
            .build();
    var context =
        APIGatewayV2HTTPEvent.RequestContext.builder()
            .withAccountId("000000000000")
            .withApiId("local")
            .withDomainName(host)
            .withDomainPrefix(host.split("[.:]")[0])
            .withHttp(http)
            .withRequestId(UUID.randomUUID().toString())
            .withRouteKey(match.route().routeKey())
            .withStage("$default")
            .withTime(TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
            .withTimeEpoch(now)
            .build();

    byte[] body = x.getRequestBody().readAllBytes();
    String contentType = headers.getOrDefault("content-type", "");
    boolean text =
        contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml")
            || contentType.contains("x-www-form-urlencoded");
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(match.route().routeKey())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(query(rawQuery))
        .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
        .withRequestContext(context)
        .withBody(body.length == 0 ? null
            : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .build();
  }

  /** Query parameters as API Gateway gives them: decoded, repeated ones joined with commas. */
  static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.merge(k, v, (a, b) -> a + "," + b);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
