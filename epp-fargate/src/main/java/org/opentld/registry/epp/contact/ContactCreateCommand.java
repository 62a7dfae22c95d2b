package org.opentld.registry.epp.contact;

import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.w3c.dom.Element;

/**
 * Contact create (RFC 5733 §3.2.1): postal information in int and/or loc form, voice and fax
 * with extensions, e-mail, authInfo and the disclosure preference.
 *
 * <p>Results: 1000; 2003 a required value blank; 2004 two postalInfo of one form or an
 * over-long value; 2005 malformed id, non-ASCII int form, unknown country code, e-mail or
 * phone extension; 2102 authInfo other than a password; 2302 id taken.
 */
public final class ContactCreateCommand implements EppCommand {
  private final ContactCreate create;

  public ContactCreateCommand(ContactCreate create) {
    this.create = create;
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element c = req.object();
    ContactXml.Phone voice = ContactXml.phone(c, "voice");
    ContactXml.Phone fax = ContactXml.phone(c, "fax");
    ContactCreate.Command cmd =
        new ContactCreate.Command(
            Dom.text(c, EppNs.CONTACT, "id"),
            ContactXml.postalInfo(c),
            voice.number(),
            voice.ext(),
            fax.number(),
            fax.ext(),
            Dom.text(c, EppNs.CONTACT, "email"),
            ContactXml.authInfo(Dom.child(c, EppNs.CONTACT, "authInfo")),
            ContactXml.disclose(Dom.child(c, EppNs.CONTACT, "disclose")));
    Contact created = create.create(req.caller(), cmd).contact();
    Xml x = new Xml();
    x.open("contact:creData", "xmlns:contact", EppNs.CONTACT);
    x.leaf("contact:id", created.id()).leaf("contact:crDate", Xml.time(created.createdAt()));
    return EppResponse.success(x.close("contact:creData").toString(), null);
  }
}
