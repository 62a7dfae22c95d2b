package org.opentld.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;

/**
 * Domain renew (RFC 5731 §3.2.3): extends the expiry by the period, charges the sponsor the
 * renew price (premium aware) with its ledger entry and starts a renew grace period carrying
 * that charge (RFC 3915 §3.1), all in one versioned transaction. A renewal during auto-renew
 * grace is an ordinary renewal: both grace periods run side by side and each is refunded on
 * its own if the domain is deleted.
 *
 * <p>Status-based refusals are 2304 (the RFC 5730 code for "status prohibits operation"), not
 * 2105: clientRenewProhibited, serverRenewProhibited, a pending transfer and a deleted domain
 * are all statuses the client can see in info.
 *
 * <p>Errors: 2303 no such domain; 2201 not the sponsor; 2304 renew-prohibited, pendingTransfer
 * or deleted; 2004 curExpDate is not the current expiry date (RFC 5731 §3.2.3, which exists to
 * make a retried renew harmless), period outside the TLD's range, the new expiry more than
 * {@code maxExpiryYears} ahead, or the accepted fee below the price (RFC 8748 §3.8); 2104 not
 * enough funds (nothing written).
 */
public final class DomainRenew {
  private final RegistryContext ctx;

  public DomainRenew(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The renew command.
   *
   * @param currentExpiryDate the client's idea of the current expiry date (UTC calendar day)
   * @param acceptedFee the fee the client agreed to (fee extension), or null
   */
  public record Command(String name, LocalDate currentExpiryDate, int years, Money acceptedFee) {}

  /** The renewed domain and what it cost. */
  public record Result(Domain domain, Money fee, boolean premium) {}

  public Result renew(Caller caller, Command cmd) {
    String name = DomainName.parse(cmd.name()).ascii();
    if (cmd.currentExpiryDate() == null) {
      throw new RegistryException.MissingParameter("curExpDate is required");
    }
    return ctx.withRetries(() -> renewOnce(caller, name, cmd));
  }

  private Result renewOnce(Caller caller, String name, Command cmd) {
    Domain d = ctx.domain(name);
    DomainRules.requireSponsor(caller, d);
    DomainRules.requireNotDeleted(d, "renew");
    DomainRules.requireNone(
        d,
        EnumSet.of(
            StatusValue.CLIENT_RENEW_PROHIBITED, StatusValue.SERVER_RENEW_PROHIBITED),
        "renew");
    if (d.transferPending()) {
      throw new RegistryException.StatusProhibits(name + " is pendingTransfer");
    }
    Tld tld =
        ctx.findTld(d.tld())
            .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " missing"));
    LocalDate current = d.expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
    if (!current.equals(cmd.currentExpiryDate())) {
      throw new RegistryException.ValueRange(
          "curExpDate " + cmd.currentExpiryDate() + " is not the expiry date of " + name);
    }
    DomainRules.checkPeriod(tld, cmd.years());
    Instant now = ctx.now();
    Instant newExpiry = DomainRules.plusYears(d.expiresAt(), cmd.years());
    if (newExpiry.isAfter(DomainRules.plusYears(now, tld.maxExpiryYears()))) {
      throw new RegistryException.ValueRange(
          "the expiry may not be more than " + tld.maxExpiryYears() + " years ahead");
    }
    String label = name.substring(0, name.indexOf('.'));
    Optional<TldLabel> entry = Pricing.label(ctx.store(), tld.name(), label);
    Money fee = Pricing.price(tld, entry, BillingOperation.RENEW, cmd.years());
    if (cmd.acceptedFee() != null
        && (!cmd.acceptedFee().currency().equals(fee.currency())
            || cmd.acceptedFee().minor() < fee.minor())) {
      throw new RegistryException.ValueRange(
          "the renewal of " + name + " costs " + fee + ", not " + cmd.acceptedFee());
    }

    List<GracePeriod> graces = new ArrayList<>(d.activeGracePeriods(now));
    if (!fee.isZero()) {
      graces.add(
          new GracePeriod(
              GracePeriod.Type.RENEW, now.plus(tld.renewGrace()), d.registrarId(), fee));
    }
    Domain next =
        d.toBuilder()
            .expiresAt(newExpiry)
            .gracePeriods(graces)
            .updatedAt(now)
            .updatedBy(caller.registrarId())
            .version(d.version() + 1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    if (!fee.isZero()) {
      ctx.debit(tx, caller, d.registrarId(), fee, "renew", tld.name(), name, cmd.years());
    }
    ctx.history(tx, caller, "domain", name, d.roid(), "renew", d, next);
    tx.execute();
    return new Result(next, fee, Pricing.isPremium(entry));
  }
}
