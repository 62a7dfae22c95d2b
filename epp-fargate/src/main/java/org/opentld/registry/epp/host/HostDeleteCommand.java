package org.opentld.registry.epp.host;

import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.host.HostDelete;

/**
 * Host delete (RFC 5732 §3.2.2): done at once (1000), since a host that no domain uses has
 * nothing to wait for.
 *
 * <p>Results: 1000; 2005 malformed name; 2201 not the sponsor; 2303 no such host; 2304
 * delete prohibited; 2305 a domain delegates to it.
 */
public final class HostDeleteCommand implements EppCommand {
  private final HostDelete delete;

  public HostDeleteCommand(HostDelete delete) {
    this.delete = delete;
  }

  @Override
  public EppResponse run(EppRequest req) {
    delete.delete(req.caller(), Dom.text(req.object(), EppNs.HOST, "name"));
    return EppResponse.of(ResultCode.SUCCESS);
  }
}
