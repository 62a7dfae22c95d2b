package org.opentld.registry.contact;

import java.util.EnumSet;
import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Contact delete (RFC 5733 §3.2.2): removes the contact at once if no domain uses it. The
 * "linked" check is not only read beforehand: the transaction deletes the link counter on the
 * condition that it is zero, so a domain command linking the contact at the same moment either
 * commits first (and the delete fails with 2305) or finds the counter gone (and fails with
 * 2303); a domain can never refer to a deleted contact.
 *
 * <p>Errors: 2005 malformed id; 2303 no such contact; 2201 not the sponsor; 2304
 * client/serverDeleteProhibited or pendingTransfer; 2305 linked to a domain.
 */
public final class ContactDelete {
  private static final EnumSet<StatusValue> PROHIBITING =
      EnumSet.of(StatusValue.CLIENT_DELETE_PROHIBITED, StatusValue.SERVER_DELETE_PROHIBITED);

  private final RegistryContext ctx;

  public ContactDelete(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The contact as it was before deletion. */
  public record Result(Contact deleted) {}

  public Result delete(Caller caller, String id) {
    ContactRules.checkId(id);
    return ctx.withRetries(() -> apply(caller, id));
  }

  private Result apply(Caller caller, String id) {
    Contact c = ctx.contact(id);
    ContactRules.requireSponsor(caller, c);
    ContactRules.requireNone(c, PROHIBITING, "delete");
    ContactRules.requireNoPendingTransfer(c, "delete");
    if (c.linked()) {
      throw linked(id);
    }
    Tx tx = ctx.store().tx();
    ctx.deleteVersioned(tx, Keys.contact(id), c.version());
    tx.delete(
        Keys.contact(id),
        Keys.LINKS,
        "#linkCount = :zero",
        Map.of(":zero", AttributeValue.fromN("0")),
        () -> linked(id));
    ctx.history(tx, caller, "contact", id, c.roid(), "delete", c, null);
    tx.execute();
    return new Result(c);
  }

  private static RegistryException linked(String id) {
    return new RegistryException.AssociationProhibits(
        "contact " + id + " is linked to a domain and cannot be deleted");
  }
}
