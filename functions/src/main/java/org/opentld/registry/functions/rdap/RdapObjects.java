package org.opentld.registry.functions.rdap;

import static org.opentld.registry.functions.rdap.RdapJson.F;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.host.Host;
import org.opentld.registry.lookup.ContactRedaction;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.registrar.Registrar;

/**
 * Registry objects as RDAP object classes (RFC 9083 §5): domain, nameserver and entity, shaped
 * by the ICANN gTLD RDAP Response Profile 2.2 (registrar entity with IANA ID and abuse contact,
 * events, secureDNS, status values of RFC 8056). What of a contact is public is decided by
 * {@link ContactRedaction}; this class only places it and describes the rest with RFC 9537
 * {@code redacted} members.
 */
final class RdapObjects {
  private final RdapJson json;
  private final PublicLookup lookup;

  RdapObjects(RdapJson json, PublicLookup lookup) {
    this.json = json;
    this.lookup = lookup;
  }

  /** A full domain: nameservers, secureDNS, registrar and (redacted) contacts. */
  ObjectNode domain(ObjectNode o, Domain d, Instant now) {
    String path = "/domain/" + d.name();
    domainSummary(o, d, now);
    ArrayNode ns = o.putArray("nameservers");
    for (Host h : lookup.nameservers(d)) {
      ns.add(nameserver(F.objectNode(), h, false, now));
    }
    ObjectNode sec = o.putObject("secureDNS");
    sec.put("delegationSigned", !d.dsData().isEmpty());
    if (!d.dsData().isEmpty()) {
      ArrayNode ds = sec.putArray("dsData");
      for (DsData x : d.dsData()) {
        ObjectNode r = ds.addObject();
        r.put("keyTag", x.keyTag());
        r.put("algorithm", x.algorithm());
        r.put("digest", x.digest());
        r.put("digestType", x.digestType());
      }
    }
    ArrayNode entities = o.putArray("entities");
    ArrayNode redacted = F.arrayNode();
    Optional<Registrar> sponsor = lookup.registrar(d.registrarId());
    sponsor.ifPresent(r -> entities.add(registrar(F.objectNode(), r, now)));
    addContact(entities, redacted, "registrant", "Registrant", d.registrant());
    addContact(entities, redacted, "administrative", "Admin", d.contacts().get(Domain.ContactType.ADMIN));
    addContact(entities, redacted, "technical", "Tech", d.contacts().get(Domain.ContactType.TECH));
    addContact(entities, redacted, "billing", "Billing", d.contacts().get(Domain.ContactType.BILLING));
    sponsor
        .filter(r -> r.ianaId() != null)
        .ifPresent(r -> ((ArrayNode) o.get("links")).add(json.related(path, "/entity/" + r.ianaId())));
    if (!redacted.isEmpty()) {
      o.set("redacted", redacted);
    }
    return o;
  }

  /** The members of a domain that search results carry too. */
  ObjectNode domainSummary(ObjectNode o, Domain d, Instant now) {
    o.put("objectClassName", "domain");
    o.put("handle", d.roid());
    DomainName n = DomainName.parse(d.name());
    o.put("ldhName", n.ascii());
    if (n.isIdn()) {
      o.put("unicodeName", n.unicode());
    }
    status(o, RdapStatus.of(d.effectiveStatuses(), d.rgpStatuses(now)));
    ArrayNode ev = o.putArray("events");
    RdapJson.event(ev, "registration", d.createdAt());
    RdapJson.event(ev, "expiration", d.expiresAt());
    RdapJson.event(ev, "last changed", d.updatedAt());
    RdapJson.event(ev, "transfer", d.transferredAt());
    RdapJson.lastUpdate(ev, now);
    o.putArray("links").add(json.self("/domain/" + d.name()));
    return o;
  }

  /**
   * A nameserver; {@code full} for a lookup (registrar entity and events), else the embedded
   * form of a domain answer. Only a subordinate host has addresses (its glue).
   */
  ObjectNode nameserver(ObjectNode o, Host h, boolean full, Instant now) {
    o.put("objectClassName", "nameserver");
    o.put("handle", h.roid());
    DomainName n = DomainName.parse(h.name());
    o.put("ldhName", n.ascii());
    if (n.isIdn()) {
      o.put("unicodeName", n.unicode());
    }
    if (!h.inetV4().isEmpty() || !h.inetV6().isEmpty()) {
      ObjectNode ip = o.putObject("ipAddresses");
      if (!h.inetV4().isEmpty()) {
        h.inetV4().forEach(ip.putArray("v4")::add);
      }
      if (!h.inetV6().isEmpty()) {
        h.inetV6().forEach(ip.putArray("v6")::add);
      }
    }
    status(o, RdapStatus.of(h.effectiveStatuses(), List.of()));
    ArrayNode links = o.putArray("links");
    links.add(json.self("/nameserver/" + h.name()));
    if (full) {
      if (h.subordinate()) {
        links.add(json.related("/nameserver/" + h.name(), "/domain/" + h.superordinateDomain()));
      }
      ArrayNode ev = o.putArray("events");
      RdapJson.event(ev, "registration", h.createdAt());
      RdapJson.event(ev, "last changed", h.updatedAt());
      RdapJson.lastUpdate(ev, now);
      lookup
          .registrar(h.registrarId())
          .ifPresent(r -> o.putArray("entities").add(registrar(F.objectNode(), r, now)));
    }
    return o;
  }

