package org.opentld.registry.tld;

import java.util.Optional;
import org.opentld.registry.billing.Money;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Store;

/** Prices of operations on a name: the label's premium price where set, else the TLD's. */
public final class Pricing {
  private Pricing() {}

  /** The reserved/premium entry of a label, if it has one. */
  public static Optional<TldLabel> label(Store store, String tld, String label) {
    return store.get(Keys.tld(tld), Keys.tldLabelSk(label)).map(Items::tldLabel);
  }

  /** The price of {@code op} for {@code years} on a label with the given list entry. */
  public static Money price(Tld tld, Optional<TldLabel> entry, BillingOperation op, int years) {
    if (entry.isPresent() && entry.get().premium()) {
      Long perYear = entry.get().premiumPrices().get(op);
      if (perYear != null) {
        return Money.of(op == BillingOperation.RESTORE ? perYear : perYear * years, tld.currency());
      }
    }
    return tld.standardPrice(op, years);
  }

  public static boolean isPremium(Optional<TldLabel> entry) {
    return entry.isPresent() && entry.get().premium();
  }
}
