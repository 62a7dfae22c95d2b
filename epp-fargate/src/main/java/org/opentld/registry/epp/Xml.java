package org.opentld.registry.epp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A minimal streaming XML writer for responses: elements are opened and closed in order,
 * text and attribute values are always escaped, so client-supplied values (clTRID, names)
 * can never inject markup.
 */
public final class Xml {
  private final StringBuilder sb = new StringBuilder(512);
  private boolean tagOpen;

  /** Opens {@code <name attr="value" ...>}; attributes as name/value pairs. */
  public Xml open(String name, String... attrs) {
    closeTag();
    sb.append('<').append(name);
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        sb.append(' ').append(attrs[i]).append("=\"");
        escape(attrs[i + 1], true);
        sb.append('"');
      }
    }
    tagOpen = true;
    return this;
  }

  public Xml close(String name) {
    if (tagOpen) {
      sb.append("/>");
      tagOpen = false;
    } else {
      sb.append("</").append(name).append('>');
    }
    return this;
  }

  /** {@code <name attrs>text</name>}; nothing at all when text is null. */
  public Xml leaf(String name, String text, String... attrs) {
    if (text == null) {
      return this;
    }
    open(name, attrs);
    closeTag();
    escape(text, false);
    sb.append("</").append(name).append('>');
    return this;
  }

  /** An empty element {@code <name attrs/>}. */
  public Xml empty(String name, String... attrs) {
    return open(name, attrs).close(name);
  }

  /** Appends markup already produced by another {@link Xml}. */
  public Xml raw(String markup) {
    closeTag();
    sb.append(markup);
    return this;
  }

  @Override
  public String toString() {
    closeTag();
    return sb.toString();
  }

  /** An instant as EPP dateTime in UTC, to the millisecond (RFC 5730 §4, xs:dateTime). */
  public static String time(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void closeTag() {
    if (tagOpen) {
      sb.append('>');
      tagOpen = false;
    }
  }

  private void escape(String s, boolean attr) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append(attr ? "&quot;" : "\"");
        default -> {
          // Characters XML 1.0 cannot carry at all are dropped rather than sent.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
  }
}
