package org.opentld.registry.host;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * Host create (RFC 5732 §3.2.1). A host under a TLD of this registry is subordinate to the
 * registrable domain above it: that domain must exist and belong to the caller, the host needs glue
 * (at least one address) and joins the domain's subordinate hosts. Any other host is external and
 * has no addresses (its glue lives in another registry). One transaction writes the host (only if
 * the name is free), its link counter at zero, the superordinate domain (version-checked; retried
 * if it changed meanwhile) and history.
 *
 * <p>The sponsor is the caller; when the registry itself creates a subordinate host, the sponsor is
 * the domain's, because a subordinate host always shares its domain's sponsor.
 *
 * <p>Errors: 2005 malformed name or address; 2302 name taken; 2303 superordinate domain missing;
 * 2201 superordinate domain of another registrar; 2304 superordinate domain pendingDelete; 2003
 * subordinate host without address; 2004 address on an external host, more addresses than the TLD
 * allows, or an address that is not routable unicast.
 */
public final class HostCreate {
  private final RegistryContext ctx;

  public HostCreate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The create command.
   *
   * @param addresses IPv4 and IPv6 literals, in any order (the family is read from the text)
   */
  public record Command(String name, List<String> addresses) {}

  /** The created host. */
  public record Result(Host host) {}

  public Result create(Caller caller, Command cmd) {
    DomainName name = DomainName.parse(cmd.name());
    Set<String> addresses = IpAddresses.normaliseAll(cmd.addresses());
    return ctx.withRetries(() -> attempt(caller, name, addresses));
  }

  private Result attempt(Caller caller, DomainName dn, Set<String> addresses) {
    String name = dn.ascii();
    HostRules.Placement p = HostRules.place(ctx, dn);
    if (ctx.findHost(name).isPresent()) {
      throw new RegistryException.ObjectExists("host " + name + " exists");
    }
    Domain superordinate = null;
    String sponsor = caller.registrarId();
    if (p.subordinate()) {
      superordinate =
          HostRules.superordinate(ctx, p, caller.superuser() ? null : caller.registrarId());
      sponsor = superordinate.registrarId();
      if (addresses.isEmpty()) {
        throw new RegistryException.MissingParameter(
            name + " is under " + p.superordinate() + " and needs at least one address");
      }
    } else if (!addresses.isEmpty()) {
      throw new RegistryException.ValueRange(
          name + " is not under a TLD of this registry: an external host has no addresses");
    }
    if (addresses.size() > p.maxAddresses()) {
      throw new RegistryException.ValueRange("at most " + p.maxAddresses() + " addresses");
    }

    Instant now = ctx.now();
    IpAddresses.Split split = IpAddresses.split(addresses);
    Host h =
        Host.builder()
            .name(name)
            .roid(ctx.newRoid())
            .registrarId(sponsor)
            .createdBy(caller.registrarId())
            .inetV4(split.v4())
            .inetV6(split.v6())
            .superordinateDomain(p.superordinate())
            .createdAt(now)
            .version(1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(
        tx, Items.host(h), 0, () -> new RegistryException.ObjectExists("host " + name + " exists"));
    tx.putNew(
        Items.linkCounter(Keys.host(name)),
        () -> new RegistryException.ObjectExists("host " + name + " exists"));
    if (superordinate != null) {
      ctx.putVersioned(
          tx,
          Items.domain(HostRules.withSubordinate(superordinate, name, null)),
          superordinate.version(),
          null);
    }
    HostIpIndex.apply(tx, null, h);
    ctx.history(tx, caller, "host", name, h.roid(), "create", null, h);
    tx.execute();
    return new Result(h);
  }
}
