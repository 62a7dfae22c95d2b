package org.opentld.registry.functions.jobs.rde;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.functions.jobs.rde.DepositReader.Node;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.tld.Tld;

/**
 * RFC 9022 objects read back into the registry's records: the inverse of {@link
 * DepositWriter}. Statuses the registry derives (ok, inactive, linked, pendingTransfer,
 * pendingDelete) are not stored again; the redemption dates of a deleted domain, which RFC 9022
 * does not carry, follow from its last update and the TLD's policy. Whatever cannot be
 * restored is told to {@code note}.
 */
final class RdeObjects {
  /** Statuses a record stores; the others are derived from its state. */
  private static final Set<StatusValue> STORED = stored();

  private RdeObjects() {}

  private static Set<StatusValue> stored() {
    EnumSet<StatusValue> s = EnumSet.copyOf(StatusValue.CLIENT_DOMAIN);
    s.addAll(StatusValue.SERVER);
    s.addAll(List.of(StatusValue.PENDING_CREATE, StatusValue.PENDING_RENEW,
        StatusValue.PENDING_UPDATE));
    return s;
  }

  static Registrar registrar(Node n, String currency) {
    PostalInfo address = null;
    for (Node p : n.all("postalInfo")) {
      PostalInfo a = address(p.child("addr").orElseThrow(), PostalInfo.Type.valueOf(
          p.attr("type").toUpperCase(java.util.Locale.ROOT)), null, null);
      if (address == null || a.type() == PostalInfo.Type.INT) {
        address = a;
      }
    }
    String gurid = n.text("gurid");
    String status = n.text("status");
    Registrar.Status s =
        status == null || status.equals("ok") ? Registrar.Status.ACTIVE
            : status.equals("readonly") ? Registrar.Status.SUSPENDED
            : Registrar.Status.TERMINATED;
    String whois = n.child("whoisInfo").map(w -> w.text("name")).orElse(null);
    return new Registrar(
        n.text("id"), n.text("name"), gurid == null ? null : Long.valueOf(gurid), s, null,
        Set.of(), List.of(), 0, 0, currency, n.text("email"), n.text("voice"), n.text("url"),
        whois, null, null, n.instant("crDate"), n.instant("upDate"), 1, address);
  }

  static Contact contact(Node n, Consumer<String> note) {
    List<PostalInfo> postal = new ArrayList<>();
    for (Node p : n.all("postalInfo")) {
      PostalInfo.Type type = PostalInfo.Type.valueOf(p.attr("type").toUpperCase(java.util.Locale.ROOT));
      postal.add(address(p.child("addr").orElseThrow(), type, p.text("name"), p.text("org")));
    }
    Node voice = n.child("voice").orElse(null);
    Node fax = n.child("fax").orElse(null);
    return Contact.builder()
        .id(n.text("id"))
        .roid(n.text("roid"))
        .registrarId(n.text("clID"))
        .createdBy(n.text("crRr"))
        .updatedBy(n.text("upRr"))
        .postalInfo(postal)
        .voice(voice == null ? null : voice.text().strip())
        .voiceExt(voice == null ? null : voice.attr("x"))
        .fax(fax == null ? null : fax.text().strip())
        .faxExt(fax == null ? null : fax.attr("x"))
        .email(n.text("email"))
        .disclose(n.child("disclose").map(RdeObjects::disclose).orElse(null))
        .statuses(statuses(n, note))
        .createdAt(n.instant("crDate"))
        .updatedAt(n.instant("upDate"))
        .transferredAt(n.instant("trDate"))
        .transfer(n.child("trnData").map(t -> transfer(t, null, 0)).orElse(null))
        .version(1)
        .build();
  }

  static Host host(Node n, Consumer<String> note) {
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (Node a : n.all("addr")) {
      ("v6".equals(a.attr("ip")) ? v6 : v4).add(a.text().strip());
    }
    return Host.builder()
        .name(n.text("name"))
        .roid(n.text("roid"))
        .registrarId(n.text("clID"))
        .createdBy(n.text("crRr"))
        .updatedBy(n.text("upRr"))
        .inetV4(v4)
        .inetV6(v6)
        .statuses(statuses(n, note))
        .createdAt(n.instant("crDate"))
        .updatedAt(n.instant("upDate"))
        .transferredAt(n.instant("trDate"))
        .version(1)
        .build();
  }

