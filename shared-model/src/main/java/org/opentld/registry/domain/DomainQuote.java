package org.opentld.registry.domain;

import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;

/**
 * The price of one chargeable operation on a name for a period, as the fee extension's check
 * quotes it (RFC 8748 §3.1, §5.1.1): premium-aware through {@link Pricing}, with the name's
 * class. A quote authorises nothing: it does not look at sponsorship, statuses or whether the
 * operation would be allowed now, only at what it would cost.
 *
 * <p>Restore is flat (RFC 8748 §3.3 has no period for it) and quotes what {@link
 * DomainRestore#request} charges: the restore fee, plus a one-year renewal when the domain
 * exists and has already expired, so that a client can accept the exact amount.
 *
 * <p>Errors: 2005 malformed name; 2306 TLD not ours or an IDN label outside its tables; 2004
 * a period outside the TLD's range (create, renew, transfer).
 */
public final class DomainQuote {
  private final RegistryContext ctx;

  public DomainQuote(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One price.
   *
   * @param name the A-label name
   * @param years the period priced; 0 for restore
   * @param premium true if the label has premium prices (class {@code premium})
   */
  public record Quote(
      String name, BillingOperation operation, int years, Money price, boolean premium) {}

  public Quote quote(String name, BillingOperation operation, int years) {
    DomainRules.Target target = DomainRules.target(ctx, name);
    Tld tld = target.tld();
    String ascii = target.name().ascii();
    Optional<TldLabel> label = Pricing.label(ctx.store(), tld.name(), target.label());
    boolean premium = Pricing.isPremium(label);
    if (operation == BillingOperation.RESTORE) {
      Money fee = Pricing.price(tld, label, BillingOperation.RESTORE, 1);
      Optional<Domain> d = ctx.findDomain(ascii);
      // The same rule as DomainRestore: an expired domain is renewed for a year on restore.
      if (d.isPresent() && !d.get().expiresAt().isAfter(ctx.now())) {
        fee = fee.plus(Pricing.price(tld, label, BillingOperation.RENEW, 1));
      }
      return new Quote(ascii, operation, 0, fee, premium);
    }
    DomainRules.checkPeriod(tld, years);
    return new Quote(ascii, operation, years, Pricing.price(tld, label, operation, years), premium);
  }
}
