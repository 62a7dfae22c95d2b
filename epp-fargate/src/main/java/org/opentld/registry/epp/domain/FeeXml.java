package org.opentld.registry.epp.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.billing.Money;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/** The fee extension (RFC 8748) as far as domain check and create use it. */
final class FeeXml {
  private FeeXml() {}

  /** What a {@code <fee:check>} asks: a currency (or null) and create periods in years. */
  record CheckRequest(String currency, List<Integer> createYears) {}

  /**
   * Reads {@code <fee:check>}. Only create prices are offered so far; asking for another
   * command is 2102 rather than a silently missing answer.
   */
  static CheckRequest check(Element feeCheck) {
    List<Integer> years = new ArrayList<>();
    for (Element cmd : Dom.children(feeCheck, EppNs.FEE, "command")) {
      String name = cmd.getAttribute("name");
      if (!"create".equals(name) || cmd.hasAttribute("phase")) {
        throw new RegistryException.UnimplementedOption(
            "fee check offers create prices only, not " + name);
      }
      int y = DomainXml.years(Dom.child(cmd, EppNs.FEE, "period"), 1);
      if (!years.contains(y)) {
        years.add(y);
      }
    }
    if (years.size() > 10) {
      throw new RegistryException.ValueRange("at most 10 fee commands in one check");
    }
    return new CheckRequest(Dom.text(feeCheck, EppNs.FEE, "currency"), years);
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
    Xml x = new Xml();
    x.open("fee:creData", "xmlns:fee", EppNs.FEE);
    x.leaf("fee:currency", fee.currency());
    x.leaf("fee:period", Integer.toString(years), "unit", "y");
    x.leaf("fee:fee", fee.decimal(), "description", "create", "refundable", "1");
    return x.close("fee:creData").toString();
  }
}