  static Domain domain(Node n, Tld tld, Consumer<String> note) {
    DomainName name = DomainName.parse(n.text("name"));
    Map<Domain.ContactType, String> contacts = new LinkedHashMap<>();
    for (Node c : n.all("contact")) {
      contacts.put(Domain.ContactType.fromEpp(c.attr("type")), c.text().strip());
    }
    List<String> ns = new ArrayList<>();
    n.child("ns").ifPresent(x -> x.all("hostObj").forEach(h -> ns.add(h.text().strip())));
    if (n.child("ns").map(x -> !x.all("hostAttr").isEmpty()).orElse(false)) {
      note.accept("domain with host attributes (hostAttr): not supported, dropped");
    }
    List<DsData> ds = new ArrayList<>();
    n.child("secDNS").ifPresent(s -> {
      for (Node d : s.all("dsData")) {
        ds.add(new DsData(Integer.parseInt(d.text("keyTag")), Integer.parseInt(d.text("alg")),
            Integer.parseInt(d.text("digestType")), d.text("digest")));
      }
      if (!s.all("keyData").isEmpty()) {
        note.accept("domain with DNSKEY data (keyData interface): not supported, dropped");
      }
    });
    Set<String> rgp = new LinkedHashSet<>();
    n.all("rgpStatus").forEach(r -> rgp.add(r.attr("s")));
    Instant updated = n.instant("upDate");
    Instant expires = n.instant("exDate");
    Domain.Builder b =
        Domain.builder()
            .name(name.ascii())
            .roid(n.text("roid"))
            .tld(name.parent())
            .registrarId(n.text("clID"))
            .createdBy(n.text("crRr"))
            .updatedBy(n.text("upRr"))
            .registrant(n.text("registrant"))
            .contacts(contacts)
            .nameservers(ns)
            .dsData(ds)
            .statuses(statuses(n, note))
            .createdAt(n.instant("crDate"))
            .updatedAt(updated)
            .expiresAt(expires)
            .transferredAt(n.instant("trDate"))
            .idnTable(n.text("idnTableId"))
            .transfer(n.child("trnData").map(t -> transfer(t, expires, 1)).orElse(null))
            .version(1);
    boolean deleted =
        rgp.contains("redemptionPeriod") || rgp.contains("pendingRestore")
            || rgp.contains("pendingDelete")
            || n.all("status").stream().anyMatch(s -> "pendingDelete".equals(s.attr("s")));
    if (deleted) {
      // RFC 9022 has no deletion date: the last update is the delete (or the restore request).
      Instant at = updated != null ? updated : n.instant("crDate");
      Instant redemptionEnds = at.plus(tld.redemption());
      b.deletedAt(at).redemptionEndsAt(redemptionEnds)
          .purgeAt(redemptionEnds.plus(tld.pendingDelete()));
      if (rgp.contains("pendingRestore")) {
        b.restoreRequestedAt(at).restoreReportDueBy(at.plus(java.time.Duration.ofDays(
            tld.restoreReportDays())));
      }
      note.accept("domain in redemption: deletion date taken from its last update");
    }
    for (String g : rgp) {
      if (g.endsWith("Period") && !g.equals("redemptionPeriod")) {
        note.accept("domain in " + g + ": grace end and charge are not escrowed, no refund on"
            + " delete");
      }
    }
    note.accept("domain without authInfo (not escrowed): its sponsor sets a new one");
    return b.build();
  }

  private static Set<StatusValue> statuses(Node n, Consumer<String> note) {
    Set<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    for (Node s : n.all("status")) {
      StatusValue v;
      try {
        v = StatusValue.fromEpp(s.attr("s"));
      } catch (RuntimeException unknown) {
        note.accept("unknown status '" + s.attr("s") + "' dropped");
        continue;
      }
      if (STORED.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static PendingTransfer transfer(Node t, Instant expires, int minYears) {
    Instant newExpiry = t.instant("exDate");
    int years = 0;
    if (newExpiry != null && expires != null) {
      years = (int) Math.max(minYears, ChronoUnit.YEARS.between(
          expires.atZone(ZoneOffset.UTC), newExpiry.atZone(ZoneOffset.UTC).plusDays(1)));
    }
    PendingTransfer.TransferStatus status = null;
    for (PendingTransfer.TransferStatus s : PendingTransfer.TransferStatus.values()) {
      if (s.epp().equals(t.text("trStatus"))) {
        status = s;
      }
    }
    // The fee the gaining registrar paid went to the previous operator: nothing to refund.
    return new PendingTransfer(status, t.text("reRr"), t.instant("reDate"), t.text("acRr"),
        t.instant("acDate"), years, newExpiry, null);
  }

  private static PostalInfo address(Node addr, PostalInfo.Type type, String name, String org) {
    List<String> street = addr.all("street").stream().map(s -> s.text().strip()).toList();
    return new PostalInfo(type, name, org, street, addr.text("city"), addr.text("sp"),
        addr.text("pc"), addr.text("cc"));
  }

  private static Disclose disclose(Node d) {
    Set<String> fields = new LinkedHashSet<>();
    for (Node c : d.children()) {
      fields.add(c.attr("type") == null ? c.name() : c.name() + ":" + c.attr("type"));
    }
    return new Disclose("1".equals(d.attr("flag")) || "true".equals(d.attr("flag")), fields);
  }
}
