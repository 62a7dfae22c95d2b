package org.opentld.registry.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP answers of the public functions: every one carries CORS ({@code
 * Access-Control-Allow-Origin: *}, RFC 7480 §5.6, so browser clients can read even errors), a
 * content type and a cache policy. Answers that are true for a while (objects, not found, bad
 * query) may be cached briefly; throttling and server errors must not be.
 */
public final class HttpResponses {
  /** How long a lookup answer may be cached: RDDS updates must show within 60 minutes. */
  public static final String CACHE_SHORT = "public, max-age=60";

  public static final String NO_STORE = "no-store";

  private HttpResponses() {}

  public static APIGatewayV2HTTPResponse of(
      int status, String contentType, String body, String cacheControl) {
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", contentType);
    headers.put("cache-control", cacheControl);
    headers.put("access-control-allow-origin", "*");
    headers.put("access-control-expose-headers", "retry-after");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }

  /** The cache policy for a status: short caching for answers about the data, none otherwise. */
  public static String cacheFor(int status) {
    return status < 500 && status != 429 ? CACHE_SHORT : NO_STORE;
  }

  /** The same answer without a body (HEAD, RFC 9110 §9.3.2). */
  public static APIGatewayV2HTTPResponse withoutBody(APIGatewayV2HTTPResponse r) {
    r.setBody("");
    return r;
  }

  /** Adds Retry-After (RFC 9110 §10.2.3) to a 429. */
  public static APIGatewayV2HTTPResponse retryAfter(APIGatewayV2HTTPResponse r, long seconds) {
    r.getHeaders().put("retry-after", Long.toString(Math.max(1, seconds)));
    return r;
  }

  /** An answer to a CORS preflight (OPTIONS). */
  public static APIGatewayV2HTTPResponse preflight(String contentType) {
    APIGatewayV2HTTPResponse r = of(204, contentType, "", "public, max-age=86400");
    r.getHeaders().put("access-control-allow-methods", "GET, HEAD, OPTIONS");
    r.getHeaders().put("access-control-allow-headers", "accept, content-type");
    r.getHeaders().put("access-control-max-age", "86400");
    return r;
  }
}
