package org.opentld.registry.host;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Host update (RFC 5732 §3.2.5): add and remove addresses and statuses, and rename. Removals are
 * applied before additions. The result must still be a valid host: a subordinate host keeps at
 * least one address, an external one has none, addresses are routable and within the TLD's limit.
 *
 * <p>Rename policy: domains refer to hosts by name, so renaming a host that a domain delegates to
 * would silently change those delegations (RFC 5732 §3.2.5 leaves this to the server); we refuse it
 * with 2305, and enforce it in the transaction exactly like {@link HostDelete}: the old link
 * counter is deleted on condition that it is zero. A rename writes the host under its new name
 * (same ROID) and deletes the old items in one transaction, and moves the host between the
 * subordinate-host lists of its old and new superordinate domains, which must be sponsored by the
 * host's sponsor.
 *
 * <p>Errors: 2003 nothing to change; 2005 malformed name, new name or address; 2303 no such host,
 * or new superordinate domain missing; 2201 not the sponsor, or new superordinate domain of another
 * registrar; 2304 client/serverUpdateProhibited (unless the same command removes it: the client one
 * by anyone, the server one by the registry), new superordinate domain pendingDelete; 2306 a status
 * the caller may not set or remove (server* statuses are the registry's), or a subordinate host
 * left without addresses; 2004 addresses on an external host, too many addresses, or a non-routable
 * one; 2302 new name taken; 2305 rename of a linked host.
 */
public final class HostUpdate {
  private static final Set<StatusValue> SERVER_HOST =
      EnumSet.of(StatusValue.SERVER_DELETE_PROHIBITED, StatusValue.SERVER_UPDATE_PROHIBITED);

  private final RegistryContext ctx;

  public HostUpdate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The update command; null lists and sets mean none.
   *
   * @param newName the name to rename the host to (EPP {@code host:chg}), or null
   */
  public record Command(
      String name,
      List<String> addAddresses,
      List<String> remAddresses,
      Set<StatusValue> addStatuses,
      Set<StatusValue> remStatuses,
      String newName) {}

  /** The host as stored after the update. */
  public record Result(Host host) {}

  public Result update(Caller caller, Command cmd) {
    String name = DomainName.parse(cmd.name()).ascii();
    DomainName newName = cmd.newName() == null ? null : DomainName.parse(cmd.newName());
    Set<String> add = IpAddresses.normaliseAll(cmd.addAddresses());
    Set<String> rem = new LinkedHashSet<>();
    if (cmd.remAddresses() != null) {
      cmd.remAddresses().forEach(a -> rem.add(IpAddresses.canonical(a)));
    }
    Set<StatusValue> addS = statuses(cmd.addStatuses());
    Set<StatusValue> remS = statuses(cmd.remStatuses());
    if (add.isEmpty() && rem.isEmpty() && addS.isEmpty() && remS.isEmpty() && newName == null) {
      throw new RegistryException.MissingParameter("nothing to add, remove or change");
    }
    Set<StatusValue> settable = EnumSet.copyOf(StatusValue.CLIENT_HOST);
    if (caller.superuser()) {
      settable.addAll(SERVER_HOST);
    }
    for (StatusValue s : concat(addS, remS)) {
      if (!settable.contains(s)) {
        throw new RegistryException.PolicyError(
            "status " + s.epp() + " cannot be set or removed on a host by " + caller.registrarId());
      }
    }
    return ctx.withRetries(() -> attempt(caller, name, newName, add, rem, addS, remS));
  }

  private Result attempt(
      Caller caller,
      String name,
      DomainName newName,
      Set<String> add,
      Set<String> rem,
      Set<StatusValue> addS,
      Set<StatusValue> remS) {
    Host h = ctx.host(name);
    HostRules.requireSponsor(caller, h);
    if (h.hasStatus(StatusValue.CLIENT_UPDATE_PROHIBITED)
        && !remS.contains(StatusValue.CLIENT_UPDATE_PROHIBITED)) {
      throw prohibited(h, StatusValue.CLIENT_UPDATE_PROHIBITED);
    }
    if (h.hasStatus(StatusValue.SERVER_UPDATE_PROHIBITED)
        && !(caller.superuser() && remS.contains(StatusValue.SERVER_UPDATE_PROHIBITED))) {
      throw prohibited(h, StatusValue.SERVER_UPDATE_PROHIBITED);
    }

    DomainName target = newName == null ? DomainName.parse(name) : newName;
    boolean rename = !target.ascii().equals(name);
    if (rename) {
      if (h.linked()) {
        throw linked(h);
      }
      if (ctx.findHost(target.ascii()).isPresent()) {
        throw exists(target.ascii());
      }
    }
    HostRules.Placement p = HostRules.place(ctx, target);
    Set<String> addresses = new LinkedHashSet<>(h.inetV4());
    addresses.addAll(h.inetV6());
    addresses.removeAll(rem);
    addresses.addAll(add);
    if (!p.subordinate() && !addresses.isEmpty()) {
      throw new RegistryException.ValueRange(
          target
              + " is not under a TLD of this registry: an external host has no addresses"
              + (rename ? " (remove them in the same command)" : ""));
    }
    if (p.subordinate() && addresses.isEmpty()) {
      throw new RegistryException.PolicyError(
          target + " is under " + p.superordinate() + " and must keep at least one address");
    }
    if (addresses.size() > p.maxAddresses()) {
      throw new RegistryException.ValueRange("at most " + p.maxAddresses() + " addresses");
    }
    Domain oldSup = null;
    Domain newSup = null;
    if (rename) {
      if (h.subordinate()) {
        oldSup = ctx.findDomain(h.superordinateDomain()).orElse(null);
      }
      if (p.subordinate()) {
        newSup = HostRules.superordinate(ctx, p, h.registrarId());
      }
    }

    Set<StatusValue> statuses = EnumSet.noneOf(StatusValue.class);
    statuses.addAll(h.statuses());
    statuses.removeAll(remS);
    statuses.addAll(addS);
    Instant now = ctx.now();
    IpAddresses.Split split = IpAddresses.split(addresses);
    Host next =
        h.toBuilder()
            .name(target.ascii())
            .inetV4(split.v4())
            .inetV6(split.v6())
            .superordinateDomain(rename ? p.superordinate() : h.superordinateDomain())
            .statuses(statuses)
            .updatedAt(now)
            .updatedBy(caller.registrarId())
            .version(h.version() + 1)
            .build();

    Tx tx = ctx.store().tx();
    if (!rename) {
      ctx.putVersioned(tx, Items.host(next), h.version(), null);
    } else {
      // Old items first: a concurrent change of the host is retried before anything else.
      ctx.deleteVersioned(tx, Keys.host(name), h.version());
      ctx.putVersioned(tx, Items.host(next), 0, () -> exists(target.ascii()));
      tx.putNew(Items.linkCounter(Keys.host(target.ascii())), () -> exists(target.ascii()));
      tx.delete(
          Keys.host(name),
          Keys.LINKS,
          "#linkCount = :zero",
          Map.of(":zero", AttributeValue.fromN("0")),
          () -> linked(h));
      if (oldSup != null && newSup != null && oldSup.name().equals(newSup.name())) {
        putDomain(tx, HostRules.withSubordinate(newSup, target.ascii(), name), newSup);
      } else {
        if (oldSup != null) {
          putDomain(tx, HostRules.withSubordinate(oldSup, null, name), oldSup);
        }
        if (newSup != null) {
          putDomain(tx, HostRules.withSubordinate(newSup, target.ascii(), null), newSup);
        }
      }
    }
    HostIpIndex.apply(tx, h, next);
    ctx.history(tx, caller, "host", target.ascii(), h.roid(), "update", h, next);
    tx.execute();
    return new Result(next);
  }

  private void putDomain(Tx tx, Domain next, Domain current) {
    ctx.putVersioned(tx, Items.domain(next), current.version(), null);
  }

  private static Set<StatusValue> statuses(Set<StatusValue> in) {
    return in == null || in.isEmpty() ? Set.of() : EnumSet.copyOf(in);
  }

  private static Set<StatusValue> concat(Set<StatusValue> a, Set<StatusValue> b) {
    Set<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private static RegistryException prohibited(Host h, StatusValue s) {
    return new RegistryException.StatusProhibits(
        h.name() + " has status " + s.epp() + ", which prohibits update");
  }

  private static RegistryException linked(Host h) {
    return new RegistryException.AssociationProhibits(
        "host "
            + h.name()
            + " is linked to a domain; domains refer to hosts by name, so a"
            + " linked host cannot be renamed");
  }

  private static RegistryException exists(String name) {
    return new RegistryException.ObjectExists("host " + name + " exists");
  }
}
