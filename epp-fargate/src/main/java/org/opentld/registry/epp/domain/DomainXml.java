package org.opentld.registry.epp.domain;

import java.util.List;
import java.util.Optional;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * Reading the parts of domain commands that several commands share (RFC 5731 §3), and the
 * transfer data that transfer responses and poll messages both carry.
 */
public final class DomainXml {
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

  /**
   * {@code <domain:trnData>} (RFC 5731 §3.1.3, §3.2.4): the transfer's status, requesting and
   * acting registrars and dates, and the expiry it gives (only while it is pending or once it
   * was approved; an unapproved transfer changes no expiry).
   */
  public static String trnData(String name, PendingTransfer pt) {
    Xml x = new Xml();
    x.open("domain:trnData", "xmlns:domain", EppNs.DOMAIN);
    x.leaf("domain:name", name);
    x.leaf("domain:trStatus", pt.status().epp());
    x.leaf("domain:reID", pt.gainingRegistrarId());
    x.leaf("domain:reDate", Xml.time(pt.requestedAt()));
    x.leaf("domain:acID", pt.losingRegistrarId());
    x.leaf("domain:acDate", Xml.time(pt.actionBy()));
    x.leaf("domain:exDate", Xml.time(pt.newExpiresAt()));
    return x.close("domain:trnData").toString();
  }

  /**
   * DS records of a {@code <secDNS:create>}, {@code <secDNS:add>} or {@code <secDNS:rem>}
   * (RFC 5910 §4.1): only the DS data interface is offered, so key data is 2306.
   */
  static List<DsData> dsData(Element parent) {
    if (!Dom.children(parent, EppNs.SEC_DNS, "keyData").isEmpty()) {
      throw new RegistryException.PolicyError("only the DS data interface is supported");
    }
    return Dom.children(parent, EppNs.SEC_DNS, "dsData").stream()
        .map(
            ds -> {
              if (Dom.child(ds, EppNs.SEC_DNS, "keyData").isPresent()) {
                throw new RegistryException.PolicyError("key data in DS data is not supported");
              }
              return new DsData(
                  Integer.parseInt(Dom.text(ds, EppNs.SEC_DNS, "keyTag")),
                  Integer.parseInt(Dom.text(ds, EppNs.SEC_DNS, "alg")),
                  Integer.parseInt(Dom.text(ds, EppNs.SEC_DNS, "digestType")),
                  Dom.text(ds, EppNs.SEC_DNS, "digest"));
            })
        .toList();
  }

  /** maxSigLife (RFC 5910 §3.3) is a known option the registry does not implement: 2102. */
  static void refuseMaxSigLife(Element parent) {
    if (Dom.child(parent, EppNs.SEC_DNS, "maxSigLife").isPresent()) {
      throw new RegistryException.UnimplementedOption("maxSigLife is not supported");
    }
  }
}
