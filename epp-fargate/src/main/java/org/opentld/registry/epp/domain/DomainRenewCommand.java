package org.opentld.registry.epp.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * Domain renew (RFC 5731 §3.2.3) with the fee the client accepts (RFC 8748 §5.2.3); the
 * response echoes the fee charged ({@code <fee:renData>}) when the session uses the fee
 * extension. The period defaults to one year.
 *
 * <p>Results: 1000; 2004 curExpDate is not the current expiry date, period outside the TLD's
 * range or past the maximum expiry, fee below the price; 2005 malformed name; 2104 funds; 2201
 * not the sponsor; 2303 no such domain; 2304 renew-prohibited, pendingTransfer or deleted.
 */
public final class DomainRenewCommand implements EppCommand {
  private final Registry registry;

  public DomainRenewCommand(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.FEE);
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element c = req.object();
    String name = Dom.text(c, EppNs.DOMAIN, "name");
    int years = DomainXml.years(Dom.child(c, EppNs.DOMAIN, "period"), 1);
    LocalDate current;
    try {
      current = LocalDate.parse(Dom.text(c, EppNs.DOMAIN, "curExpDate"));
    } catch (DateTimeParseException e) {
      // xs:date allows a time zone suffix; the registry compares UTC calendar days.
      throw new RegistryException.ValueSyntax("curExpDate must be a plain date (YYYY-MM-DD)");
    }
    Money accepted =
        req.extension(EppNs.FEE, "renew")
            .map(f -> FeeXml.accepted(f, tldCurrency(name)))
            .orElse(null);
    DomainRenew.Result r =
        registry.domainRenew.renew(
            req.caller(), new DomainRenew.Command(name, current, years, accepted));

    Xml x = new Xml();
    x.open("domain:renData", "xmlns:domain", EppNs.DOMAIN);
    x.leaf("domain:name", r.domain().name());
    x.leaf("domain:exDate", Xml.time(r.domain().expiresAt()));
    x.close("domain:renData");
    String fee =
        req.uses(EppNs.FEE) ? FeeXml.resultData("fee:renData", r.fee(), years, "renew") : null;
    return EppResponse.success(x.toString(), fee);
  }

  private String tldCurrency(String name) {
    return DomainRules.target(registry.context(), name).tld().currency();
  }
}
