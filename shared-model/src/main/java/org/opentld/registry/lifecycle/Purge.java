package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainEffects;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * The end of a deleted domain (RFC 3915 §3.2, pendingDelete): once redemption and
 * pendingDelete have passed without a restore, the domain item and its host and contact links
 * go in one transaction, the last sponsor is told by a PURGED poll message, and the name is
 * available again. Its history stays, under the ROID. Calling it again does nothing.
 */
public final class Purge {
  private final RegistryContext ctx;

  public Purge(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Purges the domain if it is deleted, {@code purgeAt} has passed and no restore is pending.
   * A domain that still has subordinate hosts (created in error during redemption) is left for
   * an operator rather than orphaning the hosts.
   *
   * @return true if this call purged it
   */
  public boolean purgeIfDue(Caller caller, String name) {
    return ctx.withRetries(() -> purgeOnce(caller, name));
  }

  private boolean purgeOnce(Caller caller, String name) {
    Optional<Domain> found = ctx.findDomain(name);
    Instant now = ctx.now();
    if (found.isEmpty()) {
      return false;
    }
    Domain d = found.get();
    if (!d.isDeleted()
        || d.restoreRequestedAt() != null
        || d.purgeAt() == null
        || d.purgeAt().isAfter(now)
        || !d.subordinateHosts().isEmpty()) {
      return false;
    }
    Tx tx = ctx.store().tx();
    ctx.deleteVersioned(tx, Keys.domain(name), d.version());
    DomainEffects.unlinkAll(ctx, tx, d);
    ctx.poll(
        tx,
        d.registrarId(),
        PollMessage.Kind.PURGED,
        "domain " + name + " was purged after its redemption period; the name is available",
        "domain",
        name,
        null,
        null);
    ctx.history(tx, caller, "domain", name, d.roid(), "purge", d, null);
    tx.execute();
    return true;
  }
}
