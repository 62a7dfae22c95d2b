package org.opentld.registry.epp.host;

import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.host.Host;
import org.opentld.registry.host.HostCreate;

/**
 * Host create (RFC 5732 §3.2.1) with its glue addresses ({@code <host:addr ip="v4|v6">}).
 *
 * <p>Results: 1000; 2003 subordinate host without address; 2004 address on an external host,
 * too many addresses, or one that is not routable unicast; 2005 malformed name or address, or
 * an address whose {@code ip} attribute names the other family; 2201 superordinate domain of
 * another registrar; 2302 name taken; 2303 superordinate domain missing; 2304 superordinate
 * domain pendingDelete.
 */
public final class HostCreateCommand implements EppCommand {
  private final HostCreate create;

  public HostCreateCommand(HostCreate create) {
    this.create = create;
  }

  @Override
  public EppResponse run(EppRequest req) {
    HostCreate.Command cmd =
        new HostCreate.Command(
            Dom.text(req.object(), EppNs.HOST, "name"), HostXml.addresses(req.object()));
    Host h = create.create(req.caller(), cmd).host();
    Xml x = new Xml();
    x.open("host:creData", "xmlns:host", EppNs.HOST);
    x.leaf("host:name", h.name()).leaf("host:crDate", Xml.time(h.createdAt()));
    return EppResponse.success(x.close("host:creData").toString(), null);
  }
}
