package org.opentld.registry.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.PendingTransfer.TransferStatus;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;

/**
 * Domain transfer (RFC 5731 §3.2.4 and §3.1.3, RFC 5730 §2.9.3.4): the gaining registrar
 * requests with the domain's authInfo and pays at once; the losing registrar approves or
 * rejects within the TLD's pendingTransfer days, the gaining one may cancel, and silence
 * approves. Each step writes the domain with a version check, the money with its ledger,
 * history and one poll message to each side in one transaction.
 *
 * <p>Approval moves sponsorship and the subordinate hosts to the gaining registrar, adds the
 * paid years to the expiry (capped at {@code maxExpiryYears} from now), starts a transfer grace
 * period and unsets the authInfo (RFC 9154 §5: the registry unsets it after a successful
 * transfer, so the old value cannot move the domain again). If the domain is in its
 * auto-renew grace period, that auto-renewal is cancelled: its charge is refunded to whoever
 * paid it and its year is taken off before the transfer years are added, so the registrant
 * does not get (or pay for) the year twice. Other grace periods of the losing registrar end
 * without refund, as a later delete would no longer be theirs.
 *
 * <p>Errors: 2005 malformed name; 2303 no such domain; 2306 TLD not ours; 2004 period outside
 * the TLD's range or fee below the price (RFC 8748 §3.8); 2106 own domain or within the
 * transfer lock after creation or the last transfer; 2202 wrong or missing authInfo; 2304
 * transfer prohibited or domain deleted; 2300 a transfer is already pending; 2301 none is
 * pending; 2201 the caller is not the party that may act; 2104 not enough funds.
 */
public final class DomainTransfer {
  private static final Set<StatusValue> PROHIBITING =
      EnumSet.of(StatusValue.CLIENT_TRANSFER_PROHIBITED, StatusValue.SERVER_TRANSFER_PROHIBITED);

  private final RegistryContext ctx;

