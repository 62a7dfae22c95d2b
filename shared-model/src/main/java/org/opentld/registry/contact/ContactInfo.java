package org.opentld.registry.contact;

import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;

/**
 * Contact info (RFC 5733 §3.1.2). The sponsor (or the registry) sees everything; another
 * registrar that gives the right authInfo sees everything but the authInfo; without authInfo
 * it gets the limited view of {@link ContactRules#limitedView}, which carries no personal
 * data, so that no front end can show more by mistake.
 *
 * <p>Errors: 2005 malformed id, 2303 no such contact, 2202 wrong authInfo.
 */
public final class ContactInfo {
  private final RegistryContext ctx;

  public ContactInfo(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The contact as the caller may see it.
   *
   * @param contact the contact; the authInfo hash only for the sponsor, personal data only
   *     when {@code full}
   * @param full false when only the limited view may be shown
   * @param statuses the statuses to show (stored ones plus linked, pendingTransfer or ok)
   */
  public record Result(Contact contact, boolean full, Set<StatusValue> statuses) {}

  public Result info(Caller caller, String id, String authInfo) {
    ContactRules.checkId(id);
    Contact c = ctx.contact(id);
    Set<StatusValue> statuses = c.effectiveStatuses();
    if (ContactRules.isSponsor(caller, c)) {
      return new Result(c, true, statuses);
    }
    if (authInfo == null || authInfo.isEmpty()) {
      return new Result(ContactRules.limitedView(c), false, statuses);
    }
    if (!ContactRules.authInfoMatches(c, authInfo)) {
      throw new RegistryException.InvalidAuthInfo("authInfo does not match contact " + id);
    }
    return new Result(c.toBuilder().authInfoHash(null).build(), true, statuses);
  }
}
