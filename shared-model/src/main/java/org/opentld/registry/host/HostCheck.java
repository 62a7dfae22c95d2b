package org.opentld.registry.host;

import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;

/**
 * Host check (RFC 5732 §3.1.1): for each name, whether a host of that name can be created.
 *
 * <p>Errors: 2003 no names; 2004 more than {@link #MAX_NAMES} names. A malformed name is not an
 * error of the command: it is answered unavailable with the reason.
 */
public final class HostCheck {
  /** Names in one check; hosts span TLDs, so this is the registry's, not a TLD's, limit. */
  public static final int MAX_NAMES = 50;

  private final RegistryContext ctx;

  public HostCheck(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The answer for one name; {@code reason} is null when it is available. */
  public record Result(String name, boolean available, String reason) {}

  public List<Result> check(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new RegistryException.MissingParameter("no names to check");
    }
    if (names.size() > MAX_NAMES) {
      throw new RegistryException.ValueRange("at most " + MAX_NAMES + " names in one check");
    }
    List<Result> out = new ArrayList<>(names.size());
    for (String input : names) {
      String name;
      try {
        name = DomainName.parse(input).ascii();
      } catch (RegistryException e) {
        out.add(new Result(input, false, e.getMessage()));
        continue;
      }
      boolean exists = ctx.findHost(name).isPresent();
      out.add(new Result(name, !exists, exists ? "In use" : null));
    }
    return out;
  }
}
