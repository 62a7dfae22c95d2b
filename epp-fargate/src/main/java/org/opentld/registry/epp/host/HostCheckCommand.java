package org.opentld.registry.epp.host;

import java.util.List;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.host.HostCheck;

/**
 * Host check (RFC 5732 §3.1.1): for each name, whether a host of that name can be created; a
 * taken or malformed name is answered unavailable with a reason.
 *
 * <p>Results: 1000; 2004 too many names.
 */
public final class HostCheckCommand implements EppCommand {
  private final HostCheck check;

  public HostCheckCommand(HostCheck check) {
    this.check = check;
  }

  @Override
  public EppResponse run(EppRequest req) {
    List<HostCheck.Result> results = check.check(Dom.texts(req.object(), EppNs.HOST, "name"));
    Xml x = new Xml();
    x.open("host:chkData", "xmlns:host", EppNs.HOST);
    for (HostCheck.Result r : results) {
      x.open("host:cd");
      x.leaf("host:name", r.name(), "avail", r.available() ? "1" : "0");
      if (!r.available()) {
        x.leaf("host:reason", HostXml.reason(r.reason()));
      }
      x.close("host:cd");
    }
    return EppResponse.success(x.close("host:chkData").toString(), null);
  }
}
