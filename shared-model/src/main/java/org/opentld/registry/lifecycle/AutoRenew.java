package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.GracePeriod;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Auto-renewal at expiry (registry-rules "Lifecycle", RFC 3915 §3.1 autoRenewPeriod): the
 * registry adds one year, charges the sponsor the renew price with a ledger entry, starts the
 * auto-renew grace period (counted from the old expiry, so a late job run does not lengthen
 * it) and tells the sponsor by poll message, in one versioned transaction. Calling it again
 * does nothing, since the domain is then no longer expired.
 *
 * <p>When the sponsor's balance plus credit does not cover the price (2104), the domain is not
 * renewed: a registry does not lend money, and the ledger must sum to the balance. The sponsor
 * gets one LOW_BALANCE poll message per domain and expiry (a marker item {@link
 * Keys#autoRenewNotice} keeps later attempts silent), and each later run tries again, so a
 * deposit renews it. Auto-renewal ignores renew-prohibited statuses: those refuse the
 * registrar's renew command, not the registry's own renewal.
 */
public final class AutoRenew {
  /** How far back {@link #dueNames(Instant, int)} looks for expired, unrenewed domains. */
  public static final int DEFAULT_LOOKBACK_DAYS = 45;

  private final RegistryContext ctx;

  public AutoRenew(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** What a call did. */
  public enum Outcome {
    RENEWED,
    NOT_DUE,
    FUNDS_SHORT
  }

  /**
   * @param domain the domain as stored after the call (null if it does not exist)
   * @param fee the amount charged, or the amount that could not be charged
   */
  public record Result(Outcome outcome, Domain domain, Money fee) {}

  public Result renewIfDue(Caller system, String name) {
    return ctx.withRetries(() -> renewOnce(system, name));
  }

  private Result renewOnce(Caller system, String name) {
    Optional<Domain> found = ctx.findDomain(name);
    Instant now = ctx.now();
    if (found.isEmpty() || found.get().isDeleted() || found.get().expiresAt().isAfter(now)) {
      return new Result(Outcome.NOT_DUE, found.orElse(null), null);
    }
    Domain d = found.get();
    Tld tld =
        ctx.findTld(d.tld())
            .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " missing"));
    Optional<TldLabel> entry =
        Pricing.label(ctx.store(), tld.name(), name.substring(0, name.indexOf('.')));
    Money fee = Pricing.price(tld, entry, BillingOperation.RENEW, 1);
    Instant newExpiry = DomainRules.plusYears(d.expiresAt(), 1);
    List<GracePeriod> graces = new ArrayList<>(d.activeGracePeriods(now));
    if (!fee.isZero()) {
      graces.add(
          new GracePeriod(
              GracePeriod.Type.AUTO_RENEW,
              d.expiresAt().plus(tld.autoRenewGrace()),
              d.registrarId(),
              fee));
    }
    Domain next =
        d.toBuilder()
            .expiresAt(newExpiry)
            .gracePeriods(graces)
            .updatedAt(now)
            .updatedBy(system.registrarId())
            .version(d.version() + 1)
            .build();
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    if (!fee.isZero()) {
      ctx.debit(tx, system, d.registrarId(), fee, "auto-renew", tld.name(), name, 1);
    }
    ctx.poll(
        tx,
        d.registrarId(),
        PollMessage.Kind.AUTO_RENEW,
        "domain " + name + " was renewed automatically for one year (" + fee + ")",
        "domain",
        name,
        null,
        newExpiry);
    ctx.history(tx, system, "domain", name, d.roid(), "autoRenew", d, next);
    try {
      tx.execute();
    } catch (RegistryException.BillingFailure e) {
      notifyFundsShort(system, d, fee);
      return new Result(Outcome.FUNDS_SHORT, d, fee);
    }
    return new Result(Outcome.RENEWED, next, fee);
  }

  private void notifyFundsShort(Caller system, Domain d, Money fee) {
    Tx tx = ctx.store().tx();
    tx.putNew(
        Map.of(
            "pk", AttributeValue.fromS(Keys.autoRenewNotice(d.name())),
            "sk", AttributeValue.fromS(Keys.ts(d.expiresAt())),
            "type", AttributeValue.fromS("notice"),
            "registrarId", AttributeValue.fromS(d.registrarId())),
        () -> new AlreadyNotified());
    ctx.poll(
        tx,
        d.registrarId(),
        PollMessage.Kind.LOW_BALANCE,
        "domain "
            + d.name()
            + " expired and could not be renewed automatically: the balance does not cover "
            + fee
            + "; it will be renewed once funds are available",
        "domain",
        d.name(),
        null,
        d.expiresAt());
    try {
      tx.execute();
    } catch (AlreadyNotified e) {
      // told once for this expiry already
    }
  }

  /** Condition failure of the notice marker: not an error, only "already done". */
  private static final class AlreadyNotified extends RegistryException {
    AlreadyNotified() {
      super(ResultCode.SUCCESS, "already notified");
    }
  }

  /**
   * Names of domains whose expiry is at or before {@code upTo}, looking back {@link
   * #DEFAULT_LOOKBACK_DAYS} days (so that a domain left unrenewed for lack of funds is tried
   * again on later runs).
   */
  public List<String> dueNames(Instant upTo, int limit) {
    LocalDate to = upTo.atZone(ZoneOffset.UTC).toLocalDate();
    return dueNames(to.minusDays(DEFAULT_LOOKBACK_DAYS), upTo, limit);
  }

  /**
   * Names of domains expiring from the start of {@code fromDay} up to {@code upTo}, read from
   * the expiry index (gsi2) one day and bucket at a time, in day order. The index is eventually
   * consistent, so a name may already be renewed: {@link #renewIfDue} checks again.
   */
  public List<String> dueNames(LocalDate fromDay, Instant upTo, int limit) {
    return IndexScan.names(
        ctx.store(),
        RegistryTables.GSI2,
        fromDay,
        upTo,
        limit,
        Keys::byExpiry,
        (sk, item) ->
            "domain".equals(IndexScan.text(item, "type")) ? IndexScan.text(item, "name") : null);
  }
}
