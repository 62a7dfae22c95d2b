package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.functions.http.Requests;
import org.opentld.registry.user.PanelSessions;
import org.opentld.registry.user.User;

/**
 * One panel API request: method, the path below {@code /api}, query, cookies, headers and the
 * JSON body, plus, once authenticated, the session and the user as just re-read. Field readers
 * turn a wrong JSON type into a 400 instead of a 500.
 */
final class PanelRequest {
  final APIGatewayV2HTTPEvent event;
  final String method;
  final String path;
  Map<String, String> params = Map.of();
  PanelSessions.Session session;
  String sessionId;
  User user;
  private JsonNode body;

  PanelRequest(APIGatewayV2HTTPEvent event) {
    this.event = event;
    this.method = Requests.method(event);
    String[] segments = Requests.pathSegments(event);
    int from = segments.length > 0 && segments[0].equals("api") ? 1 : 0;
    this.path = String.join("/", java.util.Arrays.copyOfRange(segments, from, segments.length));
  }

  String param(String name) {
    return params.get(name);
  }

  String query(String name) {
    String v = Requests.query(event, name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  int intQuery(String name, int fallback) {
    String v = query(name);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw PanelException.badRequest(name + " must be a number");
    }
  }

  String header(String name) {
    Map<String, String> h = event.getHeaders();
    if (h == null) {
      return null;
    }
    for (Map.Entry<String, String> e : h.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  String cookie(String name) {
    List<String> cookies = event.getCookies();
    if (cookies == null) {
      return null;
    }
    for (String c : cookies) {
      int eq = c.indexOf('=');
      if (eq > 0 && c.substring(0, eq).strip().equals(name)) {
        return c.substring(eq + 1).strip();
      }
    }
    return null;
  }

  String svTrid() {
    var ctx = event.getRequestContext();
    String id = ctx == null ? null : ctx.getRequestId();
    return "PANEL-" + (id == null ? Long.toHexString(System.nanoTime()) : id);
  }

  /** The raw body text (decoded from base64 if API Gateway encoded it). */
  String text() {
    String b = event.getBody();
    if (b == null) {
      return "";
    }
    return event.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8)
        : b;
  }

  /** The JSON object body; an empty body is an empty object. 415 without a JSON media type. */
  JsonNode body() {
    if (body == null) {
      String text = text();
      if (text.isBlank()) {
        body = PanelJson.object();
        return body;
      }
      String type = header("content-type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        throw new PanelException(415, "unsupported-media-type", "send the body as application/json");
      }
      try {
        body = PanelJson.MAPPER.readTree(text);
      } catch (IOException e) {
        throw PanelException.badRequest("the body is not valid JSON");
      }
      if (!body.isObject()) {
        throw PanelException.badRequest("the body must be a JSON object");
      }
    }
    return body;
  }

  boolean has(String field) {
    JsonNode n = body().get(field);
    return n != null && !n.isNull();
  }

  String str(String field) {
    JsonNode n = body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() && !n.isNumber()) {
      throw PanelException.badRequest(field + " must be a string");
    }
    return n.asText();
  }

  String required(String field) {
    String v = str(field);
    if (v == null || v.isBlank()) {
      throw PanelException.badRequest(field + " is required");
    }
    return v;
  }

  Integer integer(String field) {
    JsonNode n = body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.canConvertToInt()) {
      throw PanelException.badRequest(field + " must be an integer");
    }
    return n.asInt();
  }

  Boolean bool(String field) {
    JsonNode n = body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw PanelException.badRequest(field + " must be true or false");
    }
    return n.asBoolean();
  }

  /** A list of strings, or null when absent. */
  List<String> strings(String field) {
    JsonNode n = body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw PanelException.badRequest(field + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.isTextual()) {
        throw PanelException.badRequest(field + " must be a list of strings");
      }
      out.add(x.asText());
    }
    return out;
  }

  Set<StatusValue> statuses(String field) {
    List<String> v = strings(field);
    if (v == null) {
      return null;
    }
    Set<StatusValue> out = new LinkedHashSet<>();
    v.forEach(s -> out.add(StatusValue.fromEpp(s)));
    return out;
  }

  ObjectNode objectField(String field) {
    JsonNode n = body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw PanelException.badRequest(field + " must be an object");
    }
    return (ObjectNode) n;
  }
}
