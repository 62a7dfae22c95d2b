package org.opentld.registry.epp;

import java.util.List;

/** The XML namespaces this server speaks (RFC 5730 §2.1 and the mappings and extensions). */
public final class EppNs {
  public static final String EPP = "urn:ietf:params:xml:ns:epp-1.0";
  public static final String EPPCOM = "urn:ietf:params:xml:ns:eppcom-1.0";
  public static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
  public static final String HOST = "urn:ietf:params:xml:ns:host-1.0";
  public static final String CONTACT = "urn:ietf:params:xml:ns:contact-1.0";
  public static final String RGP = "urn:ietf:params:xml:ns:rgp-1.0";
  public static final String SEC_DNS = "urn:ietf:params:xml:ns:secDNS-1.1";
  /** RFC 8748 §7 registers the fee extension under the {@code epp:} sub-namespace. */
  public static final String FEE = "urn:ietf:params:xml:ns:epp:fee-1.0";
  /** RFC 8807 §6.1: login security (long passwords, user agent, security events). */
  public static final String LOGIN_SEC = "urn:ietf:params:xml:ns:epp:loginSec-1.0";

  /** Schema files under {@code xsd/}, imported ones first. */
  static final List<String> SCHEMAS =
      List.of(
          "eppcom-1.0.xsd",
          "epp-1.0.xsd",
          "host-1.0.xsd",
          "contact-1.0.xsd",
          "domain-1.0.xsd",
          "rgp-1.0.xsd",
          "secDNS-1.1.xsd",
          "fee-1.0.xsd",
          "loginSec-1.0.xsd");

  private EppNs() {}
}
