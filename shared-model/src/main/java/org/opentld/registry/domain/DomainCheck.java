package org.opentld.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.TldLabel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    // Resolve every name first, then read all their domain and label items in one round trip.
    List<DomainRules.Target> targets = new ArrayList<>(names.size());
    List<String> invalid = new ArrayList<>(names.size());
    List<String[]> keys = new ArrayList<>();
    for (String input : names) {
      try {
        DomainRules.Target t = DomainRules.target(ctx, input);
        targets.add(t);
        invalid.add(null);
        keys.add(new String[] {Keys.domain(t.name().ascii()), Keys.META});
        keys.add(new String[] {Keys.tld(t.tld().name()), Keys.tldLabelSk(t.label())});
      } catch (RegistryException e) {
        targets.add(null);
        invalid.add(e.getMessage());
      }
    }
    Map<String, Map<String, AttributeValue>> items =
        keys.isEmpty() ? Map.of() : ctx.store().getAll(keys);
    List<Result> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String input = names.get(i);
      DomainRules.Target t = targets.get(i);
      if (t == null) {
        out.add(new Result(input, false, invalid.get(i), false, false, null));
        continue;
      }
      Map<String, AttributeValue> labelItem =
          items.get(Keys.tld(t.tld().name()) + "\u0000" + Keys.tldLabelSk(t.label()));
      Optional<TldLabel> label = Optional.ofNullable(labelItem).map(Items::tldLabel);
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
      boolean exists = items.containsKey(Keys.domain(t.name().ascii()) + "\u0000" + Keys.META);
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
