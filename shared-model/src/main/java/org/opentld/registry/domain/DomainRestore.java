package org.opentld.registry.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;

/**
 * The RGP restore of a deleted domain (RFC 3915 §4.2): a restore request during redemption
 * (pendingRestore, fee charged), then a restore report within {@code restoreReportDays} that
 * brings the domain back. A missed report sends the domain back to redemption without a refund
 * ({@link org.opentld.registry.lifecycle.RestoreDeadline}).
 *
 * <p>Money: the request charges the restore fee, plus a one-year renewal when the domain has
 * already expired at the request (as Verisign and Nomulus do: a domain that is still within
 * its registration gets nothing renewed, so nothing is charged for it). Both are one debit and
 * one ledger entry of kind {@code restore} whose description names both parts, because a
 * transaction may change a registrar's balance only once. The report adds that paid year.
 *
 * <p>Errors: 2303 no such domain; 2201 not the sponsor; 2304 not in redemption (request) or
 * not pendingRestore or past the report deadline (report); 2004 fee below the price; 2104 not
 * enough funds; 2003 a required report element missing (RFC 3915 §4.2.1).
 */
public final class DomainRestore {
  private final RegistryContext ctx;

  public DomainRestore(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The restore report of RFC 3915 §4.2.1.
   *
   * @param statements the registrar's statements (one or two required)
   * @param other optional further information
   */
  public record RestoreReport(
      String preData,
      String postData,
      Instant delTime,
      Instant resTime,
      String resReason,
      List<String> statements,
      String other) {}

  /**
   * The request's outcome.
   *
   * @param fee everything charged: the restore fee plus, if the domain had expired, a renewal
   * @param renewed true if a one-year renewal was part of the fee
   */
  public record Result(Domain domain, Money fee, boolean renewed) {}

  public Result request(Caller caller, String name) {
    return request(caller, name, null);
  }

  /** A restore request with the fee the client agreed to (fee extension), or null. */
  public Result request(Caller caller, String name, Money acceptedFee) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(() -> requestOnce(caller, n, acceptedFee));
  }

  private Result requestOnce(Caller caller, String name, Money acceptedFee) {
    Domain d = ctx.domain(name);
    DomainRules.requireSponsor(caller, d);
    Instant now = ctx.now();
    if (!d.isDeleted()
        || d.restoreRequestedAt() != null
        || d.redemptionEndsAt() == null
        || !now.isBefore(d.redemptionEndsAt())) {
      throw new RegistryException.StatusProhibits(
          name + " is not in its redemption period (RFC 3915 §3.2): nothing to restore");
    }
    Tld tld =
        ctx.findTld(d.tld())
            .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " missing"));
    String label = name.substring(0, name.indexOf('.'));
    Optional<TldLabel> entry = Pricing.label(ctx.store(), tld.name(), label);
    Money restoreFee = Pricing.price(tld, entry, BillingOperation.RESTORE, 1);
    boolean renew = expiredAt(d, now);
    Money renewFee = renew ? Pricing.price(tld, entry, BillingOperation.RENEW, 1) : null;
    Money fee = renew ? restoreFee.plus(renewFee) : restoreFee;
    if (acceptedFee != null
        && (!acceptedFee.currency().equals(fee.currency()) || acceptedFee.minor() < fee.minor())) {
      throw new RegistryException.ValueRange(
          "the restore of " + name + " costs " + fee + ", not " + acceptedFee);
    }
    Domain next =
        d.toBuilder()
            .restoreRequestedAt(now)
            .restoreReportDueBy(now.plus(Duration.ofDays(tld.restoreReportDays())))
            .updatedAt(now)
            .updatedBy(caller.registrarId())
            .version(d.version() + 1)
            .build();
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    if (!fee.isZero()) {
      // One entry: years=1 marks that it includes the renewal; the Result has the split.
      ctx.debit(tx, caller, d.registrarId(), fee, "restore", tld.name(), name, renew ? 1 : 0);
    }
    ctx.history(tx, caller, "domain", name, d.roid(), "restoreRequest", d, next);
    tx.execute();
    return new Result(next, fee, renew);
  }

  /**
   * The restore report: the domain leaves RGP and is registered again. If the renewal was paid
   * with the request (the domain had expired by then), the expiry moves on by that year.
   */
  public Domain report(Caller caller, String name, RestoreReport report) {
    requireComplete(report);
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(() -> reportOnce(caller, n, report));
  }

  private Domain reportOnce(Caller caller, String name, RestoreReport report) {
    Domain d = ctx.domain(name);
    DomainRules.requireSponsor(caller, d);
    Instant now = ctx.now();
    if (!d.isDeleted() || d.restoreRequestedAt() == null) {
      throw new RegistryException.StatusProhibits(name + " is not pendingRestore");
    }
    if (d.restoreReportDueBy() != null && !now.isBefore(d.restoreReportDueBy())) {
      throw new RegistryException.StatusProhibits(
          "the restore report for " + name + " was due by " + d.restoreReportDueBy());
    }
    Instant expiry = d.expiresAt();
    if (expiredAt(d, d.restoreRequestedAt())) {
      expiry = DomainRules.plusYears(expiry, 1);
    }
    Domain next =
        d.toBuilder()
            .expiresAt(expiry)
            .deletedAt(null)
            .redemptionEndsAt(null)
            .purgeAt(null)
            .restoreRequestedAt(null)
            .restoreReportDueBy(null)
            .gracePeriods(List.of())
            .updatedAt(now)
            .updatedBy(caller.registrarId())
            .version(d.version() + 1)
            .build();
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    ctx.history(tx, caller, "domain", name, d.roid(), "restoreReport", null, report);
    ctx.history(tx, caller, "domain", name, d.roid(), "restore", d, next);
    tx.execute();
    return next;
  }

  /** The same rule decides the charge at request time and the extra year at report time. */
  private static boolean expiredAt(Domain d, Instant at) {
    return !d.expiresAt().isAfter(at);
  }

  private static void requireComplete(RestoreReport r) {
    if (r == null) {
      throw new RegistryException.MissingParameter("restore report is required");
    }
    require(r.preData(), "preData");
    require(r.postData(), "postData");
    require(r.resReason(), "resReason");
    if (r.delTime() == null) {
      throw new RegistryException.MissingParameter("restore report needs delTime");
    }
    if (r.resTime() == null) {
      throw new RegistryException.MissingParameter("restore report needs resTime");
    }
    if (r.statements() == null
        || r.statements().isEmpty()
        || r.statements().stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new RegistryException.MissingParameter("restore report needs its statements");
    }
    if (r.statements().size() > 2) {
      throw new RegistryException.ValueRange("a restore report has at most two statements");
    }
  }

  private static void require(String value, String element) {
    if (value == null || value.isBlank()) {
      throw new RegistryException.MissingParameter("restore report needs " + element);
    }
  }
}
