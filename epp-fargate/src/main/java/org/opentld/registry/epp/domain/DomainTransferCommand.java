package org.opentld.registry.epp.domain;

import java.util.Optional;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.w3c.dom.Element;

/**
 * Domain transfer (RFC 5731 §3.2.4) and transfer query (§3.1.3), by the {@code op} of the
 * {@code <transfer>} element: {@code request} (period, authInfo, the fee accepted through
 * {@code <fee:transfer>}, RFC 8748 §5.2.4) answers 1001 with {@code <domain:trnData>} and,
 * when the session uses the fee extension, {@code <fee:trnData>} with the fee charged;
 * {@code query} (authInfo needed only by a registrar that is no party), {@code approve},
 * {@code reject} and {@code cancel} answer 1000 with the transfer data. Both registrars get a
 * poll message for every step.
 *
 * <p>Results: 1000, 1001; 2004 period or fee; 2005 malformed name; 2102 {@code ext} authInfo
 * or a password given by another object's ROID; 2104 funds; 2106 own domain or transfer lock;
 * 2201 not the party that may act; 2202 wrong or missing authInfo; 2300 already pending; 2301
 * not pending (or never transferred, for query); 2303 no such domain; 2304 prohibited or
 * deleted; 2306 TLD not ours.
 */
public final class DomainTransferCommand implements EppCommand {
  private final Registry registry;

  public DomainTransferCommand(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.FEE);
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element t = req.object();
    String op = ((Element) t.getParentNode()).getAttribute("op");
    String name = Dom.text(t, EppNs.DOMAIN, "name");
    String authInfo = authInfo(Dom.child(t, EppNs.DOMAIN, "authInfo"));
    DomainTransfer tr = registry.domainTransfer;
    DomainTransfer.Result r =
        switch (op) {
          case "request" -> tr.request(req.caller(), request(req, name, authInfo));
          case "query" -> tr.query(req.caller(), name, authInfo);
          case "approve" -> tr.approve(req.caller(), name);
          case "reject" -> tr.reject(req.caller(), name);
          case "cancel" -> tr.cancel(req.caller(), name);
          default -> throw new RegistryException.UnimplementedOption("transfer op " + op);
        };
    String resData = DomainXml.trnData(r.name(), r.transfer());
    String fee = null;
    if (op.equals("request") && req.uses(EppNs.FEE) && r.transfer().fee() != null) {
      fee = FeeXml.resultData("fee:trnData", r.transfer().fee(), r.transfer().years(), "transfer");
    }
    return EppResponse.success(
        r.code() == ResultCode.SUCCESS_ACTION_PENDING ? r.code() : ResultCode.SUCCESS,
        resData,
        fee);
  }

  private DomainTransfer.Request request(EppRequest req, String name, String authInfo) {
    Optional<Element> period = Dom.child(req.object(), EppNs.DOMAIN, "period");
    Integer years = period.isPresent() ? DomainXml.years(period, 1) : null;
    Money accepted =
        req.extension(EppNs.FEE, "transfer")
            .map(f -> FeeXml.accepted(f, tldCurrency(name)))
            .orElse(null);
    return new DomainTransfer.Request(name, years, authInfo, accepted);
  }

  /** The password; one that names another object's ROID (RFC 5731 §2.6) is not offered. */
  private static String authInfo(Optional<Element> authInfo) {
    if (authInfo.isPresent()
        && Dom.child(authInfo.get(), EppNs.DOMAIN, "pw").filter(pw -> pw.hasAttribute("roid"))
            .isPresent()) {
      throw new RegistryException.UnimplementedOption(
          "authInfo of a contact (roid) is not accepted; give the domain's own authInfo");
    }
    return DomainXml.authInfo(authInfo);
  }

  private String tldCurrency(String name) {
    return DomainRules.target(registry.context(), name).tld().currency();
  }
}
