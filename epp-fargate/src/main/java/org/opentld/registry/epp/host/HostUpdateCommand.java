package org.opentld.registry.epp.host;

import java.util.List;
import java.util.Optional;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.host.HostUpdate;
import org.w3c.dom.Element;

/**
 * Host update (RFC 5732 §3.2.5): {@code <host:add>} and {@code <host:rem>} addresses and
 * statuses, {@code <host:chg>} a new name. Removals are applied before additions.
 *
 * <p>Results: 1000; 2003 nothing to change; 2004 addresses on an external host, too many or a
 * non-routable one; 2005 malformed name or address, or an {@code ip} attribute of the other
 * family; 2201 not the sponsor, or new superordinate domain of another registrar; 2302 new
 * name taken; 2303 no such host or new superordinate domain; 2304 update prohibited, or new
 * superordinate domain pendingDelete; 2305 rename of a linked host; 2306 a status the
 * registrar may not set, or a subordinate host left without addresses.
 */
public final class HostUpdateCommand implements EppCommand {
  private final HostUpdate update;

  public HostUpdateCommand(HostUpdate update) {
    this.update = update;
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element u = req.object();
    Optional<Element> add = Dom.child(u, EppNs.HOST, "add");
    Optional<Element> rem = Dom.child(u, EppNs.HOST, "rem");
    HostUpdate.Command cmd =
        new HostUpdate.Command(
            Dom.text(u, EppNs.HOST, "name"),
            add.map(HostXml::addresses).orElse(List.of()),
            rem.map(HostXml::addresses).orElse(List.of()),
            HostXml.statuses(add),
            HostXml.statuses(rem),
            Dom.child(u, EppNs.HOST, "chg").map(c -> Dom.text(c, EppNs.HOST, "name")).orElse(null));
    update.update(req.caller(), cmd);
    return EppResponse.of(ResultCode.SUCCESS);
  }
}
