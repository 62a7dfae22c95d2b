package org.opentld.registry.epp.contact;

import java.util.List;
import org.opentld.registry.contact.ContactCheck;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;

/**
 * Contact check (RFC 5733 §3.1.1): for each identifier, whether a contact can be created with
 * it, and if not why ({@code <contact:reason>}).
 *
 * <p>Results: 1000; 2004 too many identifiers.
 */
public final class ContactCheckCommand implements EppCommand {
  private final ContactCheck check;

  public ContactCheckCommand(ContactCheck check) {
    this.check = check;
  }

  @Override
  public EppResponse run(EppRequest req) {
    List<ContactCheck.Result> results =
        check.check(Dom.texts(req.object(), EppNs.CONTACT, "id"));
    Xml x = new Xml();
    x.open("contact:chkData", "xmlns:contact", EppNs.CONTACT);
    for (ContactCheck.Result r : results) {
      x.open("contact:cd");
      x.leaf("contact:id", r.id(), "avail", r.available() ? "1" : "0");
      if (!r.available()) {
        x.leaf("contact:reason", ContactXml.reason(r.reason()));
      }
      x.close("contact:cd");
    }
    return EppResponse.success(x.close("contact:chkData").toString(), null);
  }
}
