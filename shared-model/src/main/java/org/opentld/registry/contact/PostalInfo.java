package org.opentld.registry.contact;

import java.util.List;

/**
 * Postal information of a contact (RFC 5733 §2.4): {@code int} (7-bit ASCII) or {@code loc}
 * (UTF-8) form.
 */
public record PostalInfo(
    Type type,
    String name,
    String org,
    List<String> street,
    String city,
    String sp,
    String pc,
    String cc) {
  /** The two forms of RFC 5733 §2.4. */
  public enum Type {
    INT("int"),
    LOC("loc");

    private final String epp;

    Type(String epp) {
      this.epp = epp;
    }

    public String epp() {
      return epp;
    }
  }

  public PostalInfo {
    street = street == null ? List.of() : List.copyOf(street);
  }
}
