package org.opentld.registry.functions.jobs.rde;

import java.util.List;
import java.util.Map;

/** XML namespaces of an escrow deposit (RFC 8909 §6, RFC 9022 §9) and their schema files. */
public final class RdeNs {
  public static final String RDE = "urn:ietf:params:xml:ns:rde-1.0";
  public static final String HEADER = "urn:ietf:params:xml:ns:rdeHeader-1.0";
  public static final String DOMAIN = "urn:ietf:params:xml:ns:rdeDomain-1.0";
  public static final String HOST = "urn:ietf:params:xml:ns:rdeHost-1.0";
  public static final String CONTACT = "urn:ietf:params:xml:ns:rdeContact-1.0";
  public static final String REGISTRAR = "urn:ietf:params:xml:ns:rdeRegistrar-1.0";
  public static final String IDN = "urn:ietf:params:xml:ns:rdeIDN-1.0";
  public static final String EPP_PARAMS = "urn:ietf:params:xml:ns:rdeEppParams-1.0";
  public static final String POLICY = "urn:ietf:params:xml:ns:rdePolicy-1.0";
  public static final String EPP = "urn:ietf:params:xml:ns:epp-1.0";
  public static final String EPPCOM = "urn:ietf:params:xml:ns:eppcom-1.0";
  public static final String E_DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
  public static final String E_HOST = "urn:ietf:params:xml:ns:host-1.0";
  public static final String E_CONTACT = "urn:ietf:params:xml:ns:contact-1.0";
  public static final String SEC_DNS = "urn:ietf:params:xml:ns:secDNS-1.1";
  public static final String RGP = "urn:ietf:params:xml:ns:rgp-1.0";

  /** Prefixes the writer declares on the root element. */
  static final Map<String, String> PREFIXES =
      Map.ofEntries(
          Map.entry("rde", RDE),
          Map.entry("rdeHeader", HEADER),
          Map.entry("rdeDomain", DOMAIN),
          Map.entry("rdeHost", HOST),
          Map.entry("rdeContact", CONTACT),
          Map.entry("rdeRegistrar", REGISTRAR),
          Map.entry("rdeIDN", IDN),
          Map.entry("rdeEppParams", EPP_PARAMS),
          Map.entry("rdePolicy", POLICY),
          Map.entry("domain", E_DOMAIN),
          Map.entry("host", E_HOST),
          Map.entry("contact", E_CONTACT),
          Map.entry("secDNS", SEC_DNS),
          Map.entry("rgp", RGP),
          Map.entry("epp", EPP));

  /** Schema files under {@code xsd/} by target namespace, imported ones first. */
  static final List<Map.Entry<String, String>> SCHEMAS =
      List.of(
          Map.entry(EPPCOM, "eppcom-1.0.xsd"),
          Map.entry(EPP, "epp-1.0.xsd"),
          Map.entry(E_HOST, "host-1.0.xsd"),
          Map.entry(E_CONTACT, "contact-1.0.xsd"),
          Map.entry(E_DOMAIN, "domain-1.0.xsd"),
          Map.entry(RGP, "rgp-1.0.xsd"),
          Map.entry(SEC_DNS, "secDNS-1.1.xsd"),
          Map.entry(RDE, "rde-1.0.xsd"),
          Map.entry(HEADER, "rdeHeader-1.0.xsd"),
          Map.entry(DOMAIN, "rdeDomain-1.0.xsd"),
          Map.entry(HOST, "rdeHost-1.0.xsd"),
          Map.entry(CONTACT, "rdeContact-1.0.xsd"),
          Map.entry(REGISTRAR, "rdeRegistrar-1.0.xsd"),
          Map.entry(IDN, "rdeIDN-1.0.xsd"),
          Map.entry(EPP_PARAMS, "rdeEppParams-1.0.xsd"),
          Map.entry(POLICY, "rdePolicy-1.0.xsd"));

  private RdeNs() {}
}
