package org.opentld.registry.whois;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.host.Host;
import org.opentld.registry.lookup.ContactRedaction;
import org.opentld.registry.registrar.Registrar;

/**
 * Renders registry objects in the labelled format of the 2013 Registry Agreement Specification 4
 * §1.4–1.7 with the labels of ICANN's RDDS Consistent Labeling and Display Policy. Names are shown
 * as lower-case A-labels, as stored (RFC 5891 §5.4); an IDN adds its U-label on an {@code
 * Internationalized Domain Name:} line. Lines end with CRLF (RFC 3912 §2).
 */
public final class WhoisFormat {
  static final String CRLF = "\r\n";
  static final String REDACTED = "REDACTED FOR PRIVACY";

  /**
   * The text registries show for a withheld contact e-mail (ICANN Temporary Spec App. A §2.5.1).
   */
  static final String EMAIL_VIA_REGISTRAR =
      "Please query the RDDS service of the Registrar of Record identified in this output for"
          + " information on how to contact the Registrant, Admin, or Tech contacts of the"
          + " queried domain name.";

  static final String WICF = "https://icann.org/wicf/";

  private final String termsOfUse;

  public WhoisFormat(String termsOfUse) {
    this.termsOfUse = termsOfUse;
  }

  /** A contact of a domain in one of its roles, or null when the domain has none. */
  public record RoleContact(String role, Contact contact) {}

  /** A domain record (Spec 4 §1.4.2). */
  public String domain(Domain d, Registrar sponsor, List<RoleContact> contacts, Instant now) {
    StringBuilder out = new StringBuilder();
    DomainName name = DomainName.parse(d.name());
    line(out, "Domain Name", name.ascii());
    if (name.isIdn()) {
      line(out, "Internationalized Domain Name", name.unicode());
    }
    line(out, "Registry Domain ID", d.roid());
    registrarLinks(out, sponsor);
    line(out, "Updated Date", date(d.updatedAt() != null ? d.updatedAt() : d.createdAt()));
    line(out, "Creation Date", date(d.createdAt()));
    line(out, "Registry Expiry Date", date(d.expiresAt()));
    line(out, "Registrar", sponsor == null ? d.registrarId() : sponsor.name());
    line(out, "Registrar IANA ID", sponsor == null ? "" : iana(sponsor));
    line(out, "Registrar Abuse Contact Email", sponsor == null ? "" : sponsor.abuseEmail());
    line(out, "Registrar Abuse Contact Phone", sponsor == null ? "" : sponsor.abusePhone());
    for (StatusValue s : d.effectiveStatuses()) {
      status(out, s.epp());
    }
    for (String rgp : d.rgpStatuses(now)) {
      status(out, rgp);
    }
    for (RoleContact rc : contacts) {
      contact(out, rc);
    }
    for (String ns : d.nameservers()) {
      line(out, "Name Server", ns);
    }
    line(out, "DNSSEC", d.dsData().isEmpty() ? "unsigned" : "signedDelegation");
    line(out, "URL of the ICANN Whois Inaccuracy Complaint Form", WICF);
    return out.append(footer(now)).toString();
  }

  /** A nameserver record (Spec 4 §1.6). */
  public String host(Host h, Registrar sponsor, Instant now) {
    StringBuilder out = new StringBuilder();
    line(out, "Server Name", h.name());
    DomainName name = DomainName.parse(h.name());
    if (name.isIdn()) {
      line(out, "Internationalized Server Name", name.unicode());
    }
    for (String ip : h.inetV4()) {
      line(out, "IP Address", ip);
    }
    for (String ip : h.inetV6()) {
      line(out, "IP Address", ip);
    }
    line(out, "Registrar", sponsor == null ? h.registrarId() : sponsor.name());
    registrarLinks(out, sponsor);
    return out.append(footer(now)).toString();
  }

