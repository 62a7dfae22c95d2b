package org.opentld.registry.epp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small helpers for reading a validated EPP document: children by namespace and name. */
public final class Dom {
  private Dom() {}

  /** Child elements of {@code parent}, in order. */
  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Child elements with the given namespace and local name. */
  public static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Element e : children(parent)) {
      if (ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  public static Optional<Element> child(Element parent, String ns, String name) {
    List<Element> all = children(parent, ns, name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The first child element, whatever it is (the schema has already fixed which). */
  public static Optional<Element> firstChild(Element parent) {
    List<Element> all = children(parent);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The trimmed text of a child, or null when absent. */
  public static String text(Element parent, String ns, String name) {
    return child(parent, ns, name).map(Dom::text).orElse(null);
  }

  /** Whitespace-collapsed text, as the schema's token type reads it. */
  public static String text(Element e) {
    return e.getTextContent().trim().replaceAll("\\s+", " ");
  }

  public static List<String> texts(Element parent, String ns, String name) {
    return children(parent, ns, name).stream().map(Dom::text).toList();
  }

  /** An attribute value, or {@code fallback} when absent. */
  public static String attr(Element e, String name, String fallback) {
    return e.hasAttribute(name) ? e.getAttribute(name).trim() : fallback;
  }
}
