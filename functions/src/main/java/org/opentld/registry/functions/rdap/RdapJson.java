package org.opentld.registry.functions.rdap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The members every RDAP answer shares (RFC 9083 §4, ICANN gTLD RDAP Response Profile 2.2
 * §2.6 and the Technical Implementation Guide): conformance, notices, links, events, error
 * bodies and jCard (RFC 7095) pieces.
 */
final class RdapJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String MEDIA_TYPE = "application/rdap+json";

  static final List<String> CONFORMANCE =
      List.of(
          "rdap_level_0",
          "icann_rdap_response_profile_1",
          "icann_rdap_technical_implementation_guide_1",
          "redacted");

  private final RdapConfig config;

  RdapJson(RdapConfig config) {
    this.config = config;
  }

  String base() {
    return config.baseUrl();
  }

  /** A new top-level answer: conformance first, as clients read it first. */
  ObjectNode top() {
    ObjectNode o = F.objectNode();
    ArrayNode c = o.putArray("rdapConformance");
    CONFORMANCE.forEach(c::add);
    return o;
  }

  /** Adds the notices of the profile; object lookups of domains add the two domain notices. */
  ObjectNode notices(ObjectNode top, boolean domainNotices, String selfHref) {
    ArrayNode n = top.putArray("notices");
    n.add(
        notice(
            "Terms of Service",
            List.of(
                "Service subject to the terms of service of this registry.",
                "Registration data is provided for lawful purposes only."),
            selfHref,
            "terms-of-service",
            config.termsUrl()));
    if (domainNotices) {
      n.add(
          notice(
              "Status Codes",
              List.of("For more information on domain status codes, please visit https://icann.org/epp"),
              selfHref,
              "glossary",
              "https://icann.org/epp"));
      n.add(
          notice(
              "RDDS Inaccuracy Complaint Form",
              List.of("URL of the ICANN RDDS Inaccuracy Complaint Form: https://icann.org/wicf"),
              selfHref,
              "help",
              "https://icann.org/wicf"));
    }
    return top;
  }

  private static ObjectNode notice(
      String title, List<String> description, String value, String rel, String href) {
    ObjectNode o = F.objectNode();
    o.put("title", title);
    ArrayNode d = o.putArray("description");
    description.forEach(d::add);
    o.putArray("links").add(link(value, rel, href, "text/html"));
    return o;
  }

  /** The notice that a search returned fewer objects than matched (RFC 9083 §10.2.1). */
  ObjectNode truncated(int limit) {
    ObjectNode o = F.objectNode();
    o.put("title", "Search Policy");
    o.put("type", "result set truncated due to excessive load");
    o.putArray("description")
        .add("Search results are limited to " + limit + " objects per query; refine the query.");
    return o;
  }

  static ObjectNode link(String value, String rel, String href, String type) {
    ObjectNode l = F.objectNode();
    l.put("value", value);
    l.put("rel", rel);
    l.put("href", href);
    l.put("type", type);
    return l;
  }

  /** The {@code self} link of an object at {@code path} (e.g. {@code /domain/x.test}). */
  ObjectNode self(String path) {
    String href = base() + path;
    return link(href, "self", href, MEDIA_TYPE);
  }

  /** A {@code related} link from the object at {@code from} to another of this service. */
  ObjectNode related(String from, String path) {
    return link(base() + from, "related", base() + path, MEDIA_TYPE);
  }

  static void event(ArrayNode events, String action, Instant at) {
    if (at != null) {
      ObjectNode e = events.addObject();
      e.put("eventAction", action);
      e.put("eventDate", at.truncatedTo(ChronoUnit.SECONDS).toString());
    }
  }

  /** The profile's "last update of RDAP database": answers are read live, so it is now. */
  static void lastUpdate(ArrayNode events, Instant now) {
    event(events, "last update of RDAP database", now);
  }

  /** An error body (RFC 9083 §6) with the terms of service notice. */
  ObjectNode error(int status, String title, String description) {
    ObjectNode o = top();
    o.put("errorCode", status);
    o.put("title", title);
    o.putArray("description").add(description);
    return notices(o, false, base() + "/help");
  }

  /** A jCard property {@code [name, {params}, type, value]}. */
  static ArrayNode vcardProperty(ArrayNode card, String name, ObjectNode params, String type) {
    ArrayNode p = card.addArray();
    p.add(name);
    p.add(params == null ? F.objectNode() : params);
    p.add(type);
    return p;
  }

  /** A new jCard ({@code ["vcard", [["version", {}, "text", "4.0"]]]}) and its property list. */
  static ArrayNode vcard(ObjectNode entity) {
    ArrayNode arr = entity.putArray("vcardArray");
    arr.add("vcard");
    ArrayNode props = arr.addArray();
    vcardProperty(props, "version", null, "text").add("4.0");
    return props;
  }

  static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
