package org.opentld.registry.functions.panel;

import java.time.Duration;
import org.opentld.registry.functions.FunctionEnvironment;

/**
 * The panel API's settings from the environment (functions/README.md lists them).
 *
 * @param cookieSecure false only for plain-HTTP test setups: drops {@code Secure} and the
 *     {@code __Host-} cookie prefix, which requires it
 */
record PanelConfig(
    boolean requireTotp,
    boolean cookieSecure,
    Duration sessionIdle,
    Duration sessionMax,
    String totpIssuer,
    long dashboardLimit,
    ReportFiles reports) {

  static PanelConfig from(FunctionEnvironment env) {
    return new PanelConfig(
        !"false".equalsIgnoreCase(env.get("PANEL_REQUIRE_TOTP", "true")),
        !"false".equalsIgnoreCase(env.get("PANEL_COOKIE_SECURE", "true")),
        Duration.ofMinutes(env.getInt("PANEL_SESSION_IDLE_MINUTES", 30)),
        Duration.ofHours(env.getInt("PANEL_SESSION_MAX_HOURS", 12)),
        env.get("PANEL_TOTP_ISSUER", "OpenTLD"),
        env.getInt("PANEL_DASHBOARD_LIMIT", 100_000),
        ReportFiles.from(env));
  }

  String sessionCookie() {
    return cookieSecure ? "__Host-session" : "session";
  }

  String csrfCookie() {
    return cookieSecure ? "__Host-csrf" : "csrf";
  }

  /** A Set-Cookie value; {@code httpOnly} for the session, readable by the page for CSRF. */
  String cookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
    return name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
        + (httpOnly ? "; HttpOnly" : "") + (cookieSecure ? "; Secure" : "") + "; SameSite=Strict";
  }
}
