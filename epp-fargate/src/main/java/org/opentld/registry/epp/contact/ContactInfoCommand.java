package org.opentld.registry.epp.contact;

import java.util.Comparator;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.ContactInfo;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;

/**
 * Contact info (RFC 5733 §3.1.2). The registry decides what the caller may see: the sponsor,
 * or another registrar giving the right authInfo, gets the full view; anyone else the limited
 * one, which carries no personal data. The authInfo is never returned: it is stored only as a
 * hash (RFC 9154 §4.1).
 *
 * <p>The schema makes a postal name, city, country and an e-mail mandatory in
 * {@code <contact:infData>}, so the limited view fills them with {@value #REDACTED} (the text
 * ICANN's registration data policy uses for withheld data) and the user-assigned country code
 * {@code XX}, rather than sending a response the client cannot validate or the personal data
 * the registry withheld.
 *
 * <p>Results: 1000; 2005 malformed id; 2102 authInfo other than a password; 2202 wrong
 * authInfo; 2303 no such contact.
 */
public final class ContactInfoCommand implements EppCommand {
  static final String REDACTED = "REDACTED FOR PRIVACY";

  private final ContactInfo info;

  public ContactInfoCommand(ContactInfo info) {
    this.info = info;
  }

  @Override
  public EppResponse run(EppRequest req) {
    String authInfo =
        ContactXml.authInfo(Dom.child(req.object(), EppNs.CONTACT, "authInfo"));
    ContactInfo.Result r =
        info.info(req.caller(), Dom.text(req.object(), EppNs.CONTACT, "id"), authInfo);
    Contact c = r.contact();

    Xml x = new Xml();
    x.open("contact:infData", "xmlns:contact", EppNs.CONTACT);
    x.leaf("contact:id", c.id()).leaf("contact:roid", c.roid());
    r.statuses().stream().map(StatusValue::epp).sorted()
        .forEach(s -> x.empty("contact:status", "s", s));
    if (r.full()) {
      c.postalInfo().stream()
          .sorted(Comparator.comparing(PostalInfo::type))
          .forEach(p -> ContactXml.writePostalInfo(x, p));
      x.leaf("contact:voice", c.voice(), "x", c.voiceExt());
      x.leaf("contact:fax", c.fax(), "x", c.faxExt());
      x.leaf("contact:email", c.email());
    } else {
      ContactXml.writePostalInfo(
          x,
          new PostalInfo(PostalInfo.Type.INT, REDACTED, null, null, REDACTED, null, null, "XX"));
      x.leaf("contact:email", REDACTED);
    }
    x.leaf("contact:clID", c.registrarId());
    x.leaf("contact:crID", c.createdBy());
    x.leaf("contact:crDate", Xml.time(c.createdAt()));
    if (c.updatedAt() != null) {
      x.leaf("contact:upID", c.updatedBy());
      x.leaf("contact:upDate", Xml.time(c.updatedAt()));
    }
    x.leaf("contact:trDate", Xml.time(c.transferredAt()));
    if (r.full()) {
      ContactXml.writeDisclose(x, c.disclose());
    }
    return EppResponse.success(x.close("contact:infData").toString(), null);
  }
}
