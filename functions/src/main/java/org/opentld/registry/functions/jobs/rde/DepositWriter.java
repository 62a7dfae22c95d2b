package org.opentld.registry.functions.jobs.rde;

import java.io.Closeable;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.tld.IdnTable;

/**
 * Writes one escrow deposit (RFC 8909) with the RFC 9022 object mappings as a stream: the
 * root, watermark and menu first, then optional deletes, then each object as the caller hands
 * it over, and the header with its counts last (RFC 8909 allows contents in any order, so the
 * counts are known when the header is written). Nothing is kept per object: memory does not
 * grow with the registry. Methods are synchronized so that parallel scan threads can write.
 */
final class DepositWriter implements Closeable {
  private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,3}\\.[0-9]{1,14}");
  private final XMLStreamWriter xml;
  private final DepositMode mode;
  private final Instant watermark;
  private final Map<String, Long> written = new TreeMap<>();
  private boolean inDeletes;
  private boolean inContents;
  private boolean finished;

  /**
   * Starts the document.
   *
   * @param id the deposit id (RFC 8909 §5: up to 13 word characters)
   * @param prevId the previous deposit's id for a differential deposit, else null
   * @param resend 0 for the first try of this deposit, then 1, 2...
   */
  DepositWriter(
      OutputStream out, DepositMode mode, String id, String prevId, int resend, Instant watermark) {
    this.mode = mode;
    this.watermark = watermark;
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setPrefix("rde", RdeNs.RDE);
      xml.writeStartElement("rde", "deposit", RdeNs.RDE);
      for (Map.Entry<String, String> p : new TreeMap<>(RdeNs.PREFIXES).entrySet()) {
        xml.setPrefix(p.getKey(), p.getValue());
        xml.writeNamespace(p.getKey(), p.getValue());
      }
      xml.writeAttribute("type", mode.type());
      xml.writeAttribute("id", id);
      if (prevId != null) {
        xml.writeAttribute("prevId", prevId);
      }
      if (resend > 0) {
        xml.writeAttribute("resend", Integer.toString(resend));
      }
      text(RdeNs.RDE, "watermark", watermark.toString());
      xml.writeStartElement(RdeNs.RDE, "rdeMenu");
      text(RdeNs.RDE, "version", "1.0");
      for (String uri : mode.objUris()) {
        text(RdeNs.RDE, "objURI", uri);
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot start the deposit", e);
    }
  }

  /** How many objects of each kind (by RFC 9022 namespace) were written as contents. */
  synchronized Map<String, Long> written() {
    return new LinkedHashMap<>(written);
  }

  /** A removed object of a differential deposit (RFC 8909 §5.1.2); before any content. */
  synchronized void delete(String objNs, String name) {
    run(() -> {
      if (inContents) {
        throw new IllegalStateException("deletes come before contents");
      }
      if (!inDeletes) {
        xml.writeStartElement(RdeNs.RDE, "deletes");
        inDeletes = true;
      }
      xml.writeStartElement(objNs, "delete");
      text(objNs, RdeNs.CONTACT.equals(objNs) || RdeNs.REGISTRAR.equals(objNs) ? "id" : "name",
          name);
      xml.writeEndElement();
    });
  }

  synchronized void registrar(Registrar r) {
    run(() -> {
      start(RdeNs.REGISTRAR, "registrar");
      String ns = RdeNs.REGISTRAR;
      text(ns, "id", r.id());
      text(ns, "name", r.name() == null || r.name().isBlank() ? r.id() : r.name());
      opt(ns, "gurid", r.ianaId() == null || r.ianaId() < 1 ? null : r.ianaId().toString());
      opt(ns, "status", registrarStatus(r.status()));
      if (mode != DepositMode.THIN) {
        PostalInfo a = r.address();
        if (a != null && a.city() != null && a.cc() != null) {
          xml.writeStartElement(ns, "postalInfo");
          xml.writeAttribute("type", a.type() == null ? "int" : a.type().epp());
          address(ns, a);
          xml.writeEndElement();
        }
        if (r.phone() != null && E164.matcher(r.phone()).matches()) {
          text(ns, "voice", r.phone());
        }
        opt(ns, "email", r.email());
      }
      opt(ns, "url", r.url());
      if (r.whoisServer() != null) {
        xml.writeStartElement(ns, "whoisInfo");
        text(ns, "name", r.whoisServer());
        xml.writeEndElement();
      }
      if (mode != DepositMode.THIN) {
        opt(ns, "crDate", r.createdAt());
        opt(ns, "upDate", r.updatedAt());
      }
      end(RdeNs.REGISTRAR);
    });
  }

  synchronized void contact(Contact c) {
    run(() -> {
      String ns = RdeNs.CONTACT;
      start(ns, "contact");
      text(ns, "id", c.id());
      text(ns, "roid", c.roid());
      for (StatusValue s : c.effectiveStatuses()) {
        status(ns, s.epp());
      }
      for (PostalInfo p : c.postalInfo()) {
        xml.writeStartElement(ns, "postalInfo");
        xml.writeAttribute("type", p.type().epp());
        text(RdeNs.E_CONTACT, "name", p.name());
        opt(RdeNs.E_CONTACT, "org", p.org());
        address(RdeNs.E_CONTACT, p);
        xml.writeEndElement();
      }
      phone(ns, "voice", c.voice(), c.voiceExt());
      phone(ns, "fax", c.fax(), c.faxExt());
      text(ns, "email", c.email());
      text(ns, "clID", c.registrarId());
      text(ns, "crRr", c.createdBy() == null ? c.registrarId() : c.createdBy());
      text(ns, "crDate", c.createdAt().toString());
      if (c.updatedAt() != null) {
        opt(ns, "upRr", c.updatedBy());
        opt(ns, "upDate", c.updatedAt());
      }
      opt(ns, "trDate", c.transferredAt());
      transfer(ns, c.transfer(), false);
      disclose(c.disclose());
      end(ns);
    });
  }

  synchronized void host(Host h) {
    run(() -> {
      String ns = RdeNs.HOST;
      start(ns, "host");
      text(ns, "name", h.name());
      text(ns, "roid", h.roid());
      for (StatusValue s : h.effectiveStatuses()) {
        status(ns, s.epp());
      }
      for (String a : h.inetV4()) {
        addr(ns, a, "v4");
      }
      for (String a : h.inetV6()) {
        addr(ns, a, "v6");
      }
      text(ns, "clID", h.registrarId());
      text(ns, "crRr", h.createdBy() == null ? h.registrarId() : h.createdBy());
      opt(ns, "crDate", h.createdAt());
      if (h.updatedAt() != null) {
        opt(ns, "upRr", h.updatedBy());
        opt(ns, "upDate", h.updatedAt());
      }
      opt(ns, "trDate", h.transferredAt());
      end(ns);
    });
  }

  synchronized void domain(Domain d) {
    run(() -> {
      String ns = RdeNs.DOMAIN;
      boolean thin = mode == DepositMode.THIN;
      start(ns, "domain");
      text(ns, "name", d.name());
      text(ns, "roid", d.roid());
      DomainName dn = DomainName.parse(d.name());
      if (dn.isIdn()) {
        text(ns, "uName", dn.unicode());
      }
      opt(ns, "idnTableId", d.idnTable());
      for (StatusValue s : d.effectiveStatuses()) {
        status(ns, s.epp());
      }
      if (!thin) {
        for (String rgp : d.rgpStatuses(watermark)) {
          xml.writeEmptyElement(ns, "rgpStatus");
          xml.writeAttribute("s", rgp);
        }
        opt(ns, "registrant", d.registrant());
        for (Domain.ContactType t : Domain.ContactType.values()) {
          String id = d.contacts().get(t);
          if (id != null) {
            xml.writeStartElement(ns, "contact");
            xml.writeAttribute("type", t.epp());
            xml.writeCharacters(id);
            xml.writeEndElement();
          }
        }
      }
      if (!d.nameservers().isEmpty()) {
        xml.writeStartElement(ns, "ns");
        for (String h : d.nameservers()) {
          text(RdeNs.E_DOMAIN, "hostObj", h);
        }
        xml.writeEndElement();
      }
      text(ns, "clID", d.registrarId());
      if (!thin) {
        opt(ns, "crRr", d.createdBy());
      }
      opt(ns, "crDate", d.createdAt());
      opt(ns, "exDate", d.expiresAt());
      if (!thin && d.updatedAt() != null) {
        opt(ns, "upRr", d.updatedBy());
      }
      opt(ns, "upDate", d.updatedAt());
      if (!thin) {
        ds(d.dsData());
        opt(ns, "trDate", d.transferredAt());
        transfer(ns, d.transfer(), true);
      }
      end(ns);
    });
  }

  /** An IDN table the TLD's names may use (RFC 9022 §5.5): its id and where it is published. */
  synchronized void idnTable(IdnTable t, String url, String policyUrl) {
    run(() -> {
      start(RdeNs.IDN, "idnTableRef");
      xml.writeAttribute("id", t.tag());
      text(RdeNs.IDN, "url", url);
      text(RdeNs.IDN, "urlPolicy", policyUrl);
      end(RdeNs.IDN);
    });
  }

  /** The EPP parameters of the registry's server (RFC 9022 §5.7): what the greeting says. */
  synchronized void eppParams() {
    run(() -> {
      String ns = RdeNs.EPP_PARAMS;
      String epp = RdeNs.EPP;
      start(ns, "eppParams");
      text(ns, "version", "1.0");
      text(ns, "lang", "en");
      for (String uri : List.of(RdeNs.E_DOMAIN, RdeNs.E_HOST, RdeNs.E_CONTACT)) {
        text(ns, "objURI", uri);
      }
      xml.writeStartElement(ns, "svcExtension");
      text(epp, "extURI", RdeNs.SEC_DNS);
      text(epp, "extURI", RdeNs.RGP);
      xml.writeEndElement();
      xml.writeStartElement(ns, "dcp");
      xml.writeStartElement(epp, "access");
      xml.writeEmptyElement(epp, "all");
      xml.writeEndElement();
      xml.writeStartElement(epp, "statement");
      xml.writeStartElement(epp, "purpose");
      xml.writeEmptyElement(epp, "admin");
      xml.writeEmptyElement(epp, "prov");
      xml.writeEndElement();
      xml.writeStartElement(epp, "recipient");
      xml.writeEmptyElement(epp, "ours");
      xml.writeEmptyElement(epp, "public");
      xml.writeEndElement();
      xml.writeStartElement(epp, "retention");
      xml.writeEmptyElement(epp, "stated");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      end(ns);
    });
  }

  /** A policy (RFC 9022 §5.8): {@code element} is always present in objects under {@code scope}. */
  synchronized void policy(String scope, String element) {
    run(() -> {
      contents();
      xml.writeEmptyElement(RdeNs.POLICY, "policy");
      xml.writeAttribute("scope", scope);
      xml.writeAttribute("element", element);
      written.merge(RdeNs.POLICY, 1L, Long::sum);
    });
  }

  /**
   * Writes the header (RFC 9022 §5.1) and ends the document.
   *
   * @param counts objects per kind in the registry at the watermark (for a full deposit, what
   *     was written; for a differential one, the registry's totals)
   */
  synchronized void finish(String tld, Map<String, Long> counts) {
    run(() -> {
      start(RdeNs.HEADER, "header");
      text(RdeNs.HEADER, "tld", tld);
      for (String uri : mode.objUris()) {
        if (!uri.equals(RdeNs.HEADER) && !uri.equals(RdeNs.EPP_PARAMS)
            && !uri.equals(RdeNs.POLICY)) {
          xml.writeStartElement(RdeNs.HEADER, "count");
          xml.writeAttribute("uri", uri);
          xml.writeCharacters(Long.toString(counts.getOrDefault(uri, 0L)));
          xml.writeEndElement();
        }
      }
      xml.writeEndElement();
      xml.writeEndElement(); // contents
      xml.writeEndElement(); // deposit
      xml.writeEndDocument();
      xml.flush();
      finished = true;
    });
  }

  @Override
  public synchronized void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    if (!finished) {
      throw new IllegalStateException("deposit closed before its header was written");
    }
  }

  // ---- pieces ----------------------------------------------------------------------------

  private interface Xml {
    void write() throws XMLStreamException;
  }

  private static void run(Xml w) {
    try {
      w.write();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the deposit", e);
    }
  }

  private void contents() throws XMLStreamException {
    if (inDeletes) {
      xml.writeEndElement();
      inDeletes = false;
    }
    if (!inContents) {
      xml.writeStartElement(RdeNs.RDE, "contents");
      inContents = true;
    }
  }

  private void start(String ns, String local) throws XMLStreamException {
    contents();
    xml.writeStartElement(ns, local);
  }

  private void end(String ns) throws XMLStreamException {
    xml.writeEndElement();
    written.merge(ns, 1L, Long::sum);
  }

  private void text(String ns, String local, String value) throws XMLStreamException {
    xml.writeStartElement(ns, local);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void opt(String ns, String local, Object value) throws XMLStreamException {
    if (value != null) {
      text(ns, local, value.toString());
    }
  }

  private void status(String ns, String s) throws XMLStreamException {
    xml.writeEmptyElement(ns, "status");
    xml.writeAttribute("s", s);
  }

  private void addr(String ns, String address, String ip) throws XMLStreamException {
    xml.writeStartElement(ns, "addr");
    xml.writeAttribute("ip", ip);
    xml.writeCharacters(address);
    xml.writeEndElement();
  }

  private void phone(String ns, String local, String number, String ext)
      throws XMLStreamException {
    if (number == null) {
      return;
    }
    xml.writeStartElement(ns, local);
    if (ext != null) {
      xml.writeAttribute("x", ext);
    }
    xml.writeCharacters(number);
    xml.writeEndElement();
  }

  /** An address: {@code <addr>} with street, city, sp, pc, cc in namespace {@code ns}. */
  private void address(String ns, PostalInfo p) throws XMLStreamException {
    xml.writeStartElement(ns, "addr");
    for (String s : p.street()) {
      text(ns, "street", s);
    }
    text(ns, "city", p.city());
    opt(ns, "sp", p.sp());
    opt(ns, "pc", p.pc());
    text(ns, "cc", p.cc());
    xml.writeEndElement();
  }

  private void transfer(String ns, PendingTransfer t, boolean withExpiry)
      throws XMLStreamException {
    if (t == null || t.status() == null || t.requestedAt() == null || t.actionBy() == null) {
      return;
    }
    xml.writeStartElement(ns, "trnData");
    text(ns, "trStatus", t.status().epp());
    text(ns, "reRr", t.gainingRegistrarId());
    text(ns, "reDate", t.requestedAt().toString());
    text(ns, "acRr", t.losingRegistrarId());
    text(ns, "acDate", t.actionBy().toString());
    if (withExpiry) {
      opt(ns, "exDate", t.newExpiresAt());
    }
    xml.writeEndElement();
  }

  private void ds(List<DsData> ds) throws XMLStreamException {
    if (ds.isEmpty()) {
      return;
    }
    String s = RdeNs.SEC_DNS;
    xml.writeStartElement(RdeNs.DOMAIN, "secDNS");
    for (DsData d : ds) {
      xml.writeStartElement(s, "dsData");
      text(s, "keyTag", Integer.toString(d.keyTag()));
      text(s, "alg", Integer.toString(d.algorithm()));
      text(s, "digestType", Integer.toString(d.digestType()));
      text(s, "digest", d.digest());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** RFC 5733 §2.9 disclose, children in the order of contact:discloseType. */
  private void disclose(Disclose d) throws XMLStreamException {
    if (d == null || d.fields().isEmpty()) {
      return;
    }
    String c = RdeNs.E_CONTACT;
    xml.writeStartElement(RdeNs.CONTACT, "disclose");
    xml.writeAttribute("flag", d.flag() ? "1" : "0");
    for (String element : List.of("name", "org", "addr")) {
      for (String form : List.of("int", "loc")) {
        if (d.fields().contains(element + ":" + form)) {
          xml.writeEmptyElement(c, element);
          xml.writeAttribute("type", form);
        }
      }
    }
    for (String element : List.of("voice", "fax", "email")) {
      if (d.fields().contains(element)) {
        xml.writeEmptyElement(c, element);
      }
    }
    xml.writeEndElement();
  }

  private static String registrarStatus(Registrar.Status s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case ACTIVE -> "ok";
      case SUSPENDED -> "readonly";
      case TERMINATED -> "terminated";
    };
  }
}
