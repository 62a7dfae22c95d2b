package org.opentld.registry.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;

/**
 * Contact update (RFC 5733 §3.2.5): add and remove statuses, change postal data, phone
 * numbers, e-mail, authInfo and disclosure, in one versioned write with history (retried if
 * another command changed the contact in between).
 *
 * <p>Status rules: a registrar may add or remove only {@link StatusValue#CLIENT_CONTACT}; the
 * server* statuses that apply to contacts ({@link ContactRules#SERVER_CONTACT}) only the
 * registry may set, so a registrar asking for one gets 2306 (valid value, refused by policy);
 * any other value (ok, linked, pending*, hold, renew) cannot be set on a contact by anyone:
 * 2004. The same status in add and rem, adding one already present or removing an absent one
 * is 2306.
 *
 * <p>clientUpdateProhibited and serverUpdateProhibited refuse the update (2304) unless the same
 * command removes that status: the usual convention that lets a registrar unlock and change a
 * contact in one command (and the registry likewise for its server status).
 *
 * <p>Errors: 2003 nothing to change or a required value emptied; 2004/2005 as for create and
 * for statuses above; 2303 no such contact; 2201 not the sponsor; 2304 update prohibited or
 * pendingTransfer; 2306 status policy.
 */
public final class ContactUpdate {
  private final RegistryContext ctx;

  public ContactUpdate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * New values; null leaves a value unchanged. Each postalInfo changes the form of its type:
   * a non-null name or org replaces it (org "" removes it), and any address field given
   * replaces the whole address (RFC 5733 §3.2.5 {@code <contact:addr>}). An empty voice or fax
   * removes the number with its extension.
   */
  public record Change(
      List<PostalInfo> postalInfo,
      String voice,
      String voiceExt,
      String fax,
      String faxExt,
      String email,
      String authInfo,
      Disclose disclose) {

    boolean isEmpty() {
      return (postalInfo == null || postalInfo.isEmpty())
          && voice == null
          && fax == null
          && email == null
          && authInfo == null
          && disclose == null;
    }
  }

  /** The update command; {@code add}, {@code rem} and {@code chg} may each be null. */
  public record Command(String id, Set<StatusValue> add, Set<StatusValue> rem, Change chg) {}

  /** The contact as stored after the update. */
  public record Result(Contact contact) {}

  public Result update(Caller caller, Command cmd) {
    ContactRules.checkId(cmd.id());
    Set<StatusValue> add = cmd.add() == null ? Set.of() : cmd.add();
    Set<StatusValue> rem = cmd.rem() == null ? Set.of() : cmd.rem();
    Change chg = cmd.chg();
    if (add.isEmpty() && rem.isEmpty() && (chg == null || chg.isEmpty())) {
      throw new RegistryException.MissingParameter("the update changes nothing");
    }
    checkSettable(caller, add);
    checkSettable(caller, rem);
    for (StatusValue s : add) {
      if (rem.contains(s)) {
        throw new RegistryException.PolicyError(
            "status " + s.epp() + " is both added and removed");
      }
    }
    return ctx.withRetries(() -> apply(caller, cmd.id(), add, rem, chg));
  }

