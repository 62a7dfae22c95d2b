package org.opentld.registry.lookup;

import org.opentld.registry.domain.DomainCheck;

/**
 * The public answer to "can I register this name?" (the domain availability service), read from
 * a {@link DomainCheck} result so that every front end (DAS, WHOIS, panel) words it the same way.
 * A premium name that is free is {@link #PREMIUM}, not {@link #AVAILABLE}, because its price is
 * not the TLD's standard one and a registrant must be told before buying.
 */
public enum Availability {
  AVAILABLE("available"),
  PREMIUM("premium"),
  REGISTERED("registered"),
  RESERVED("reserved"),
  INVALID("invalid");

  private final String label;

  Availability(String label) {
    this.label = label;
  }

  /** The lower-case word used in DAS answers. */
  public String label() {
    return label;
  }

  /**
   * Classifies one check result. {@link DomainCheck} answers a name it could not even parse or
   * place under one of our TLDs as unavailable with the parse error as reason and no
   * normalisation; a name that exists is answered "In use".
   */
  public static Availability of(DomainCheck.Result r) {
    if (r.reserved()) {
      return RESERVED;
    }
    if (r.available()) {
      return r.premium() ? PREMIUM : AVAILABLE;
    }
    return DomainCheck.IN_USE.equals(r.reason()) ? REGISTERED : INVALID;
  }
}
