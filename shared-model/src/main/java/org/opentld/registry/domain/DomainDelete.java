package org.opentld.registry.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.Tld;

/**
 * Domain delete (RFC 5731 §3.2.2 with the grace periods of RFC 3915 §3.1).
 *
 * <p>Inside the add grace period the domain is removed at once (1000): the item, its links to
 * hosts and contacts, and every running grace charge is refunded, so the name is free in the
 * same transaction. Outside it the domain enters redemption (1001): every running renew,
 * auto-renew and transfer grace charge is refunded, the grace periods end, and the domain
 * waits {@code redemptionDays} for an RGP restore, then {@code pendingDeleteDays} for purge.
 * Refunding an auto-renew also takes back the year it added, so a later restore of an
 * expired domain pays the renewal again instead of keeping a refunded year.
 *
 * <p>Errors: 2303 no such domain; 2201 not the sponsor; 2304 already deleted,
 * client/serverDeleteProhibited or pendingTransfer; 2305 hosts under the domain still exist
 * (RFC 5731 §3.2.2: subordinate hosts must be deleted or renamed first).
 */
public final class DomainDelete {
  private final RegistryContext ctx;

  public DomainDelete(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * What the delete did.
   *
   * @param code 1000 when the name was freed at once, 1001 when the domain went to redemption
   * @param domain the domain in redemption, or its last state when removed at once
   * @param refunds the refunded amount per registrar (empty if nothing was refunded)
   */
  public record Result(
      ResultCode code, boolean deletedNow, Domain domain, Map<String, Money> refunds) {}

  public Result delete(Caller caller, String name) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(() -> deleteOnce(caller, n));
  }

  private Result deleteOnce(Caller caller, String name) {
    Domain d = ctx.domain(name);
    DomainRules.requireSponsor(caller, d);
    if (d.isDeleted()) {
      throw new RegistryException.StatusProhibits(name + " is already pendingDelete");
    }
    DomainRules.requireNone(
        d,
        EnumSet.of(StatusValue.CLIENT_DELETE_PROHIBITED, StatusValue.SERVER_DELETE_PROHIBITED),
        "delete");
    if (d.transferPending()) {
      throw new RegistryException.StatusProhibits(name + " is pendingTransfer");
    }
    if (!d.subordinateHosts().isEmpty()) {
      throw new RegistryException.AssociationProhibits(
          name + " has subordinate hosts: " + String.join(", ", d.subordinateHosts()));
    }
    Tld tld =
        ctx.findTld(d.tld())
            .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " missing"));
    Instant now = ctx.now();
    List<GracePeriod> active = d.activeGracePeriods(now);
    boolean inAddGrace = active.stream().anyMatch(g -> g.type() == GracePeriod.Type.ADD);

    Tx tx = ctx.store().tx();
    Map<String, Money> refunds = DomainEffects.refund(ctx, tx, caller, d, active);
    Result result;
    if (inAddGrace) {
      ctx.deleteVersioned(tx, Keys.domain(name), d.version());
      DomainEffects.unlinkAll(ctx, tx, d);
      ctx.history(tx, caller, "domain", name, d.roid(), "delete", d, null);
      result = new Result(ResultCode.SUCCESS, true, d, refunds);
    } else {
      Instant expiry = d.expiresAt();
      if (active.stream().anyMatch(g -> g.type() == GracePeriod.Type.AUTO_RENEW)) {
        expiry = DomainRules.plusYears(expiry, -1);
      }
      Instant redemptionEnds = now.plus(tld.redemption());
      Domain next =
          d.toBuilder()
              .expiresAt(expiry)
              .gracePeriods(List.of())
              .deletedAt(now)
              .redemptionEndsAt(redemptionEnds)
              .purgeAt(redemptionEnds.plus(tld.pendingDelete()))
              .updatedAt(now)
              .updatedBy(caller.registrarId())
              .version(d.version() + 1)
              .build();
      ctx.putVersioned(tx, Items.domain(next), d.version(), null);
      ctx.history(tx, caller, "domain", name, d.roid(), "delete", d, next);
      result = new Result(ResultCode.SUCCESS_ACTION_PENDING, false, next, refunds);
    }
    if (!caller.registrarId().equals(d.registrarId())) {
      // The registry deleted a registrar's domain: the sponsor learns it from its queue.
      ctx.poll(
          tx,
          d.registrarId(),
          PollMessage.Kind.DELETED,
          "domain " + name + " was deleted by the registry",
          "domain",
          name,
          null,
          null);
    }
    tx.execute();
    return result;
  }
}
