package org.opentld.registry.host;

import java.util.EnumSet;
import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Host delete (RFC 5732 §3.2.2): a host that any domain delegates to cannot be deleted. The rule is
 * enforced inside the transaction, not only by reading first: the host's link counter item is
 * deleted on condition that it is zero, and a domain create or update that links the host needs
 * that same item to exist, so whichever commits first wins and the other fails; no domain is ever
 * left delegating to a missing host. A subordinate host also leaves its domain's list of
 * subordinate hosts in the same transaction.
 *
 * <p>Errors: 2005 malformed name; 2303 no such host; 2201 not the sponsor; 2304
 * client/serverDeleteProhibited; 2305 linked to a domain.
 */
public final class HostDelete {
  private static final EnumSet<StatusValue> PROHIBITING =
      EnumSet.of(StatusValue.CLIENT_DELETE_PROHIBITED, StatusValue.SERVER_DELETE_PROHIBITED);

  private final RegistryContext ctx;

  public HostDelete(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The deleted host as it was. */
  public record Result(Host host) {}

  public Result delete(Caller caller, String name) {
    String n = DomainName.parse(name).ascii();
    return ctx.withRetries(() -> attempt(caller, n));
  }

  private Result attempt(Caller caller, String name) {
    Host h = ctx.host(name);
    HostRules.requireSponsor(caller, h);
    HostRules.requireNone(h, PROHIBITING, "delete");
    if (h.linked()) {
      throw linked(h);
    }
    Domain superordinate =
        h.subordinate() ? ctx.findDomain(h.superordinateDomain()).orElse(null) : null;

    Tx tx = ctx.store().tx();
    // The host item first: if it changed meanwhile, that is reported (and retried) before
    // the link condition, which may have failed only because of the same change.
    ctx.deleteVersioned(tx, Keys.host(name), h.version());
    tx.delete(
        Keys.host(name),
        Keys.LINKS,
        "#linkCount = :zero",
        Map.of(":zero", AttributeValue.fromN("0")),
        () -> linked(h));
    if (superordinate != null) {
      ctx.putVersioned(
          tx,
          Items.domain(HostRules.withSubordinate(superordinate, null, name)),
          superordinate.version(),
          null);
    }
    HostIpIndex.apply(tx, h, null);
    ctx.history(tx, caller, "host", name, h.roid(), "delete", h, null);
    tx.execute();
    return new Result(h);
  }

  private static RegistryException linked(Host h) {
    return new RegistryException.AssociationProhibits(
        "host " + h.name() + " is linked to a domain and cannot be deleted");
  }
}