  public DomainTransfer(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A transfer request.
   *
   * @param years years added on approval; null means 1
   * @param acceptedFee the fee the client agreed to (fee extension), or null
   */
  public record Request(String name, Integer years, String authInfo, Money acceptedFee) {}

  /**
   * The transfer data (trnData) after a step.
   *
   * @param code 1001 for a request now waiting for the losing registrar, otherwise 1000
   * @param transfer the transfer as stored on the domain; {@code actionBy} is the acDate
   */
  public record Result(ResultCode code, String name, PendingTransfer transfer, boolean premium) {}

  /** Requests a transfer to the caller, charging it the transfer price now. */
  public Result request(Caller caller, Request req) {
    DomainRules.Target target = DomainRules.target(ctx, req.name());
    Tld tld = target.tld();
    String name = target.name().ascii();
    int years = req.years() == null ? 1 : req.years();
    DomainRules.checkPeriod(tld, years);
    Optional<TldLabel> label = Pricing.label(ctx.store(), tld.name(), target.label());
    Money fee = Pricing.price(tld, label, BillingOperation.TRANSFER, years);
    return ctx.withRetries(
        () -> {
          Instant now = ctx.now();
          Domain d = ctx.domain(name);
          String gaining = caller.registrarId();
          if (gaining.equals(d.registrarId())) {
            throw new RegistryException.NotEligibleForTransfer(
                gaining + " already sponsors " + name);
          }
          if (!DomainRules.authInfoMatches(d, req.authInfo(), ctx.now())) {
            throw new RegistryException.InvalidAuthInfo("authInfo does not match " + name);
          }
          DomainRules.requireNotDeleted(d, "transfer");
          DomainRules.requireNone(d, PROHIBITING, "transfer");
          if (d.transferPending()) {
            throw new RegistryException.PendingTransfer(name + " is already pending transfer");
          }
          Instant lockedSince =
              d.transferredAt() != null && d.transferredAt().isAfter(d.createdAt())
                  ? d.transferredAt()
                  : d.createdAt();
          Instant lockedUntil = lockedSince.plus(Duration.ofDays(tld.transferLockDays()));
          if (now.isBefore(lockedUntil)) {
            throw new RegistryException.NotEligibleForTransfer(
                name + " cannot be transferred within " + tld.transferLockDays()
                    + " days of its creation or last transfer");
          }
          checkFee(req.acceptedFee(), fee, name);
          Instant actionBy = now.plus(tld.pendingTransfer());
          PendingTransfer pt =
              new PendingTransfer(
                  TransferStatus.PENDING,
                  gaining,
                  now,
                  d.registrarId(),
                  actionBy,
                  years,
                  newExpiry(d, tld, years, actionBy),
                  fee);
          Domain next = d.toBuilder().transfer(pt).version(d.version() + 1).build();

          Tx tx = ctx.store().tx();
          ctx.putVersioned(tx, Items.domain(next), d.version(), null);
          if (!fee.isZero()) {
            ctx.debit(tx, caller, gaining, fee, "transfer", tld.name(), name, years);
          }
          notifyBoth(tx, pt, name, "Transfer of " + name + " requested by " + gaining + ".");
          ctx.history(tx, caller, "domain", name, d.roid(), "transfer-request", d, next);
          tx.execute();
          return new Result(
              ResultCode.SUCCESS_ACTION_PENDING, name, pt, Pricing.isPremium(label));
        });
  }

  /**
   * The current or last transfer of a domain. Its sponsor and both parties of that transfer
   * may ask; anyone else must give the domain's authInfo (RFC 5731 §3.1.3). A transfer past
   * its {@code actionBy} shows as pending until the lifecycle job has run {@link #autoApprove}.
   */
  public Result query(Caller caller, String name, String authInfo) {
    Domain d = ctx.domain(DomainName.parse(name).ascii());
    PendingTransfer pt = d.transfer();
    String who = caller.registrarId();
    boolean party =
        caller.superuser()
            || who.equals(d.registrarId())
            || (pt != null
                && (who.equals(pt.gainingRegistrarId()) || who.equals(pt.losingRegistrarId())));
    if (!party) {
      if (authInfo == null || authInfo.isEmpty()) {
        throw new RegistryException.AuthorizationFailed(
            who + " is not a party to transfers of " + d.name());
      }
      if (!DomainRules.authInfoMatches(d, authInfo, ctx.now())) {
        throw new RegistryException.InvalidAuthInfo("authInfo does not match " + d.name());
      }
    }
    if (pt == null) {
      throw new RegistryException.NotPendingTransfer(d.name() + " has never been transferred");
    }
    return new Result(ResultCode.SUCCESS, d.name(), pt, false);
  }

  /** The losing registrar (the sponsor) approves; the registry's approval is serverApproved. */
  public Result approve(Caller caller, String name) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(
        () -> {
          Domain d = ctx.domain(n);
          DomainRules.requireSponsor(caller, d);
          requirePending(d);
          TransferStatus status =
              caller.superuser() ? TransferStatus.SERVER_APPROVED : TransferStatus.CLIENT_APPROVED;
          return complete(caller, d, status, "transfer-approve", ctx.now());
        });
  }

