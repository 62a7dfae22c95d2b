package org.opentld.registry.epp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * The Login Security extension (RFC 8807): passwords longer than {@code <pw>}'s 16 characters
 * carried in {@code <loginSec:pw>} and {@code <loginSec:newPW>} while the standard elements
 * hold {@code [LOGIN-SECURITY]} (§3.2), the client's user agent, and the security events a
 * login response reports (§3.1, {@code <loginSec:loginSecData>}).
 */
public final class LoginSecurity {
  /** The value of {@code <pw>} or {@code <newPW>} that points to the extension (RFC 8807 §3.2). */
  public static final String SENTINEL = "[LOGIN-SECURITY]";

  private LoginSecurity() {}

  /** What a login's {@code <loginSec:loginSec>} carries (any part may be null). */
  public record Request(String userAgent, String pw, String newPw) {}

  /**
   * One security event (RFC 8807 §3.1).
   *
   * @param type password, certificate, cipher, tlsProtocol, newPW, stat or custom
   * @param level warning or error
   */
  public record Event(
      String type, String level, String name, String value, Instant exDate, String text) {
    public static Event warning(String type, Instant exDate, String text) {
      return new Event(type, "warning", null, null, exDate, text);
    }

    public static Event error(String type, String text) {
      return new Event(type, "error", null, null, null, text);
    }
  }

  /** The extension in a {@code <command>} holding a login, or null if the client sent none. */
  public static Request parse(Element command) {
    Element ext = Dom.child(command, EppNs.EPP, "extension").orElse(null);
    Element ls = ext == null ? null : Dom.child(ext, EppNs.LOGIN_SEC, "loginSec").orElse(null);
    if (ls == null) {
      return null;
    }
    String agent = Dom.child(ls, EppNs.LOGIN_SEC, "userAgent")
        .map(ua -> {
          List<String> parts = new ArrayList<>();
          for (String f : List.of("app", "tech", "os")) {
            String v = Dom.text(ua, EppNs.LOGIN_SEC, f);
            if (v != null) {
              parts.add(f + "=" + v);
            }
          }
          return String.join("; ", parts);
        })
        .orElse(null);
    return new Request(agent, Dom.text(ls, EppNs.LOGIN_SEC, "pw"),
        Dom.text(ls, EppNs.LOGIN_SEC, "newPW"));
  }

  /**
   * The password a login means: {@code <loginSec:pw>} when {@code <pw>} is the sentinel, else
   * {@code <pw>}. The sentinel without the extension's element is 2003; the extension's
   * element with a real {@code <pw>} is ambiguous, 2005.
   *
   * @param standard {@code <pw>} or {@code <newPW>} (null when absent)
   * @param extended {@code <loginSec:pw>} or {@code <loginSec:newPW>} (null when absent)
   */
  public static String resolve(String element, String standard, String extended) {
    if (SENTINEL.equals(standard)) {
      if (extended == null) {
        throw new RegistryException.MissingParameter(
            element + " is " + SENTINEL + " but <loginSec:" + element + "> is missing");
      }
      return extended;
    }
    if (extended != null) {
      throw new RegistryException.ValueSyntax(
          "<loginSec:" + element + "> needs <" + element + ">" + SENTINEL + "</" + element + ">");
    }
    return standard;
  }

  /** {@code <loginSec:loginSecData>} with the events, for a response's {@code <extension>}. */
  public static String render(List<Event> events) {
    Xml x = new Xml();
    x.open("loginSec:loginSecData", "xmlns:loginSec", EppNs.LOGIN_SEC);
    for (Event e : events) {
      x.leaf("loginSec:event", e.text() == null ? "" : e.text(), "type", e.type(), "name",
          e.name(), "level", e.level(), "exDate", Xml.time(e.exDate()), "value", e.value());
    }
    return x.close("loginSec:loginSecData").toString();
  }
}
