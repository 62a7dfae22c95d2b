package org.opentld.registry.domain;

import java.util.List;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;

/**
 * Domain info (RFC 5731 §3.1.2). The sponsor (or the registry) sees everything; another
 * registrar sees everything but authInfo if it gives the right authInfo, and otherwise a
 * limited view (name, ROID, statuses, sponsor, dates).
 *
 * <p>Errors: 2005 malformed name, 2303 no such domain, 2202 wrong authInfo.
 */
public final class DomainInfo {
  private final RegistryContext ctx;

  public DomainInfo(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The domain as the caller may see it.
   *
   * @param full false when only the limited view may be shown
   */
  public record Result(Domain domain, boolean full, Set<StatusValue> statuses, List<String> rgp) {}

  public Result info(Caller caller, String name, String authInfo) {
    DomainName dn = DomainName.parse(name);
    Domain d = ctx.domain(dn.ascii());
    boolean sponsor = caller.superuser() || caller.registrarId().equals(d.registrarId());
    boolean full = sponsor;
    if (!sponsor && authInfo != null && !authInfo.isEmpty()) {
      if (!DomainRules.authInfoMatches(d, authInfo, ctx.now())) {
        throw new RegistryException.InvalidAuthInfo("authInfo does not match " + d.name());
      }
      full = true;
    }
    return new Result(d, full, d.effectiveStatuses(), d.rgpStatuses(ctx.now()));
  }
}
