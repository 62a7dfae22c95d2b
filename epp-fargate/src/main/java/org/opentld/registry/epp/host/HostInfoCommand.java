package org.opentld.registry.epp.host;

import org.opentld.registry.common.StatusValue;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.host.Host;
import org.opentld.registry.host.HostInfo;

/**
 * Host info (RFC 5732 §3.1.2). Hosts carry no authInfo and no personal data, so every
 * registrar sees the whole host; statuses include {@code linked} while a domain delegates to
 * it.
 *
 * <p>Results: 1000; 2005 malformed name; 2303 no such host.
 */
public final class HostInfoCommand implements EppCommand {
  private final HostInfo info;

  public HostInfoCommand(HostInfo info) {
    this.info = info;
  }

  @Override
  public EppResponse run(EppRequest req) {
    HostInfo.Result r = info.info(req.caller(), Dom.text(req.object(), EppNs.HOST, "name"));
    Host h = r.host();
    Xml x = new Xml();
    x.open("host:infData", "xmlns:host", EppNs.HOST);
    x.leaf("host:name", h.name()).leaf("host:roid", h.roid());
    r.statuses().stream().map(StatusValue::epp).sorted()
        .forEach(s -> x.empty("host:status", "s", s));
    h.inetV4().forEach(a -> x.leaf("host:addr", a, "ip", "v4"));
    h.inetV6().forEach(a -> x.leaf("host:addr", a, "ip", "v6"));
    x.leaf("host:clID", h.registrarId());
    x.leaf("host:crID", h.createdBy());
    x.leaf("host:crDate", Xml.time(h.createdAt()));
    if (h.updatedAt() != null) {
      x.leaf("host:upID", h.updatedBy());
      x.leaf("host:upDate", Xml.time(h.updatedAt()));
    }
    x.leaf("host:trDate", Xml.time(h.transferredAt()));
    return EppResponse.success(x.close("host:infData").toString(), null);
  }
}
