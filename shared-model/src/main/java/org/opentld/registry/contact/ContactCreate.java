package org.opentld.registry.contact;

import java.time.Instant;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * Contact create (RFC 5733 §3.2.1): one transaction writes the contact (only if the id is
 * free), its link counter at zero (which domain commands increment and delete requires at
 * zero) and history. Contacts are not charged.
 *
 * <p>Errors: 2003 missing id, postalInfo, name, city, cc, email or authInfo; 2005 malformed
 * id, non-ASCII int postalInfo, unknown country code, e-mail, phone number or disclose field;
 * 2004 more than one postalInfo of a form, more than three street lines, over-long values;
 * 2302 id taken.
 */
public final class ContactCreate {
  private final RegistryContext ctx;

  public ContactCreate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The create command.
   *
   * @param postalInfo one int and/or one loc form (RFC 5733 §2.4)
   * @param voice E.164 as {@code +CC.NUMBER}, or null
   * @param disclose the disclosure preference, or null for the server's default
   */
  public record Command(
      String id,
      List<PostalInfo> postalInfo,
      String voice,
      String voiceExt,
      String fax,
      String faxExt,
      String email,
      String authInfo,
      Disclose disclose) {}

  /** The created contact. */
  public record Result(Contact contact) {}

  public Result create(Caller caller, Command cmd) {
    String id = ContactRules.checkId(cmd.id());
    List<PostalInfo> postal = ContactRules.checkPostalInfo(cmd.postalInfo());
    ContactRules.checkPhone(cmd.voice(), cmd.voiceExt(), "voice");
    ContactRules.checkPhone(cmd.fax(), cmd.faxExt(), "fax");
    String email = ContactRules.checkEmail(cmd.email());
    Disclose disclose = ContactRules.checkDisclose(cmd.disclose());
    String authInfoHash = ContactRules.hashAuthInfo(cmd.authInfo());

    Instant now = ctx.now();
    Contact c =
        Contact.builder()
            .id(id)
            .roid(ctx.newRoid())
            .registrarId(caller.registrarId())
            .createdBy(caller.registrarId())
            .postalInfo(postal)
            .voice(emptyToNull(cmd.voice()))
            .voiceExt(emptyToNull(cmd.voice()) == null ? null : emptyToNull(cmd.voiceExt()))
            .fax(emptyToNull(cmd.fax()))
            .faxExt(emptyToNull(cmd.fax()) == null ? null : emptyToNull(cmd.faxExt()))
            .email(email)
            .authInfoHash(authInfoHash)
            .disclose(disclose)
            .createdAt(now)
            .version(1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(
        tx,
        Items.contact(c),
        0,
        () -> new RegistryException.ObjectExists("contact " + id + " already exists"));
    tx.putNew(
        Items.linkCounter(Keys.contact(id)),
        () -> new RegistryException.ObjectExists("contact " + id + " already exists"));
    ctx.history(tx, caller, "contact", id, c.roid(), "create", null, c);
    tx.execute();
    return new Result(c);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