  private Result apply(
      Caller caller, String id, Set<StatusValue> add, Set<StatusValue> rem, Change chg) {
    Contact c = ctx.contact(id);
    ContactRules.requireSponsor(caller, c);
    for (StatusValue s : EnumSet.of(
        StatusValue.CLIENT_UPDATE_PROHIBITED, StatusValue.SERVER_UPDATE_PROHIBITED)) {
      if (c.hasStatus(s) && !rem.contains(s)) {
        throw new RegistryException.StatusProhibits(
            "contact " + id + " has status " + s.epp() + ", which prohibits update");
      }
    }
    ContactRules.requireNoPendingTransfer(c, "update");
    EnumSet<StatusValue> statuses = EnumSet.noneOf(StatusValue.class);
    statuses.addAll(c.statuses());
    for (StatusValue s : add) {
      if (!statuses.add(s)) {
        throw new RegistryException.PolicyError("contact " + id + " already has " + s.epp());
      }
    }
    for (StatusValue s : rem) {
      if (!statuses.remove(s)) {
        throw new RegistryException.PolicyError("contact " + id + " does not have " + s.epp());
      }
    }

    Contact.Builder next = c.toBuilder().statuses(statuses);
    if (chg != null) {
      change(c, chg, next);
    }
    Instant now = ctx.now();
    Contact after =
        next.updatedAt(now).updatedBy(caller.registrarId()).version(c.version() + 1).build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.contact(after), c.version(), null);
    ctx.history(tx, caller, "contact", id, c.roid(), "update", c, after);
    tx.execute();
    return new Result(after);
  }

  private static void change(Contact c, Change chg, Contact.Builder next) {
    if (chg.postalInfo() != null && !chg.postalInfo().isEmpty()) {
      next.postalInfo(ContactRules.checkPostalInfo(merge(c.postalInfo(), chg.postalInfo())));
    }
    if (chg.voice() != null) {
      ContactRules.checkPhone(chg.voice(), chg.voiceExt(), "voice");
      String voice = ContactCreate.emptyToNull(chg.voice());
      next.voice(voice).voiceExt(voice == null ? null : ContactCreate.emptyToNull(chg.voiceExt()));
    }
    if (chg.fax() != null) {
      ContactRules.checkPhone(chg.fax(), chg.faxExt(), "fax");
      String fax = ContactCreate.emptyToNull(chg.fax());
      next.fax(fax).faxExt(fax == null ? null : ContactCreate.emptyToNull(chg.faxExt()));
    }
    if (chg.email() != null) {
      next.email(ContactRules.checkEmail(chg.email()));
    }
    if (chg.authInfo() != null) {
      next.authInfoHash(ContactRules.hashAuthInfo(chg.authInfo()));
    }
    if (chg.disclose() != null) {
      next.disclose(ContactRules.checkDisclose(chg.disclose()));
    }
  }

  /** Applies changed postal forms to the current ones (validated afterwards as a whole). */
  private static List<PostalInfo> merge(List<PostalInfo> current, List<PostalInfo> changes) {
    Map<PostalInfo.Type, PostalInfo> byType = new EnumMap<>(PostalInfo.Type.class);
    for (PostalInfo p : current) {
      byType.put(p.type(), p);
    }
    EnumSet<PostalInfo.Type> seen = EnumSet.noneOf(PostalInfo.Type.class);
    for (PostalInfo p : changes) {
      if (p == null || p.type() == null) {
        throw new RegistryException.MissingParameter("postalInfo type (int or loc) is missing");
      }
      if (!seen.add(p.type())) {
        throw new RegistryException.ValueRange(
            "more than one postalInfo of type " + p.type().epp());
      }
      PostalInfo old = byType.get(p.type());
      boolean addr =
          p.city() != null
              || p.cc() != null
              || p.sp() != null
              || p.pc() != null
              || !p.street().isEmpty();
      String name = p.name() != null ? p.name() : old == null ? null : old.name();
      String org = p.org() != null ? p.org() : old == null ? null : old.org();
      PostalInfo merged =
          addr || old == null
              ? new PostalInfo(p.type(), name, org, p.street(), p.city(), p.sp(), p.pc(), p.cc())
              : new PostalInfo(
                  p.type(), name, org, old.street(), old.city(), old.sp(), old.pc(), old.cc());
      byType.put(p.type(), merged);
    }
    return new ArrayList<>(byType.values());
  }

  /** Which statuses the caller may add or remove on a contact (see the class comment). */
  private static void checkSettable(Caller caller, Set<StatusValue> statuses) {
    for (StatusValue s : statuses) {
      if (StatusValue.CLIENT_CONTACT.contains(s)) {
        continue;
      }
      if (ContactRules.SERVER_CONTACT.contains(s)) {
        if (!caller.superuser()) {
          throw new RegistryException.PolicyError(
              "status " + s.epp() + " is set only by the registry");
        }
        continue;
      }
      throw new RegistryException.ValueRange(
          "status " + s.epp() + " cannot be set on a contact");
    }
  }
}
