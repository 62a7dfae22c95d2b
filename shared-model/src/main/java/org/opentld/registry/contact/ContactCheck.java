package org.opentld.registry.contact;

import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.error.RegistryException;

/**
 * Contact check (RFC 5733 §3.1.1): for each identifier, whether a contact can be created with
 * it now, and if not why.
 *
 * <p>Errors: 2003 no identifiers; 2004 more than {@value #MAX_IDS} in one check. A malformed
 * identifier is not an error of the command: it is answered unavailable with the reason.
 */
public final class ContactCheck {
  /** The same limit as for domain names (Nomulus's default). */
  public static final int MAX_IDS = 50;

  private final RegistryContext ctx;

  public ContactCheck(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The answer for one identifier; {@code reason} is null when it is available. */
  public record Result(String id, boolean available, String reason) {}

  public List<Result> check(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new RegistryException.MissingParameter("no contact ids to check");
    }
    if (ids.size() > MAX_IDS) {
      throw new RegistryException.ValueRange("at most " + MAX_IDS + " ids in one check");
    }
    List<Result> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      try {
        ContactRules.checkId(id);
      } catch (RegistryException e) {
        out.add(new Result(id, false, e.getMessage()));
        continue;
      }
      boolean exists = ctx.findContact(id).isPresent();
      out.add(new Result(id, !exists, exists ? "In use" : null));
    }
    return out;
  }
}
