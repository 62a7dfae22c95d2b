package org.opentld.registry.epp.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.billing.Money;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.domain.DomainQuote;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.tld.BillingOperation;

/**
 * Domain check (RFC 5731 §3.1.1) with the fee extension's check (RFC 8748 §5.1.1): per name
 * and asked command (create, renew, transfer, restore) and period the price, the name's class
 * (premium or standard), and a reason where a command cannot be priced for the name.
 *
 * <p>Create prices follow the name's availability ({@link DomainCheck}): a name that cannot be
 * created has no create price. Renew, transfer and restore are quoted from the price list
 * ({@link DomainQuote}) whether or not the asking registrar could run them now, since a quote
 * authorises nothing. A {@code <fee:cd>} is {@code avail="0"} with a reason only when no asked
 * command can be priced for the name; otherwise each command carries its fee or its reason.
 *
 * <p>Results: 1000; 2004 too many names, or a fee currency other than the TLD's (RFC 8748
 * §3.4); 2102 a fee for a command other than create, renew, transfer or restore, or a launch
 * phase.
 */
public final class DomainCheckCommand implements EppCommand {
  private final DomainCheck check;
  private final DomainQuote quote;

  public DomainCheckCommand(DomainCheck check, DomainQuote quote) {
    this.check = check;
    this.quote = quote;
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

  /** One command's answer for one name: a price, or the reason there is none. */
  private record Line(FeeXml.Priced command, Money price, boolean premium, String reason) {}

  private String feeData(
      FeeXml.CheckRequest fee,
      Map<Integer, List<DomainCheck.Result>> byPeriod,
      List<DomainCheck.Result> results) {
    List<List<Line>> lines = new ArrayList<>();
    String currency = fee.currency();
    for (int i = 0; i < results.size(); i++) {
      List<Line> forName = new ArrayList<>();
      for (FeeXml.Priced p : fee.commands()) {
        Line line = line(p, byPeriod, i, results.get(i).name());
        if (line.price() != null) {
          if (currency != null && !currency.equals(line.price().currency())) {
            throw new RegistryException.ValueRange(
                results.get(i).name() + " is priced in " + line.price().currency() + ", not "
                    + currency);
          }
          currency = line.price().currency();
        }
        forName.add(line);
      }
      lines.add(forName);
    }
    Xml x = new Xml();
    x.open("fee:chkData", "xmlns:fee", EppNs.FEE);
    // ISO 4217 "XXX" (no currency) when no name in the check has a price.
    x.leaf("fee:currency", currency == null ? "XXX" : currency);
    for (int i = 0; i < results.size(); i++) {
      List<Line> forName = lines.get(i);
      Optional<Line> priced = forName.stream().filter(l -> l.price() != null).findFirst();
      x.open("fee:cd", "avail", priced.isPresent() ? "1" : "0");
      x.leaf("fee:objID", results.get(i).name());
      if (priced.isEmpty()) {
        x.leaf("fee:reason", forName.get(0).reason());
        x.close("fee:cd");
        continue;
      }
      x.leaf("fee:class", priced.get().premium() ? "premium" : "standard");
      for (Line l : forName) {
        x.open("fee:command", "name", l.command().command());
        if (l.command().years() > 0) {
          x.leaf("fee:period", Integer.toString(l.command().years()), "unit", "y");
        }
        if (l.price() != null) {
          x.leaf("fee:fee", l.price().decimal(), "description", l.command().command());
        } else {
          x.leaf("fee:reason", l.reason());
        }
        x.close("fee:command");
      }
      x.close("fee:cd");
    }
    return x.close("fee:chkData").toString();
  }

  private Line line(
      FeeXml.Priced p, Map<Integer, List<DomainCheck.Result>> byPeriod, int i, String name) {
    if (p.command().equals("create")) {
      DomainCheck.Result r = byPeriod.get(p.years()).get(i);
      return r.available()
          ? new Line(p, r.price(), r.premium(), null)
          : new Line(p, null, r.premium(), DomainXml.reason(r.reason()));
    }
    try {
      DomainQuote.Quote q =
          quote.quote(name, BillingOperation.valueOf(p.command().toUpperCase(Locale.ROOT)),
              p.years());
      return new Line(p, q.price(), q.premium(), null);
    } catch (RegistryException e) {
      return new Line(p, null, false, DomainXml.reason(e.getMessage()));
    }
  }
}
