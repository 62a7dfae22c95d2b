package org.opentld.registry.epp.contact;

import java.util.Optional;
import org.opentld.registry.contact.ContactUpdate;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.error.ResultCode;
import org.w3c.dom.Element;

/**
 * Contact update (RFC 5733 §3.2.5): {@code <contact:add>}/{@code <contact:rem>} statuses and
 * {@code <contact:chg>} postal information, voice, fax, e-mail, authInfo and disclosure. An
 * empty {@code <contact:voice/>} or {@code <contact:fax/>} removes the number, an empty
 * {@code <contact:org/>} the organisation.
 *
 * <p>Results: 1000; 2003 nothing to change or a required value emptied; 2004 a status that
 * cannot be set on a contact, over-long values; 2005 as for create; 2102 authInfo other than a
 * password; 2201 not the sponsor; 2303 no such contact; 2304 update prohibited or
 * pendingTransfer; 2306 a server status set by a registrar, or adding a status already there.
 */
public final class ContactUpdateCommand implements EppCommand {
  private final ContactUpdate update;

  public ContactUpdateCommand(ContactUpdate update) {
    this.update = update;
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element u = req.object();
    ContactUpdate.Command cmd =
        new ContactUpdate.Command(
            Dom.text(u, EppNs.CONTACT, "id"),
            ContactXml.statuses(Dom.child(u, EppNs.CONTACT, "add")),
            ContactXml.statuses(Dom.child(u, EppNs.CONTACT, "rem")),
            Dom.child(u, EppNs.CONTACT, "chg").map(ContactUpdateCommand::change).orElse(null));
    update.update(req.caller(), cmd);
    return EppResponse.of(ResultCode.SUCCESS);
  }

  private static ContactUpdate.Change change(Element chg) {
    ContactXml.Phone voice = ContactXml.phone(chg, "voice");
    ContactXml.Phone fax = ContactXml.phone(chg, "fax");
    Optional<Element> authInfo = Dom.child(chg, EppNs.CONTACT, "authInfo");
    return new ContactUpdate.Change(
        ContactXml.postalInfo(chg),
        voice.number(),
        voice.ext(),
        fax.number(),
        fax.ext(),
        Dom.text(chg, EppNs.CONTACT, "email"),
        // An empty <contact:pw/> is a value to check (2003), not "unchanged".
        authInfo.isPresent() ? nullToEmpty(ContactXml.authInfo(authInfo)) : null,
        ContactXml.disclose(Dom.child(chg, EppNs.CONTACT, "disclose")));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