  /** The losing registrar (the sponsor) rejects; the gaining registrar gets its fee back. */
  public Result reject(Caller caller, String name) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(
        () -> {
          Domain d = ctx.domain(n);
          DomainRules.requireSponsor(caller, d);
          requirePending(d);
          TransferStatus status =
              caller.superuser() ? TransferStatus.SERVER_CANCELLED : TransferStatus.CLIENT_REJECTED;
          return endUnapproved(caller, d, status, "transfer-reject");
        });
  }

  /** The gaining registrar withdraws its request and gets its fee back. */
  public Result cancel(Caller caller, String name) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(
        () -> {
          Domain d = ctx.domain(n);
          requirePending(d);
          if (!caller.superuser()
              && !caller.registrarId().equals(d.transfer().gainingRegistrarId())) {
            throw new RegistryException.AuthorizationFailed(
                caller.registrarId() + " did not request the transfer of " + n);
          }
          TransferStatus status =
              caller.superuser()
                  ? TransferStatus.SERVER_CANCELLED
                  : TransferStatus.CLIENT_CANCELLED;
          return endUnapproved(caller, d, status, "transfer-cancel");
        });
  }

  /**
   * The lifecycle job's step: approves a transfer whose {@code actionBy} has come (RFC 5730
   * §2.9.3.4, "serverApproved"). Does nothing for a domain without a due pending transfer, so
   * running it twice is harmless.
   *
   * @return true if it approved the transfer now
   */
  public boolean autoApprove(Caller system, String name) {
    if (!system.superuser()) {
      throw new RegistryException.AuthorizationFailed("only the registry approves by silence");
    }
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(
        () -> {
          Optional<Domain> d = ctx.findDomain(n);
          if (d.isEmpty()
              || !d.get().transferPending()
              || d.get().transfer().actionBy().isAfter(ctx.now())) {
            return false;
          }
          Domain due = d.get();
          complete(
              system, due, TransferStatus.SERVER_APPROVED, "transfer-auto-approve",
              due.transfer().actionBy());
          return true;
        });
  }

  // ---- steps --------------------------------------------------------------------------

  /**
   * Moves the domain and its subordinate hosts to the gaining registrar, as of {@code at}:
   * now for an explicit approval, {@code actionBy} for approval by silence, so that expiry,
   * transfer date and grace period do not depend on when the job happens to run.
   */
  private Result complete(
      Caller caller, Domain d, TransferStatus status, String action, Instant at) {
    Tld tld = tldOf(d);
    PendingTransfer pt = d.transfer();
    String gaining = pt.gainingRegistrarId();
    GracePeriod autoRenew = autoRenewGrace(d, at);
    Instant newExpiry = newExpiry(d, tld, pt.years(), at);
    PendingTransfer ended =
        new PendingTransfer(
            status, gaining, pt.requestedAt(), pt.losingRegistrarId(), at, pt.years(), newExpiry,
            pt.fee());
    List<GracePeriod> grace =
        pt.fee() == null || pt.fee().isZero()
            ? List.of()
            : List.of(
                new GracePeriod(
                    GracePeriod.Type.TRANSFER, at.plus(tld.transferGrace()), gaining, pt.fee()));
    Domain next =
        d.toBuilder()
            .registrarId(gaining)
            .expiresAt(newExpiry)
            .transferredAt(at)
            .authInfoHash(null)
            .authInfoExpiresAt(null)
            .gracePeriods(grace)
            .transfer(ended)
            .version(d.version() + 1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    if (autoRenew != null && !autoRenew.charge().isZero()) {
      ctx.credit(
          tx, caller, autoRenew.registrarId(), autoRenew.charge(), "autorenew-refund", tld.name(),
          d.name(), 1, "auto-renewal cancelled by transfer");
    }
    for (String hostName : d.subordinateHosts()) {
      moveHost(tx, caller, hostName, d.name(), gaining, at);
    }
    String text = "Transfer of " + d.name() + " to " + gaining + " " + status.epp() + ".";
    notifyBoth(tx, ended, d.name(), text);
    ctx.history(tx, caller, "domain", d.name(), d.roid(), action, d, next);
    tx.execute();
    return new Result(ResultCode.SUCCESS, d.name(), ended, false);
  }

  /**
   * Gives a subordinate host to the new sponsor (RFC 5732 §1.1: it is sponsored by its
   * domain's sponsor). A name in the list whose host is gone or has another superordinate
   * domain is skipped. This relies on host create, delete and rename writing the domain's
   * {@code subordinateHosts} in their own transaction, so that the domain's version check
   * turns a concurrent one into a retry here; a concurrent host update is caught by the
   * host's own version check.
   */
  private void moveHost(
      Tx tx, Caller caller, String hostName, String domain, String gaining, Instant at) {
    Optional<Host> found = ctx.findHost(hostName);
    if (found.isEmpty() || !domain.equals(found.get().superordinateDomain())) {
      return;
    }
    Host h = found.get();
    Host moved =
        h.toBuilder().registrarId(gaining).transferredAt(at).version(h.version() + 1).build();
    ctx.putVersioned(tx, Items.host(moved), h.version(), null);
    ctx.history(tx, caller, "host", h.name(), h.roid(), "transfer", h, moved);
  }

  /** Ends a transfer without moving the domain, refunding the gaining registrar. */
  private Result endUnapproved(Caller caller, Domain d, TransferStatus status, String action) {
    Instant now = ctx.now();
    PendingTransfer pt = d.transfer();
    PendingTransfer ended =
        new PendingTransfer(
            status, pt.gainingRegistrarId(), pt.requestedAt(), pt.losingRegistrarId(), now,
            pt.years(), null, pt.fee());
    Domain next = d.toBuilder().transfer(ended).version(d.version() + 1).build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    if (pt.fee() != null && !pt.fee().isZero()) {
      ctx.credit(
          tx, caller, pt.gainingRegistrarId(), pt.fee(), "transfer-refund", d.tld(), d.name(),
          pt.years(), "transfer " + status.epp());
    }
    notifyBoth(tx, ended, d.name(), "Transfer of " + d.name() + " " + status.epp() + ".");
    ctx.history(tx, caller, "domain", d.name(), d.roid(), action, d, next);
    tx.execute();
    return new Result(ResultCode.SUCCESS, d.name(), ended, false);
  }

  // ---- rules --------------------------------------------------------------------------

  /**
   * The expiry after a transfer approved at {@code at}: the current expiry without a year
   * that is still in its auto-renew grace period (that renewal is cancelled and refunded),
   * plus the transfer years, but never more than {@code maxExpiryYears} after {@code at}.
   * A request projects it for approval by silence at {@code actionBy}; approval recomputes it
   * from the domain as it is then.
   */
  static Instant newExpiry(Domain d, Tld tld, int years, Instant at) {
    Instant base = d.expiresAt();
    if (autoRenewGrace(d, at) != null) {
      base = DomainRules.plusYears(base, -1);
    }
    Instant extended = DomainRules.plusYears(base, years);
    Instant cap = DomainRules.plusYears(at, tld.maxExpiryYears());
    return extended.isAfter(cap) ? cap : extended;
  }

  private static GracePeriod autoRenewGrace(Domain d, Instant at) {
    for (GracePeriod g : d.activeGracePeriods(at)) {
      if (g.type() == GracePeriod.Type.AUTO_RENEW) {
        return g;
      }
    }
    return null;
  }

  private static void requirePending(Domain d) {
    if (!d.transferPending()) {
      throw new RegistryException.NotPendingTransfer(d.name() + " is not pending transfer");
    }
  }

  private static void checkFee(Money accepted, Money fee, String name) {
    if (accepted != null
        && (!accepted.currency().equals(fee.currency()) || accepted.minor() < fee.minor())) {
      throw new RegistryException.ValueRange(
          "the transfer fee for " + name + " is " + fee + ", not " + accepted);
    }
  }

  private Tld tldOf(Domain d) {
    return ctx.findTld(d.tld())
        .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " is gone"));
  }

  /** One message to each side (registry-rules: both sides hear of every step). */
  private void notifyBoth(Tx tx, PendingTransfer pt, String name, String text) {
    List<String> to = new ArrayList<>(List.of(pt.losingRegistrarId()));
    if (!pt.gainingRegistrarId().equals(pt.losingRegistrarId())) {
      to.add(pt.gainingRegistrarId());
    }
    for (String registrarId : to) {
      ctx.poll(
          tx, registrarId, PollMessage.Kind.TRANSFER, text, "domain", name, pt,
          pt.newExpiresAt());
    }
  }
}
