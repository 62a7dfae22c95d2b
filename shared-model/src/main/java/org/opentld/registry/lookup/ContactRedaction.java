package org.opentld.registry.lookup;

import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.PostalInfo;

/**
 * What of a contact the public may see (ICANN Registration Data Policy §3.2 and RFC 9537):
 * organization, state/province and country are published; name, street, city, postal code,
 * phone, fax and e-mail are redacted unless the contact's disclose preference (RFC 5733 §2.9)
 * explicitly allows them.
 *
 * @param redacted the names of the fields withheld, as RDAP redaction names
 */
public record ContactRedaction(
    String handle,
    String name,
    String org,
    List<String> street,
    String city,
    String sp,
    String pc,
    String cc,
    String voice,
    String fax,
    String email,
    List<String> redacted) {

  /** The public view of a contact. */
  public static ContactRedaction of(Contact c) {
    PostalInfo p =
        c.postalInfo().stream()
            .filter(x -> x.type() == PostalInfo.Type.INT)
            .findFirst()
            .orElse(c.postalInfo().isEmpty() ? null : c.postalInfo().get(0));
    List<String> redacted = new ArrayList<>();
    String form = p == null ? "int" : p.type().epp();
    String name = disclosed(c, "name:" + form) && p != null ? p.name() : mark(redacted, "Name", p != null && p.name() != null);
    List<String> street = disclosed(c, "addr:" + form) && p != null ? p.street() : List.of();
    if (street.isEmpty() && p != null && !p.street().isEmpty()) {
      redacted.add("Street");
    }
    String city = disclosed(c, "addr:" + form) && p != null ? p.city() : mark(redacted, "City", p != null && p.city() != null);
    String pc = disclosed(c, "addr:" + form) && p != null ? p.pc() : mark(redacted, "Postal Code", p != null && p.pc() != null);
    String voice = disclosed(c, "voice") ? c.voice() : mark(redacted, "Phone", c.voice() != null);
    String fax = disclosed(c, "fax") ? c.fax() : mark(redacted, "Fax", c.fax() != null);
    String email = disclosed(c, "email") ? c.email() : mark(redacted, "Email", c.email() != null);
    return new ContactRedaction(
        c.id(),
        name,
        p == null ? null : p.org(),
        street,
        city,
        p == null ? null : p.sp(),
        pc,
        p == null ? null : p.cc(),
        voice,
        fax,
        email,
        List.copyOf(redacted));
  }

  private static boolean disclosed(Contact c, String field) {
    return c.disclose() != null && c.disclose().flag() && c.disclose().fields().contains(field);
  }

  private static String mark(List<String> redacted, String what, boolean present) {
    if (present) {
      redacted.add(what);
    }
    return null;
  }
}
