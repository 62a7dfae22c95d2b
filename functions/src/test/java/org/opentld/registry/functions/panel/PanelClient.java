package org.opentld.registry.functions.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentld.registry.common.Caller;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.user.Totp;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/**
 * A browser's view of the panel API in tests: API Gateway events built from the {@code
 * panel_request} fixture, the session and CSRF cookies it got at sign-in sent back, and the CSRF
 * header on every change (unless told not to).
 */
final class PanelClient {
  static final String PASSWORD = "panel-password-1";

  final PanelHandler handler;
  String session;
  String csrf;
  boolean sendCsrf = true;

  PanelClient(PanelHandler handler) {
    this.handler = handler;
  }

  /** An answer: status, headers, body text and (for JSON) its tree. */
  record Answer(int status, APIGatewayV2HTTPResponse raw, JsonNode json) {
    String header(String name) {
      return raw.getHeaders() == null ? null : raw.getHeaders().get(name);
    }

    String detail() {
      return json == null ? null : json.path("detail").asText();
    }
  }

  /**
   * Creates a user with TOTP enrolled (the secret is returned) and signs them in, advancing the
   * clock past the enrolment's step so the sign-in code is a fresh one.
   */
  static PanelClient signedIn(PanelHandler h, TestRegistry t, String username, User.Role role, String registrarId) {
    String secret = enrol(t, username, role, registrarId);
    t.clock.advance(java.time.Duration.ofSeconds(31));
    PanelClient c = new PanelClient(h);
    Answer a = c.signIn(username, PASSWORD, Totp.code(secret, Totp.step(t.clock.instant())));
    assertThat(a.status()).as(a.raw().getBody()).isEqualTo(200);
    return c;
  }

  /** Creates a user and enrols TOTP through shared-model; returns the secret. */
  static String enrol(TestRegistry t, String username, User.Role role, String registrarId) {
    UserAdmin users = new UserAdmin(t.ctx);
    Caller admin = Caller.admin("test-admin", "SV-USERS");
    users.create(admin, username, PASSWORD, role, registrarId);
    String secret = users.startTotpEnrolment(admin, username);
    users.confirmTotp(admin, username, Totp.code(secret, Totp.step(t.clock.instant())));
    return secret;
  }

  Answer signIn(String username, String password, String totp) {
    APIGatewayV2HTTPEvent e = Fixtures.event("panel_sign_in");
    var body = PanelJson.object().put("username", username).put("password", password);
    if (totp != null) {
      body.put("totp", totp);
    }
    e.setBody(body.toString());
    Answer a = send(e);
    if (a.status() == 200) {
      for (String c : a.raw().getCookies()) {
        String value = c.substring(c.indexOf('=') + 1, c.indexOf(';'));
        if (c.startsWith("__Host-session=")) {
          session = value;
        } else if (c.startsWith("__Host-csrf=")) {
          csrf = value;
        }
      }
    }
    return a;
  }

  Answer get(String pathAndQuery) {
    return call("GET", pathAndQuery, null);
  }

  Answer post(String pathAndQuery, String json) {
    return call("POST", pathAndQuery, json);
  }

  Answer put(String pathAndQuery, String json) {
    return call("PUT", pathAndQuery, json);
  }

  Answer patch(String pathAndQuery, String json) {
    return call("PATCH", pathAndQuery, json);
  }

  Answer delete(String pathAndQuery) {
    return call("DELETE", pathAndQuery, null);
  }

  Answer call(String method, String pathAndQuery, String json) {
    return call(method, pathAndQuery, json, "application/json");
  }

  Answer call(String method, String pathAndQuery, String body, String contentType) {
    APIGatewayV2HTTPEvent e = Fixtures.event("panel_request");
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    e.setRawPath("/api/" + path);
    e.getRequestContext().getHttp().setMethod(method);
    e.getRequestContext().getHttp().setPath("/api/" + path);
    e.setPathParameters(Map.of("proxy", path));
    if (q >= 0) {
      String raw = pathAndQuery.substring(q + 1);
      e.setRawQueryString(raw);
      Map<String, String> params = new HashMap<>();
      for (String kv : raw.split("&")) {
        String[] p = kv.split("=", 2);
        params.put(p[0], java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", java.nio.charset.StandardCharsets.UTF_8));
      }
      e.setQueryStringParameters(params);
    }
    Map<String, String> headers = new HashMap<>(e.getHeaders());
    if (body != null) {
      e.setBody(body);
      headers.put("content-type", contentType);
    }
    if (sendCsrf && csrf != null) {
      headers.put("x-csrf-token", csrf);
    }
    e.setHeaders(headers);
    List<String> cookies = new ArrayList<>();
    if (session != null) {
      cookies.add("__Host-session=" + session);
    }
    if (csrf != null) {
      cookies.add("__Host-csrf=" + csrf);
    }
    e.setCookies(cookies);
    return send(e);
  }

  Answer send(APIGatewayV2HTTPEvent e) {
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, LocalContext.of(FunctionCatalogue.PANEL_API));
    assertThat(r.getHeaders()).containsEntry("cache-control", "no-store");
    String type = r.getHeaders().get("content-type");
    JsonNode json = type != null && type.contains("json") ? Fixtures.json(r.getBody()) : null;
    if (r.getStatusCode() >= 400) {
      assertThat(type).isEqualTo("application/problem+json");
      assertThat(json.get("status").asInt()).isEqualTo(r.getStatusCode());
      assertThat(json.get("type").asText()).startsWith("urn:opentld:problem:");
      assertThat(json.has("title")).isTrue();
    }
    return new Answer(r.getStatusCode(), r, json);
  }
}
