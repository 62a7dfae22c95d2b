package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The panel API's successful answers: JSON, CSV and file downloads, never cached ({@code
 * no-store}: they are per-user), with {@code X-Content-Type-Options: nosniff}. No CORS header:
 * the panel is served from the same origin.
 */
final class Answers {
  static final String JSON = "application/json";

  private Answers() {}

  static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
    return json(status, body, JSON);
  }

  static APIGatewayV2HTTPResponse json(int status, JsonNode body, String contentType) {
    return build(status, contentType, body.toString(), false);
  }

  static APIGatewayV2HTTPResponse ok(JsonNode body) {
    return json(200, body);
  }

  static APIGatewayV2HTTPResponse created(JsonNode body) {
    return json(201, body);
  }

  static APIGatewayV2HTTPResponse noContent() {
    return build(204, null, "", false);
  }

  /** A text download (CSV) offered as a file. */
  static APIGatewayV2HTTPResponse download(String contentType, String filename, String text) {
    APIGatewayV2HTTPResponse r = build(200, contentType, text, false);
    r.getHeaders().put("content-disposition", "attachment; filename=\"" + filename + "\"");
    return r;
  }

  /** A binary download, base64 in the event as API Gateway expects. */
  static APIGatewayV2HTTPResponse file(String filename, byte[] data) {
    APIGatewayV2HTTPResponse r =
        build(200, "application/octet-stream", Base64.getEncoder().encodeToString(data), true);
    r.getHeaders().put("content-disposition", "attachment; filename=\"" + filename + "\"");
    return r;
  }

  private static APIGatewayV2HTTPResponse build(int status, String contentType, String body, boolean base64) {
    Map<String, String> headers = new HashMap<>();
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    headers.put("cache-control", "no-store");
    headers.put("x-content-type-options", "nosniff");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(base64)
        .build();
  }
}
