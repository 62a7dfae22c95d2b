package org.opentld.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.TldLabel;

/**
 * Domain check (RFC 5731 §3.1.1): for each name, whether it can be created now, and if not
 * why; with the create price for the period (for the fee extension and DAS).
 *
 * <p>Errors: 2004 if more names than the TLD allows in one check. A malformed name is not an
 * error of the command: it is answered unavailable with the reason.
 */
public final class DomainCheck {
  /** The reason given for a name that is registered (in use by a domain, deleted or not). */
  public static final String IN_USE = "In use";

  private static final int DEFAULT_LIMIT = 50;
  private final RegistryContext ctx;

  public DomainCheck(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The answer for one name. {@code price} is null when the name cannot be created. */
  public record Result(
      String name, boolean available, String reason, boolean premium, boolean reserved, Money price) {}

  public List<Result> check(List<String> names, int years) {
    if (names.isEmpty()) {
      throw new RegistryException.MissingParameter("no names to check");
    }
    int limit = DEFAULT_LIMIT;
    for (String input : names) {
      try {
        limit = DomainRules.target(ctx, input).tld().maxCheckNames();
        break;
      } catch (RegistryException notOurs) {
        // try the next name; malformed names are answered one by one below
      }
    }
    if (names.size() > limit) {
      throw new RegistryException.ValueRange("at most " + limit + " names in one check");
    }
    List<Result> out = new ArrayList<>(names.size());
    for (String input : names) {
      DomainRules.Target t;
      try {
        t = DomainRules.target(ctx, input);
      } catch (RegistryException e) {
        out.add(new Result(input, false, e.getMessage(), false, false, null));
        continue;
      }
      Optional<TldLabel> label = Pricing.label(ctx.store(), t.tld().name(), t.label());
      boolean premium = Pricing.isPremium(label);
      int period = Math.max(years, t.tld().minPeriodYears());
      Money price = Pricing.price(t.tld(), label, BillingOperation.CREATE, period);
      if (label.isPresent() && label.get().reserved()) {
        out.add(
            new Result(
                t.name().ascii(),
                false,
                "Reserved: " + label.get().reservedReason(),
                premium,
                true,
                null));
        continue;
      }
      boolean exists = ctx.findDomain(t.name().ascii()).isPresent();
      out.add(
          new Result(
              t.name().ascii(),
              !exists,
              exists ? IN_USE : null,
              premium,
              false,
              exists ? null : price));
    }
    return out;
  }
}
