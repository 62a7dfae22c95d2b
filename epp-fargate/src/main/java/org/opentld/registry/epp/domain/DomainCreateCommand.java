package org.opentld.registry.epp.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * Domain create (RFC 5731 §3.2.1) with DS data (RFC 5910 §5.2.1) and the fee the client
 * accepts (RFC 8748 §5.2.1); the response echoes the fee charged when the session uses the
 * fee extension.
 *
 * <p>Results: 1000; 2003 a contact without a type; 2004 period, counts, or a fee below the
 * price; 2005 malformed name or DS data; 2102 host attributes, {@code ext} authInfo or
 * maxSigLife; 2104 funds; 2302 name taken; 2303 unknown contact or host; 2306 reserved name,
 * TLD not ours, a contact type given twice, or DS key data (only the dsData interface is
 * offered).
 */
public final class DomainCreateCommand implements EppCommand {
  private final Registry registry;

  public DomainCreateCommand(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.FEE, EppNs.SEC_DNS);
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element c = req.object();
    String name = Dom.text(c, EppNs.DOMAIN, "name");
    int years = DomainXml.years(Dom.child(c, EppNs.DOMAIN, "period"), 1);
    Map<Domain.ContactType, String> contacts = new EnumMap<>(Domain.ContactType.class);
    for (Element contact : Dom.children(c, EppNs.DOMAIN, "contact")) {
      if (!contact.hasAttribute("type")) {
        throw new RegistryException.MissingParameter("contact " + Dom.text(contact) + " has no type");
      }
      Domain.ContactType type = Domain.ContactType.fromEpp(contact.getAttribute("type"));
      if (contacts.put(type, Dom.text(contact)) != null) {
        throw new RegistryException.PolicyError("one " + type.epp() + " contact per domain");
      }
    }
    Money accepted =
        req.extension(EppNs.FEE, "create")
            .map(f -> FeeXml.accepted(f, tldCurrency(name)))
            .orElse(null);
    DomainCreate.Command cmd =
        new DomainCreate.Command(
            name,
            years,
            Dom.text(c, EppNs.DOMAIN, "registrant"),
            contacts,
            DomainXml.hostObjects(Dom.child(c, EppNs.DOMAIN, "ns")),
            dsData(req.extension(EppNs.SEC_DNS, "create")),
            DomainXml.authInfo(Dom.child(c, EppNs.DOMAIN, "authInfo")),
            accepted);
    DomainCreate.Result r = registry.domainCreate.create(req.caller(), cmd);

    Xml x = new Xml();
    x.open("domain:creData", "xmlns:domain", EppNs.DOMAIN);
    x.leaf("domain:name", r.domain().name());
    x.leaf("domain:crDate", Xml.time(r.domain().createdAt()));
    x.leaf("domain:exDate", Xml.time(r.domain().expiresAt()));
    x.close("domain:creData");
    String fee = req.uses(EppNs.FEE) ? FeeXml.createData(r.fee(), years) : null;
    return EppResponse.success(x.toString(), fee);
  }

  private String tldCurrency(String name) {
    return DomainRules.target(registry.context(), name).tld().currency();
  }

  /** DS records of {@code <secDNS:create>}; the key data interface is not offered. */
  private static List<DsData> dsData(Optional<Element> create) {
    if (create.isEmpty()) {
      return List.of();
    }
    DomainXml.refuseMaxSigLife(create.get());
    return DomainXml.dsData(create.get());
  }
}
