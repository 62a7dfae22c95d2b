package org.opentld.registry.epp;

import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a request is, for logs, metrics and the activity report: {@code hello}, {@code login},
 * {@code logout}, {@code poll:req}, {@code domain:create}, {@code domain:transfer:request},
 * {@code domain:rgp-restore:request}..., and the TLD of a domain command (everything after
 * the first label of its first name: names are registered directly under a TLD). Read from the
 * parsed document before validation, so it never fails; names come only from fixed lists (so a
 * client cannot grow the metrics without bound), unknown shapes are {@code other}.
 *
 * @param tld lower-case TLD of a domain command, or null
 */
public record CommandType(String name, String tld) {
  public static final CommandType UNPARSED = new CommandType("unparsed", null);
  /** RFC 5730 §2.9 verbs; anything else a client makes up is counted as {@code other}. */
  private static final Set<String> VERBS = Set.of("login", "logout", "check", "info", "create",
      "update", "delete", "renew", "transfer", "poll");
  private static final Set<String> OPS = Set.of("req", "ack", "request", "query", "approve",
      "reject", "cancel", "report");

  public static CommandType of(Document doc) {
    Element root = doc.getDocumentElement();
    if (root == null || !EppNs.EPP.equals(root.getNamespaceURI())) {
      return new CommandType("other", null);
    }
    Element body = Dom.firstChild(root).orElse(null);
    if (body == null || !EppNs.EPP.equals(body.getNamespaceURI())) {
      return new CommandType("other", null);
    }
    if (!"command".equals(body.getLocalName())) {
      return new CommandType("hello".equals(body.getLocalName()) ? "hello" : "other", null);
    }
    Element verb = Dom.firstChild(body).orElse(null);
    if (verb == null || !EppNs.EPP.equals(verb.getNamespaceURI())) {
      return new CommandType("other", null);
    }
    String v = verb.getLocalName();
    if (!VERBS.contains(v)) {
      return new CommandType("other", null);
    }
    if (v.equals("login") || v.equals("logout")) {
      return new CommandType(v, null);
    }
    if (v.equals("poll")) {
      return new CommandType("poll:" + op(verb.getAttribute("op")), null);
    }
    Element object = Dom.firstChild(verb).orElse(null);
    if (object == null) {
      return new CommandType(v, null);
    }
    String ns = object.getNamespaceURI();
    String kind =
        EppNs.DOMAIN.equals(ns) ? "domain"
        : EppNs.HOST.equals(ns) ? "host"
        : EppNs.CONTACT.equals(ns) ? "contact"
        : "other";
    String name = kind + ":" + v;
    if (v.equals("transfer") && verb.hasAttribute("op")) {
      name += ":" + op(verb.getAttribute("op"));
    }
    if (kind.equals("domain") && v.equals("update")) {
      String restore = restoreOp(body);
      if (restore != null) {
        name = "domain:rgp-restore:" + restore;
      }
    }
    return new CommandType(name, kind.equals("domain") ? tld(object) : null);
  }

  private static String restoreOp(Element command) {
    return Dom.child(command, EppNs.EPP, "extension")
        .flatMap(ext -> Dom.child(ext, EppNs.RGP, "update"))
        .flatMap(u -> Dom.child(u, EppNs.RGP, "restore"))
        .map(r -> op(r.getAttribute("op")))
        .orElse(null);
  }

  private static String op(String op) {
    return OPS.contains(op) ? op : "other";
  }

  private static String tld(Element object) {
    String first = Dom.children(object).stream()
        .filter(e -> "name".equals(e.getLocalName()))
        .map(Dom::text)
        .findFirst()
        .orElse(null);
    if (first == null) {
      return null;
    }
    String n = first.trim().toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    int dot = n.indexOf('.');
    String tld = dot < 0 ? null : n.substring(dot + 1);
    return tld != null && tld.matches("[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63}){0,3}") ? tld : null;
  }
}
