package org.opentld.registry.functions.jobs.rde;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an escrow deposit as a stream (StAX): each object under {@code <rde:contents>} and
 * each entry under {@code <rde:deletes>} is read into a small tree of its own and handed to a
 * {@link Handler}, then dropped, so a deposit of any size is read in constant memory. It
 * checks no schema (see {@link RdeSchemas}); it refuses DTDs and external entities.
 */
final class DepositReader {
  private DepositReader() {}

  /** One element of an object: namespace, local name, attributes, text and children. */
  record Node(String ns, String name, Map<String, String> attrs, String text, List<Node> children) {
    Optional<Node> child(String local) {
      return children.stream().filter(c -> c.name.equals(local)).findFirst();
    }

    List<Node> all(String local) {
      return children.stream().filter(c -> c.name.equals(local)).toList();
    }

    /** The trimmed text of the first child called {@code local}, or null. */
    String text(String local) {
      return child(local).map(n -> n.text.strip()).orElse(null);
    }

    Instant instant(String local) {
      String t = text(local);
      return t == null ? null : java.time.OffsetDateTime.parse(t).toInstant();
    }

    String attr(String name) {
      return attrs.get(name);
    }
  }

  /** Receives what the deposit holds, in document order. */
  interface Handler {
    default void deposit(String type, String id, Instant watermark) {}

    /** An object under {@code <rde:contents>} (domain, host, contact, registrar, header...). */
    default void content(Node object) {}

    /** An entry under {@code <rde:deletes>}: the element names the object's namespace. */
    default void delete(Node entry) {}
  }

  static void read(InputStream in, Handler handler) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
    try {
      String type = null;
      String id = null;
      int depth = 0;
      String section = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String ns = r.getNamespaceURI();
          String local = r.getLocalName();
          if (depth == 1) {
            if (!RdeNs.RDE.equals(ns) || !local.equals("deposit")) {
              throw new XMLStreamException("not an RFC 8909 deposit: " + local);
            }
            type = r.getAttributeValue(XMLConstants.NULL_NS_URI, "type");
            id = r.getAttributeValue(XMLConstants.NULL_NS_URI, "id");
          } else if (depth == 2 && RdeNs.RDE.equals(ns) && local.equals("watermark")) {
            handler.deposit(type, id, Instant.parse(r.getElementText().strip()));
            depth--;
          } else if (depth == 2) {
            section = local;
            if (!local.equals("deletes") && !local.equals("contents")) {
              skip(r);
              depth--;
              section = null;
            }
          } else if (depth == 3) {
            Node n = subtree(r);
            depth--;
            if ("contents".equals(section)) {
              handler.content(n);
            } else {
              handler.delete(n);
            }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 1) {
            section = null;
          }
        }
      }
    } finally {
      r.close();
    }
  }

  /** Reads the element the reader is on, up to and including its end tag. */
  private static Node subtree(XMLStreamReader r) throws XMLStreamException {
    String ns = r.getNamespaceURI();
    String name = r.getLocalName();
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    List<Node> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        children.add(subtree(r));
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        return new Node(ns, name, attrs, text.toString(), children);
      }
    }
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
