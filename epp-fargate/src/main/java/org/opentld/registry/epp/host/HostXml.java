package org.opentld.registry.epp.host;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/** Reading the parts of host commands that several commands share (RFC 5732 §3). */
final class HostXml {
  private HostXml() {}

  /**
   * The address literals of {@code <host:addr>} elements. The {@code ip} attribute (default
   * {@code v4}, RFC 5732 §2.5) must agree with the literal: an IPv6 literal marked or defaulted
   * as v4, or the reverse, is a malformed parameter (2005) rather than something to guess.
   * Anything else about the address (syntax, routability) is the registry's to judge.
   */
  static List<String> addresses(Element parent) {
    List<String> out = new ArrayList<>();
    for (Element a : Dom.children(parent, EppNs.HOST, "addr")) {
      String literal = Dom.text(a);
      String ip = Dom.attr(a, "ip", "v4");
      boolean looksV6 = literal.indexOf(':') >= 0;
      if (looksV6 != "v6".equals(ip)) {
        throw new RegistryException.ValueSyntax(
            "address " + literal + " does not match ip=\"" + ip + "\"");
      }
      out.add(literal);
    }
    return out;
  }

  /** The {@code s} values of {@code <host:status>} children; none when the parent is absent. */
  static Set<StatusValue> statuses(Optional<Element> parent) {
    Set<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    parent.ifPresent(
        p ->
            Dom.children(p, EppNs.HOST, "status")
                .forEach(s -> out.add(StatusValue.fromEpp(s.getAttribute("s")))));
    return out;
  }

  /**
   * A check reason that fits eppcom:reasonBaseType (1 to 32 characters): the registry's text
   * when short enough, else its gist (the full text would not be schema-valid).
   */
  static String reason(String text) {
    if (text == null || text.isBlank()) {
      return "Not available";
    }
    return text.length() <= 32 ? text : "Invalid host name";
  }
}
