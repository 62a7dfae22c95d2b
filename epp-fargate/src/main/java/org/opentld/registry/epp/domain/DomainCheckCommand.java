package org.opentld.registry.epp.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * Domain check (RFC 5731 §3.1.1) with the fee extension's check (RFC 8748 §5.1.1): the create
 * price per name and period, the name's class (premium or standard), and a reason for names
 * that cannot be registered.
 *
 * <p>Results: 1000; 2004 too many names, or a fee currency other than the TLD's (RFC 8748
 * §3.4); 2102 a fee for a command other than create.
 */
public final class DomainCheckCommand implements EppCommand {
  private final DomainCheck check;

  public DomainCheckCommand(DomainCheck check) {
    this.check = check;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.FEE);
  }

  @Override
  public EppResponse run(EppRequest req) {
    List<String> names = Dom.texts(req.object(), EppNs.DOMAIN, "name");
    Optional<FeeXml.CheckRequest> fee = req.extension(EppNs.FEE, "check").map(FeeXml::check);
    List<Integer> periods = fee.map(FeeXml.CheckRequest::createYears).orElse(List.of(1));
    Map<Integer, List<DomainCheck.Result>> byPeriod = new LinkedHashMap<>();
    for (int years : periods) {
      byPeriod.put(years, check.check(names, years));
    }
    List<DomainCheck.Result> results = byPeriod.values().iterator().next();

    Xml x = new Xml();
    x.open("domain:chkData", "xmlns:domain", EppNs.DOMAIN);
    for (DomainCheck.Result r : results) {
      x.open("domain:cd");
      x.leaf("domain:name", r.name(), "avail", r.available() ? "1" : "0");
      if (!r.available()) {
        x.leaf("domain:reason", DomainXml.reason(r.reason()));
      }
      x.close("domain:cd");
    }
    x.close("domain:chkData");
    return EppResponse.success(
        x.toString(), fee.isPresent() ? feeData(fee.get(), byPeriod, results) : null);
  }

  private static String feeData(
      FeeXml.CheckRequest fee,
      Map<Integer, List<DomainCheck.Result>> byPeriod,
      List<DomainCheck.Result> results) {
    String currency = fee.currency();
    for (DomainCheck.Result r : results) {
      if (r.price() != null) {
        if (currency != null && !currency.equals(r.price().currency())) {
          throw new RegistryException.ValueRange(
              r.name() + " is priced in " + r.price().currency() + ", not " + currency);
        }
        currency = r.price().currency();
      }
    }
    Xml x = new Xml();
    x.open("fee:chkData", "xmlns:fee", EppNs.FEE);
    // ISO 4217 "XXX" (no currency) when no name in the check has a price.
    x.leaf("fee:currency", currency == null ? "XXX" : currency);
    for (int i = 0; i < results.size(); i++) {
      DomainCheck.Result r = results.get(i);
      x.open("fee:cd", "avail", r.available() ? "1" : "0");
      x.leaf("fee:objID", r.name());
      if (!r.available()) {
        x.leaf("fee:reason", DomainXml.reason(r.reason()));
        x.close("fee:cd");
        continue;
      }
      x.leaf("fee:class", r.premium() ? "premium" : "standard");
      for (var e : byPeriod.entrySet()) {
        DomainCheck.Result p = e.getValue().get(i);
        x.open("fee:command", "name", "create");
        x.leaf("fee:period", Integer.toString(e.getKey()), "unit", "y");
        x.leaf("fee:fee", p.price().decimal(), "description", "create");
        x.close("fee:command");
      }
      x.close("fee:cd");
    }
    return x.close("fee:chkData").toString();
  }
}