  /** A registrar: IANA ID as handle and public ID, name, and its abuse contact (RP §2.4). */
  ObjectNode registrar(ObjectNode o, Registrar r, Instant now) {
    o.put("objectClassName", "entity");
    String handle = r.ianaId() != null ? Long.toString(r.ianaId()) : r.id();
    o.put("handle", handle);
    o.putArray("roles").add("registrar");
    if (r.ianaId() != null) {
      ObjectNode id = o.putArray("publicIds").addObject();
      id.put("type", "IANA Registrar ID");
      id.put("identifier", Long.toString(r.ianaId()));
    }
    ArrayNode card = RdapJson.vcard(o);
    RdapJson.vcardProperty(card, "fn", null, "text").add(r.name());
    if (r.url() != null) {
      RdapJson.vcardProperty(card, "url", null, "uri").add(r.url());
    }
    ArrayNode links = o.putArray("links");
    links.add(json.self("/entity/" + handle));
    if (r.url() != null) {
      links.add(RdapJson.link(json.base() + "/entity/" + handle, "about", r.url(), "text/html"));
    }
    status(o, List.of(r.status() == Registrar.Status.ACTIVE ? "active" : "inactive"));
    if (r.abuseEmail() != null || r.abusePhone() != null) {
      ObjectNode abuse = o.putArray("entities").addObject();
      abuse.put("objectClassName", "entity");
      abuse.putArray("roles").add("abuse");
      ArrayNode ac = RdapJson.vcard(abuse);
      RdapJson.vcardProperty(ac, "fn", null, "text").add("Abuse contact of " + r.name());
      if (r.abusePhone() != null) {
        ObjectNode type = F.objectNode();
        type.putArray("type").add("voice");
        RdapJson.vcardProperty(ac, "tel", type, "uri").add("tel:" + r.abusePhone());
      }
      if (r.abuseEmail() != null) {
        RdapJson.vcardProperty(ac, "email", null, "text").add(r.abuseEmail());
      }
    }
    return o;
  }

  /**
   * A contact as the public may see it. {@code rolePrefix} is the JSONPath that reaches this
   * entity from the top of the answer ({@code $} for a lookup of the contact itself).
   */
  ObjectNode contact(ObjectNode o, Contact c, ArrayNode redacted, String entityPath, String who) {
    ContactRedaction pub = ContactRedaction.of(c);
    o.put("objectClassName", "entity");
    o.put("handle", pub.handle());
    ArrayNode card = RdapJson.vcard(o);
    // fn is required in a jCard: a redacted name stays as an empty value (RFC 9537 §3.2).
    RdapJson.vcardProperty(card, "fn", null, "text").add(pub.name() == null ? "" : pub.name());
    if (pub.org() != null) {
      RdapJson.vcardProperty(card, "org", null, "text").add(pub.org());
    }
    ObjectNode adrParams = F.objectNode();
    if (pub.cc() != null) {
      adrParams.put("cc", pub.cc());
    }
    ArrayNode adr = RdapJson.vcardProperty(card, "adr", adrParams, "text").addArray();
    adr.add("");
    adr.add("");
    if (pub.street().isEmpty()) {
      adr.add("");
    } else {
      pub.street().forEach(adr.addArray()::add);
    }
    adr.add(nz(pub.city()));
    adr.add(nz(pub.sp()));
    adr.add(nz(pub.pc()));
    adr.add("");
    if (pub.voice() != null) {
      ObjectNode t = F.objectNode();
      t.putArray("type").add("voice");
      RdapJson.vcardProperty(card, "tel", t, "uri").add("tel:" + pub.voice());
    }
    if (pub.fax() != null) {
      ObjectNode t = F.objectNode();
      t.putArray("type").add("fax");
      RdapJson.vcardProperty(card, "tel", t, "uri").add("tel:" + pub.fax());
    }
    if (pub.email() != null) {
      RdapJson.vcardProperty(card, "email", null, "text").add(pub.email());
    }
    String props = entityPath + ".vcardArray[1]";
    for (String field : pub.redacted()) {
      redacted.add(redaction(field, who, props));
    }
    return o;
  }

  private void addContact(
      ArrayNode entities, ArrayNode redacted, String role, String who, String contactId) {
    if (contactId == null) {
      return;
    }
    lookup
        .contact(contactId)
        .ifPresent(
            c -> {
              ObjectNode e = entities.addObject();
              String path = "$.entities[?(@.roles[0]=='" + role + "')]";
              contact(e, c, redacted, path, who);
              e.putArray("roles").add(role);
            });
  }

  /** Where each redacted field was (RFC 9537 §4.2) and how: emptied or removed. */
  private static final Map<String, String[]> FIELDS =
      Map.of(
          "Name", new String[] {"[?(@[0]=='fn')][3]", "emptyValue"},
          "Street", new String[] {"[?(@[0]=='adr')][3][2]", "emptyValue"},
          "City", new String[] {"[?(@[0]=='adr')][3][3]", "emptyValue"},
          "Postal Code", new String[] {"[?(@[0]=='adr')][3][5]", "emptyValue"},
          "Phone", new String[] {"[?(@[1].type=='voice')]", "removal"},
          "Fax", new String[] {"[?(@[1].type=='fax')]", "removal"},
          "Email", new String[] {"[?(@[0]=='email')]", "removal"});

  private static ObjectNode redaction(String field, String who, String props) {
    String[] where = FIELDS.getOrDefault(field, new String[] {"", "removal"});
    ObjectNode r = F.objectNode();
    ObjectNode name = r.putObject("name");
    if (who != null) {
      name.put("type", who + " " + field);
    } else {
      name.put("description", field);
    }
    boolean empty = where[1].equals("emptyValue");
    r.put(empty ? "postPath" : "prePath", props + where[0]);
    r.put("pathLang", "jsonpath");
    r.put("method", where[1]);
    r.putObject("reason").put("description", "Server policy");
    return r;
  }

  static void status(ObjectNode o, List<String> values) {
    ArrayNode s = o.putArray("status");
    values.forEach(s::add);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
