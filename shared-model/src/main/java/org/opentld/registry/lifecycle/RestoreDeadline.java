package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;

/**
 * The restore report deadline (RFC 3915 §4.2.1: a restore request without a report in time
 * reverts): the domain leaves pendingRestore and is back in redemption, or in pendingDelete if
 * redemption has ended meanwhile, and may be purged on schedule. The restore fee is not
 * refunded: the registry did the work of the request, and RFC 3915 §3.2 describes the fee as
 * charged for the request. The sponsor is told by an INFO poll message.
 */
public final class RestoreDeadline {
  private final RegistryContext ctx;

  public RestoreDeadline(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Ends a pending restore whose report is overdue.
   *
   * @return true if this call ended it
   */
  public boolean expireIfDue(Caller caller, String name) {
    return ctx.withRetries(() -> expireOnce(caller, name));
  }

  private boolean expireOnce(Caller caller, String name) {
    Optional<Domain> found = ctx.findDomain(name);
    Instant now = ctx.now();
    if (found.isEmpty()) {
      return false;
    }
    Domain d = found.get();
    if (!d.isDeleted()
        || d.restoreRequestedAt() == null
        || d.restoreReportDueBy() == null
        || d.restoreReportDueBy().isAfter(now)) {
      return false;
    }
    Domain next =
        d.toBuilder()
            .restoreRequestedAt(null)
            .restoreReportDueBy(null)
            .updatedAt(now)
            .updatedBy(caller.registrarId())
            .version(d.version() + 1)
            .build();
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    ctx.poll(
        tx,
        d.registrarId(),
        PollMessage.Kind.INFO,
        "no restore report for domain "
            + name
            + " arrived by "
            + d.restoreReportDueBy()
            + "; the restore is cancelled and the fee is not refunded",
        "domain",
        name,
        null,
        null);
    ctx.history(tx, caller, "domain", name, d.roid(), "restoreExpired", d, next);
    tx.execute();
    return true;
  }
}
