package org.opentld.registry.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.tld.Tld;

/**
 * Rules the host operations share: whether a name is subordinate to a domain of this registry (RFC
 * 5732 §1.1), what its superordinate domain must be, sponsorship and prohibiting statuses.
 */
public final class HostRules {
  /** The address limit for hosts outside our TLDs, which have no TLD policy (and no glue). */
  static final int EXTERNAL_MAX_ADDRESSES = 10;

  private HostRules() {}

  /**
   * Where a host name sits.
   *
   * @param tld the TLD of this registry the name is under, or null for an external host
   * @param superordinate the registrable name (label under the TLD plus the TLD), or null
   */
  public record Placement(DomainName name, Tld tld, String superordinate) {
    public boolean subordinate() {
      return superordinate != null;
    }

    public int maxAddresses() {
      return tld == null ? EXTERNAL_MAX_ADDRESSES : tld.maxHostAddresses();
    }
  }

  /**
   * Finds the most specific TLD of this registry among the name's parents; the host is subordinate
   * to the registrable domain directly under it, even when it sits several labels deeper ({@code
   * ns1.dc.example.test} belongs to {@code example.test}).
   */
  public static Placement place(RegistryContext ctx, DomainName name) {
    String parent = name.parent();
    while (!parent.isEmpty()) {
      Optional<Tld> tld = ctx.findTld(parent);
      if (tld.isPresent()) {
        String below = name.ascii().substring(0, name.ascii().length() - parent.length() - 1);
        String label = below.substring(below.lastIndexOf('.') + 1);
        return new Placement(name, tld.get(), label + "." + parent);
      }
      int dot = parent.indexOf('.');
      parent = dot < 0 ? "" : parent.substring(dot + 1);
    }
    return new Placement(name, null, null);
  }

  /**
   * The superordinate domain of a subordinate placement: it must exist (2303), be sponsored by
   * {@code sponsorId} (2201; RFC 5732 §3.2.1 lets only the domain's sponsor create hosts under it)
   * and not be deleted (2304), since glue under a name on its way out would be purged with it.
   */
  static Domain superordinate(RegistryContext ctx, Placement p, String sponsorId) {
    Domain d =
        ctx.findDomain(p.superordinate())
            .orElseThrow(
                () ->
                    new RegistryException.ObjectDoesNotExist(
                        "superordinate domain " + p.superordinate() + " does not exist"));
    if (sponsorId != null && !sponsorId.equals(d.registrarId())) {
      throw new RegistryException.AuthorizationFailed(
          "registrar " + sponsorId + " does not sponsor " + d.name());
    }
    if (d.isDeleted()) {
      throw new RegistryException.StatusProhibits(
          d.name() + " is pendingDelete, which prohibits new subordinate hosts");
    }
    return d;
  }

  /** The caller must sponsor the host, unless it is the registry itself (2201). */
  static void requireSponsor(Caller caller, Host h) {
    if (!caller.superuser() && !caller.registrarId().equals(h.registrarId())) {
      throw new RegistryException.AuthorizationFailed(
          "registrar " + caller.registrarId() + " does not sponsor host " + h.name());
    }
  }

  /** Fails with 2304 if any of the statuses is on the host. */
  static void requireNone(Host h, Set<StatusValue> prohibiting, String what) {
    for (StatusValue s : h.statuses()) {
      if (prohibiting.contains(s)) {
        throw new RegistryException.StatusProhibits(
            h.name() + " has status " + s.epp() + ", which prohibits " + what);
      }
    }
  }

  /**
   * The next version of a domain with {@code remove} taken out of and {@code add} put into its
   * subordinate hosts (either may be null). The domain's own update date is not touched: this is a
   * consequence of a host command, not a change the domain's sponsor asked for.
   */
  static Domain withSubordinate(Domain d, String add, String remove) {
    List<String> hosts = new ArrayList<>(d.subordinateHosts());
    if (remove != null) {
      hosts.remove(remove);
    }
    if (add != null && !hosts.contains(add)) {
      hosts.add(add);
    }
    return d.toBuilder().subordinateHosts(hosts).version(d.version() + 1).build();
  }
}
