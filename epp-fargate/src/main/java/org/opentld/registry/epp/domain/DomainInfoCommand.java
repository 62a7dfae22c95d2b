package org.opentld.registry.epp.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainInfo;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.w3c.dom.Element;

/**
 * Domain info (RFC 5731 §3.1.2) with the RGP status (RFC 3915 §3.1). The {@code hosts}
 * attribute picks delegated name servers ({@code del}), subordinate hosts ({@code sub}), both
 * ({@code all}, the default) or neither. A registrar that neither sponsors the domain nor
 * gives its authInfo sees the limited view: name, ROID, statuses, sponsor and dates. The
 * authInfo is never returned: it is stored only as a hash (RFC 9154 §4.1).
 *
 * <p>Results: 1000; 2005 malformed name; 2303 no such domain; 2202 wrong authInfo; 2102
 * authInfo other than a password.
 */
public final class DomainInfoCommand implements EppCommand {
  private final DomainInfo info;

  public DomainInfoCommand(DomainInfo info) {
    this.info = info;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.RGP);
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element nameEl = Dom.child(req.object(), EppNs.DOMAIN, "name").orElseThrow();
    String hosts = Dom.attr(nameEl, "hosts", "all");
    String authInfo = DomainXml.authInfo(Dom.child(req.object(), EppNs.DOMAIN, "authInfo"));
    DomainInfo.Result r = info.info(req.caller(), Dom.text(nameEl), authInfo);
    Domain d = r.domain();

    Xml x = new Xml();
    x.open("domain:infData", "xmlns:domain", EppNs.DOMAIN);
    x.leaf("domain:name", d.name()).leaf("domain:roid", d.roid());
    r.statuses().stream()
        .map(StatusValue::epp)
        .sorted()
        .forEach(s -> x.empty("domain:status", "s", s));
    if (r.full()) {
      x.leaf("domain:registrant", d.registrant());
      d.contacts().entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getKey().epp()))
          .forEach(e -> x.leaf("domain:contact", e.getValue(), "type", e.getKey().epp()));
      if ((hosts.equals("all") || hosts.equals("del")) && !d.nameservers().isEmpty()) {
        x.open("domain:ns");
        d.nameservers().forEach(h -> x.leaf("domain:hostObj", h));
        x.close("domain:ns");
      }
      if (hosts.equals("all") || hosts.equals("sub")) {
        d.subordinateHosts().stream().sorted().forEach(h -> x.leaf("domain:host", h));
      }
    }
    x.leaf("domain:clID", d.registrarId());
    if (r.full()) {
      x.leaf("domain:crID", d.createdBy());
    }
    x.leaf("domain:crDate", Xml.time(d.createdAt()));
    if (r.full()) {
      x.leaf("domain:upID", d.updatedAt() == null ? null : d.updatedBy());
    }
    x.leaf("domain:upDate", Xml.time(d.updatedAt()));
    x.leaf("domain:exDate", Xml.time(d.expiresAt()));
    if (r.full()) {
      x.leaf("domain:trDate", Xml.time(d.transferredAt()));
    }
    x.close("domain:infData");
    return EppResponse.success(x.toString(), rgp(req, r.rgp()));
  }

  /** {@code <rgp:infData>} when the session uses RGP and the domain has an RGP state. */
  private static String rgp(EppRequest req, List<String> rgp) {
    if (!req.uses(EppNs.RGP) || rgp.isEmpty()) {
      return null;
    }
    Xml x = new Xml();
    x.open("rgp:infData", "xmlns:rgp", EppNs.RGP);
    rgp.forEach(s -> x.empty("rgp:rgpStatus", "s", s));
    return x.close("rgp:infData").toString();
  }
}
