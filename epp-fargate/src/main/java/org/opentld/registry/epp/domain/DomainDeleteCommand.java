package org.opentld.registry.epp.domain;

import java.util.Set;
import org.opentld.registry.billing.Money;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;

/**
 * Domain delete (RFC 5731 §3.2.2 with the grace periods of RFC 3915 §3.1): 1000 when the
 * domain was in its add grace period and the name is free at once, 1001 when it went into
 * redemption (an action pending: restore or purge). A session that uses the fee extension
 * gets the grace-period refunds paid to it as {@code <fee:delData>} credits (RFC 8748 §5.2.2).
 *
 * <p>Results: 1000, 1001; 2005 malformed name; 2201 not the sponsor; 2303 no such domain;
 * 2304 already deleted, delete-prohibited or pendingTransfer; 2305 subordinate hosts exist.
 */
public final class DomainDeleteCommand implements EppCommand {
  private final DomainDelete delete;

  public DomainDeleteCommand(DomainDelete delete) {
    this.delete = delete;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.FEE);
  }

  @Override
  public EppResponse run(EppRequest req) {
    String name = Dom.text(req.object(), EppNs.DOMAIN, "name");
    DomainDelete.Result r = delete.delete(req.caller(), name);
    Money refund = r.refunds().get(req.caller().registrarId());
    String fee = req.uses(EppNs.FEE) ? FeeXml.deleteData(refund) : null;
    return EppResponse.success(r.code(), null, fee);
  }
}
