package org.opentld.registry.epp.contact;

import org.opentld.registry.contact.ContactTransfer;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.ResultCode;
import org.w3c.dom.Element;

/**
 * Contact transfer (RFC 5733 §3.1.3 query, §3.2.4 request, approve, reject, cancel), chosen by
 * the {@code op} attribute of {@code <transfer>}; every operation answers with
 * {@code <contact:trnData>}. A request leaves the transfer pending for the losing registrar,
 * so it answers 1001 (RFC 5730 §3.2.4); the others 1000.
 *
 * <p>Results: 1000, 1001; 2005 malformed id; 2102 authInfo other than a password; 2106 request
 * for one's own contact; 2201 not a party to the transfer (or query without authInfo by a
 * stranger); 2202 wrong or missing authInfo; 2300 already pending; 2301 not pending; 2303 no
 * such contact; 2304 transfer prohibited.
 */
public final class ContactTransferCommand implements EppCommand {
  private final ContactTransfer transfer;

  public ContactTransferCommand(ContactTransfer transfer) {
    this.transfer = transfer;
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element t = req.object();
    // The schema fixes op (request, query, approve, reject, cancel) on the parent <transfer>.
    String op = ((Element) t.getParentNode()).getAttribute("op");
    String id = Dom.text(t, EppNs.CONTACT, "id");
    String authInfo = ContactXml.authInfo(Dom.child(t, EppNs.CONTACT, "authInfo"));
    ContactTransfer.Result r =
        switch (op) {
          case "request" -> transfer.request(req.caller(), id, authInfo);
          case "query" -> transfer.query(req.caller(), id, authInfo);
          case "approve" -> transfer.approve(req.caller(), id);
          case "reject" -> transfer.reject(req.caller(), id);
          case "cancel" -> transfer.cancel(req.caller(), id);
          default -> throw new IllegalStateException("schema-invalid transfer op " + op);
        };
    PendingTransfer p = r.transfer();
    Xml x = new Xml();
    x.open("contact:trnData", "xmlns:contact", EppNs.CONTACT);
    x.leaf("contact:id", r.id());
    x.leaf("contact:trStatus", p.status().epp());
    x.leaf("contact:reID", p.gainingRegistrarId());
    x.leaf("contact:reDate", Xml.time(p.requestedAt()));
    x.leaf("contact:acID", p.losingRegistrarId());
    x.leaf("contact:acDate", Xml.time(p.actionBy()));
    x.close("contact:trnData");
    ResultCode code =
        op.equals("request") && r.pending()
            ? ResultCode.SUCCESS_ACTION_PENDING
            : ResultCode.SUCCESS;
    return new EppResponse(code, code.message(), x.toString(), null, false);
  }
}
