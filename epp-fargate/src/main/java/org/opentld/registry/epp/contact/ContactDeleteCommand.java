package org.opentld.registry.epp.contact;

import org.opentld.registry.contact.ContactDelete;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.error.ResultCode;

/**
 * Contact delete (RFC 5733 §3.2.2): done at once (1000) when no domain uses the contact.
 *
 * <p>Results: 1000; 2005 malformed id; 2201 not the sponsor; 2303 no such contact; 2304 delete
 * prohibited or pendingTransfer; 2305 a domain uses it.
 */
public final class ContactDeleteCommand implements EppCommand {
  private final ContactDelete delete;

  public ContactDeleteCommand(ContactDelete delete) {
    this.delete = delete;
  }

  @Override
  public EppResponse run(EppRequest req) {
    delete.delete(req.caller(), Dom.text(req.object(), EppNs.CONTACT, "id"));
    return EppResponse.of(ResultCode.SUCCESS);
  }
}
