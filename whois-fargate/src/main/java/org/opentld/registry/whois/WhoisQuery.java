package org.opentld.registry.whois;

import java.util.Locale;

/**
 * One WHOIS query line (RFC 3912 §2) split into what it asks for and its argument: {@code NAME},
 * {@code domain NAME}, {@code nameserver NAME} or {@code registrar NAME-or-IANA-ID}. The keywords
 * are case-insensitive; a bare name is a domain, or a host when no domain has it.
 *
 * @param argument the rest of the line without surrounding white space (may contain spaces for a
 *     registrar name)
 */
public record WhoisQuery(Kind kind, String argument) {
  /** The forms of query this server answers. */
  public enum Kind {
    /** A bare name: a domain of ours, else a host. */
    NAME,
    DOMAIN,
    NAMESERVER,
    REGISTRAR,
    /** Nothing but white space. */
    EMPTY
  }

  public WhoisQuery {
    argument = argument == null ? "" : argument;
  }

  /** Parses a query line (without its line end). Never fails: a name is checked later. */
  public static WhoisQuery parse(String line) {
    String q = line == null ? "" : line.strip();
    if (q.isEmpty()) {
      return new WhoisQuery(Kind.EMPTY, "");
    }
    int space = firstSpace(q);
    if (space > 0) {
      String keyword = q.substring(0, space).toLowerCase(Locale.ROOT);
      String rest = q.substring(space + 1).strip();
      Kind kind =
          switch (keyword) {
            case "domain" -> Kind.DOMAIN;
            case "nameserver" -> Kind.NAMESERVER;
            case "registrar" -> Kind.REGISTRAR;
            default -> null;
          };
      if (kind != null && !rest.isEmpty()) {
        return new WhoisQuery(kind, rest);
      }
    }
    return new WhoisQuery(Kind.NAME, q);
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