  /** A registrar record (Spec 4 §1.7); the registrar's postal address is not kept yet. */
  public String registrar(Registrar r, Instant now) {
    StringBuilder out = new StringBuilder();
    line(out, "Registrar", r.name());
    line(out, "Registrar IANA ID", iana(r));
    line(out, "Phone Number", r.phone());
    line(out, "Email", r.email());
    line(out, "Registrar WHOIS Server", r.whoisServer());
    line(out, "Referral URL", r.url());
    line(out, "Registrar Abuse Contact Email", r.abuseEmail());
    line(out, "Registrar Abuse Contact Phone", r.abusePhone());
    return out.append(footer(now)).toString();
  }

  /** The answer for a name or registrar this registry does not have. */
  public String notFound(String query, Instant now) {
    return "No match for \"" + query + "\"." + CRLF + footer(now);
  }

  /** A one-line notice starting with {@code %%}, the convention for server messages. */
  public static String notice(String text) {
    return "%% " + text + CRLF;
  }

  private void contact(StringBuilder out, RoleContact rc) {
    String r = rc.role();
    line(out, "Registry " + r + " ID", REDACTED);
    ContactRedaction c = rc.contact() == null ? null : ContactRedaction.of(rc.contact());
    List<String> redacted = c == null ? List.of() : c.redacted();
    line(out, r + " Name", shown(c == null ? null : c.name(), redacted, "Name"));
    line(out, r + " Organization", c == null ? "" : c.org());
    if (c == null || c.street().isEmpty()) {
      line(out, r + " Street", redacted.contains("Street") ? REDACTED : "");
    } else {
      c.street().forEach(s -> line(out, r + " Street", s));
    }
    line(out, r + " City", shown(c == null ? null : c.city(), redacted, "City"));
    line(out, r + " State/Province", c == null ? "" : c.sp());
    line(out, r + " Postal Code", shown(c == null ? null : c.pc(), redacted, "Postal Code"));
    line(out, r + " Country", c == null ? "" : c.cc());
    line(out, r + " Phone", shown(c == null ? null : c.voice(), redacted, "Phone"));
    line(out, r + " Phone Ext", ext(rc.contact(), redacted, "Phone"));
    line(out, r + " Fax", shown(c == null ? null : c.fax(), redacted, "Fax"));
    line(out, r + " Fax Ext", ext(rc.contact(), redacted, "Fax"));
    String email = c == null ? null : c.email();
    line(
        out,
        r + " Email",
        email != null ? email : redacted.contains("Email") ? EMAIL_VIA_REGISTRAR : "");
  }

  /** An extension is withheld with its number; shown only beside a disclosed number. */
  private static String ext(Contact c, List<String> redacted, String field) {
    if (c == null) {
      return "";
    }
    if (redacted.contains(field)) {
      return REDACTED;
    }
    return "Phone".equals(field) ? c.voiceExt() : c.faxExt();
  }

  private static String shown(String value, List<String> redacted, String field) {
    if (value != null) {
      return value;
    }
    return redacted.contains(field) ? REDACTED : "";
  }

  private static void registrarLinks(StringBuilder out, Registrar sponsor) {
    line(out, "Registrar WHOIS Server", sponsor == null ? "" : sponsor.whoisServer());
    line(out, "Registrar URL", sponsor == null ? "" : sponsor.url());
  }

  private static String iana(Registrar r) {
    return r.ianaId() == null ? "" : r.ianaId().toString();
  }

  private static void status(StringBuilder out, String epp) {
    line(out, "Domain Status", epp + " https://icann.org/epp#" + epp);
  }

  private String footer(Instant now) {
    return ">>> Last update of WHOIS database: "
        + date(now)
        + " <<<"
        + CRLF
        + CRLF
        + termsOfUse.replace("\r\n", "\n").replace("\n", CRLF)
        + CRLF;
  }

  /** UTC, ISO-8601 with a Z and whole seconds, as Spec 4 §1.4 shows dates. */
  static String date(Instant t) {
    return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(label).append(':');
    if (value != null && !value.isEmpty()) {
      out.append(' ').append(value);
    }
    out.append(CRLF);
  }
}
