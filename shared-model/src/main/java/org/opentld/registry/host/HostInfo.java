package org.opentld.registry.host;

import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.DomainName;

/**
 * Host info (RFC 5732 §3.1.2). Hosts have no authInfo, so every registrar sees the whole host; the
 * statuses shown include {@code linked} while a domain delegates to it.
 *
 * <p>Errors: 2005 malformed name, 2303 no such host.
 */
public final class HostInfo {
  private final RegistryContext ctx;

  public HostInfo(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The host and its statuses as EPP shows them. */
  public record Result(Host host, Set<StatusValue> statuses) {}

  /**
   * The host named {@code name}.
   *
   * @param caller who asks; any registrar may (kept for symmetry with the other commands)
   */
  public Result info(Caller caller, String name) {
    Host h = ctx.host(DomainName.parse(name).ascii());
    return new Result(h, h.effectiveStatuses());
  }
}
