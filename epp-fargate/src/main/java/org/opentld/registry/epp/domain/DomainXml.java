package org.opentld.registry.epp.domain;

import java.util.List;
import java.util.Optional;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/** Reading the parts of domain commands that several commands share (RFC 5731 §3). */
final class DomainXml {
  private DomainXml() {}

  /**
   * The period in years (RFC 5731 §3.2.1: unit {@code y} or {@code m}); {@code fallback} when
   * absent. Months are accepted only in whole years, since the registry bills and expires
   * by year (2004 otherwise).
   */
  static int years(Optional<Element> period, int fallback) {
    if (period.isEmpty()) {
      return fallback;
    }
    int value = Integer.parseInt(Dom.text(period.get()));
    if ("m".equals(Dom.attr(period.get(), "unit", "y"))) {
      if (value % 12 != 0) {
        throw new RegistryException.ValueRange("periods in months must be whole years");
      }
      return value / 12;
    }
    return value;
  }

  /** Host object names of a {@code <domain:ns>}; host attributes are not implemented (2102). */
  static List<String> hostObjects(Optional<Element> ns) {
    if (ns.isEmpty()) {
      return List.of();
    }
    if (!Dom.children(ns.get(), EppNs.DOMAIN, "hostAttr").isEmpty()) {
      throw new RegistryException.UnimplementedOption(
          "name servers must be host objects (hostObj), not host attributes");
    }
    return Dom.texts(ns.get(), EppNs.DOMAIN, "hostObj");
  }

  /** The password of a {@code <domain:authInfo>}, or null; {@code <ext>} is not implemented. */
  static String authInfo(Optional<Element> authInfo) {
    if (authInfo.isEmpty()) {
      return null;
    }
    if (Dom.child(authInfo.get(), EppNs.DOMAIN, "ext").isPresent()) {
      throw new RegistryException.UnimplementedOption("only password authInfo is implemented");
    }
    // authInfo passwords are compared exactly: no whitespace collapsing.
    return Dom.child(authInfo.get(), EppNs.DOMAIN, "pw").map(Element::getTextContent).orElse(null);
  }

  /**
   * A check reason that fits eppcom:reasonBaseType (1 to 32 characters): the registry's own
   * text when short enough, else its gist.
   */
  static String reason(String text) {
    if (text != null && text.startsWith("Reserved")) {
      return "Reserved";
    }
    if (text == null || text.isBlank() || text.length() > 32) {
      return "Not available";
    }
    return text;
  }
}
