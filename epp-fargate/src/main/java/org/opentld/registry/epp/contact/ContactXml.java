package org.opentld.registry.epp.contact;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/** Reading and writing the parts of contact commands that several commands share (RFC 5733). */
final class ContactXml {
  /** Disclose element names in the schema's order (RFC 5733 §2.9, contact:discloseType). */
  private static final List<String> DISCLOSE_ORDER =
      List.of("name:int", "name:loc", "org:int", "org:loc", "addr:int", "addr:loc", "voice",
          "fax", "email");

  private ContactXml() {}

  /** A phone number with its {@code x} extension (RFC 5733 §2.5); both null when absent. */
  record Phone(String number, String ext) {}

  static Phone phone(Element parent, String name) {
    return Dom.child(parent, EppNs.CONTACT, name)
        .map(e -> new Phone(Dom.text(e), e.hasAttribute("x") ? Dom.attr(e, "x", null) : null))
        .orElse(new Phone(null, null));
  }

  /**
   * The {@code <contact:postalInfo>} children of {@code parent}. For create every part the
   * schema requires is there; for update ({@code chgPostalInfoType}) an absent name, org or
   * address is null (unchanged) and an empty org is "" (removed), as the registry expects.
   */
  static List<PostalInfo> postalInfo(Element parent) {
    List<PostalInfo> out = new ArrayList<>();
    for (Element p : Dom.children(parent, EppNs.CONTACT, "postalInfo")) {
      PostalInfo.Type type =
          "loc".equals(Dom.attr(p, "type", "")) ? PostalInfo.Type.LOC : PostalInfo.Type.INT;
      Optional<Element> addr = Dom.child(p, EppNs.CONTACT, "addr");
      out.add(
          new PostalInfo(
              type,
              line(p, "name"),
              line(p, "org"),
              addr.map(a -> Dom.children(a, EppNs.CONTACT, "street").stream()
                      .map(ContactXml::line).toList())
                  .orElse(List.of()),
              addr.map(a -> line(a, "city")).orElse(null),
              addr.map(a -> line(a, "sp")).orElse(null),
              addr.map(a -> Dom.text(a, EppNs.CONTACT, "pc")).orElse(null),
              addr.map(a -> Dom.text(a, EppNs.CONTACT, "cc")).orElse(null)));
    }
    return out;
  }

  /**
   * A postal line as the schema reads a normalizedString: tabs and line breaks count as
   * spaces, other spacing is kept (the registry trims).
   */
  private static String line(Element e) {
    return e.getTextContent().replaceAll("[\t\n\r]", " ");
  }

  private static String line(Element parent, String name) {
    return Dom.child(parent, EppNs.CONTACT, name).map(ContactXml::line).orElse(null);
  }

  /** The password of a {@code <contact:authInfo>}, or null; {@code <ext>} is not implemented. */
  static String authInfo(Optional<Element> authInfo) {
    if (authInfo.isEmpty()) {
      return null;
    }
    if (Dom.child(authInfo.get(), EppNs.CONTACT, "ext").isPresent()) {
      throw new RegistryException.UnimplementedOption("only password authInfo is implemented");
    }
    // Passwords are compared exactly: no whitespace collapsing.
    return Dom.child(authInfo.get(), EppNs.CONTACT, "pw")
        .map(Element::getTextContent)
        .orElse(null);
  }

  /** {@code <contact:disclose flag>} as the registry's field names ({@code name:int}...). */
  static Disclose disclose(Optional<Element> disclose) {
    if (disclose.isEmpty()) {
      return null;
    }
    Element d = disclose.get();
    String flag = Dom.attr(d, "flag", "");
    Set<String> fields = new LinkedHashSet<>();
    for (Element f : Dom.children(d)) {
      fields.add(
          f.hasAttribute("type")
              ? f.getLocalName() + ":" + Dom.attr(f, "type", "")
              : f.getLocalName());
    }
    return new Disclose(flag.equals("1") || flag.equals("true"), fields);
  }

  /** Writes {@code <contact:disclose>} in the schema's element order. */
  static void writeDisclose(Xml x, Disclose d) {
    if (d == null || d.fields().isEmpty()) {
      return;
    }
    x.open("contact:disclose", "flag", d.flag() ? "1" : "0");
    for (String f : DISCLOSE_ORDER) {
      if (d.fields().contains(f)) {
        int colon = f.indexOf(':');
        if (colon < 0) {
          x.empty("contact:" + f);
        } else {
          x.empty("contact:" + f.substring(0, colon), "type", f.substring(colon + 1));
        }
      }
    }
    x.close("contact:disclose");
  }

  /** Writes one {@code <contact:postalInfo>}. */
  static void writePostalInfo(Xml x, PostalInfo p) {
    x.open("contact:postalInfo", "type", p.type().epp());
    x.leaf("contact:name", p.name()).leaf("contact:org", p.org());
    x.open("contact:addr");
    p.street().forEach(s -> x.leaf("contact:street", s));
    x.leaf("contact:city", p.city()).leaf("contact:sp", p.sp()).leaf("contact:pc", p.pc());
    x.leaf("contact:cc", p.cc());
    x.close("contact:addr").close("contact:postalInfo");
  }

  /** The {@code s} values of {@code <contact:status>} children; none when the parent is absent. */
  static Set<StatusValue> statuses(Optional<Element> parent) {
    Set<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    parent.ifPresent(
        p ->
            Dom.children(p, EppNs.CONTACT, "status")
                .forEach(s -> out.add(StatusValue.fromEpp(s.getAttribute("s")))));
    return out;
  }

  /**
   * A check reason that fits eppcom:reasonBaseType (1 to 32 characters): the registry's text
   * when short enough, else its gist.
   */
  static String reason(String text) {
    if (text == null || text.isBlank()) {
      return "Not available";
    }
    return text.length() <= 32 ? text : "Invalid contact id";
  }
}
