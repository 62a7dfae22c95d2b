package org.opentld.registry.epp.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.billing.Money;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/** The fee extension (RFC 8748) for domain check, create, renew, transfer, update and delete. */
final class FeeXml {
  private static final Set<String> PRICED = Set.of("create", "renew", "transfer", "restore");

  private FeeXml() {}

  /** One {@code <fee:command>} of a check: the command and its period in years. */
  record Priced(String command, int years) {}

  /** What a {@code <fee:check>} asks: a currency (or null) and the commands to price. */
  record CheckRequest(String currency, List<Priced> commands) {
    /** Distinct create periods, in order; one year when no create price is asked. */
    List<Integer> createYears() {
      List<Integer> out = new ArrayList<>();
      for (Priced p : commands) {
        if (p.command().equals("create") && !out.contains(p.years())) {
          out.add(p.years());
        }
      }
      return out.isEmpty() ? List.of(1) : out;
    }
  }

  /**
   * Reads {@code <fee:check>}. Create, renew, transfer and restore are priced; other commands
   * (delete and update cost nothing here, custom ones do not exist) and launch phases are
   * 2102 rather than a silently missing answer. Restore has no period (RFC 8748 §3.3).
   */
  static CheckRequest check(Element feeCheck) {
    List<Priced> commands = new ArrayList<>();
    for (Element cmd : Dom.children(feeCheck, EppNs.FEE, "command")) {
      String name = cmd.getAttribute("name");
      if (!PRICED.contains(name) || cmd.hasAttribute("phase")) {
        throw new RegistryException.UnimplementedOption(
            "fee check prices create, renew, transfer and restore, not " + name);
      }
      Optional<Element> period = Dom.child(cmd, EppNs.FEE, "period");
      if (name.equals("restore") && period.isPresent()) {
        throw new RegistryException.ValueRange("a restore has no period");
      }
      Priced p = new Priced(name, name.equals("restore") ? 0 : DomainXml.years(period, 1));
      if (!commands.contains(p)) {
        commands.add(p);
      }
    }
    if (commands.size() > 10) {
      throw new RegistryException.ValueRange("at most 10 fee commands in one check");
    }
    return new CheckRequest(Dom.text(feeCheck, EppNs.FEE, "currency"), commands);
  }

  /**
   * The fee a client accepts in {@code <fee:create>} (RFC 8748 §5.2.1): the sum of its fee
   * elements in its currency, or in {@code defaultCurrency} when it names none.
   */
  static Money accepted(Element feeCreate, String defaultCurrency) {
    String currency = Dom.text(feeCreate, EppNs.FEE, "currency");
    BigDecimal sum = BigDecimal.ZERO;
    for (String fee : Dom.texts(feeCreate, EppNs.FEE, "fee")) {
      sum = sum.add(new BigDecimal(fee));
    }
    try {
      return Money.parse(sum.toPlainString(), currency == null ? defaultCurrency : currency);
    } catch (ArithmeticException e) {
      throw new RegistryException.ValueRange("fees have at most two decimal places");
    }
  }

  /** {@code <fee:creData>} echoing what the create charged. */
  static String createData(Money fee, int years) {
    return resultData("fee:creData", fee, years, "create");
  }

  /**
   * A transform result ({@code creData}, {@code renData}, {@code trnData}, {@code updData}):
   * the fee charged for the command, refundable within its grace period; {@code years} null
   * for commands without a period (restore).
   */
  static String resultData(String element, Money fee, Integer years, String description) {
    Xml x = new Xml();
    x.open(element, "xmlns:fee", EppNs.FEE);
    x.leaf("fee:currency", fee.currency());
    if (years != null) {
      x.leaf("fee:period", Integer.toString(years), "unit", "y");
    }
    // A restore is not refunded (RFC 3915 has no restore grace period).
    String refundable = description.equals("restore") ? "0" : "1";
    x.leaf("fee:fee", fee.decimal(), "description", description, "refundable", refundable);
    return x.close(element).toString();
  }

  /**
   * {@code <fee:delData>} (RFC 8748 §5.2.2): the grace-period refunds of a delete as credits,
   * in the caller's currency; null when nothing was refunded to the caller.
   */
  static String deleteData(Money refund) {
    if (refund == null || refund.isZero()) {
      return null;
    }
    Xml x = new Xml();
    x.open("fee:delData", "xmlns:fee", EppNs.FEE);
    x.leaf("fee:currency", refund.currency());
    x.leaf("fee:credit", refund.negate().decimal(), "description", "grace period refund");
    return x.close("fee:delData").toString();
  }
}
