package org.opentld.registry.epp.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainRestore;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.error.RegistryException;
import org.w3c.dom.Element;

/**
 * Domain update (RFC 5731 §3.2.5): add and remove name servers (host objects), contacts and
 * client statuses, change registrant and authInfo ({@code <domain:null/>} or an empty
 * registrant removes it); DS data by RFC 5910 §5.2.5 (remove all, remove or add DS records);
 * and the RGP restore of RFC 3915 §4.2.5, which rides on an otherwise empty update:
 * {@code <rgp:restore op="request"/>} charges the restore (the fee extension's {@code
 * <fee:update>} carries the accepted fee, {@code <fee:updData>} echoes it) and answers
 * {@code <rgp:upData>} pendingRestore; {@code op="report"} brings the domain back.
 *
 * <p>A status's text ({@code <domain:status s=… lang=…>text</domain:status>}) is accepted but
 * not stored: the registry keeps status values only; the text stays in the history record with
 * the request.
 *
 * <p>Results: 1000; 2003 contact without a type, restore report element missing; 2004 counts,
 * fee below the restore price; 2005 malformed name, host name or status; 2102 host
 * attributes, {@code ext} authInfo, maxSigLife, urgent DS changes; 2104 funds (restore); 2201
 * not the sponsor; 2303 domain, contact or host does not exist; 2304 update-prohibited,
 * pendingTransfer, deleted (update) or not in redemption (restore); 2306 status policy, value
 * already there or absent, key data, a restore with other changes.
 */
public final class DomainUpdateCommand implements EppCommand {
  private final Registry registry;

  public DomainUpdateCommand(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Set<String> extensions() {
    return Set.of(EppNs.SEC_DNS, EppNs.RGP, EppNs.FEE);
  }

  @Override
  public EppResponse run(EppRequest req) {
    Element u = req.object();
    String name = Dom.text(u, EppNs.DOMAIN, "name");
    Optional<Element> restore =
        req.extension(EppNs.RGP, "update").flatMap(r -> Dom.child(r, EppNs.RGP, "restore"));
    if (restore.isPresent()) {
      return restore(req, name, restore.get());
    }
    Optional<Element> add = Dom.child(u, EppNs.DOMAIN, "add");
    Optional<Element> rem = Dom.child(u, EppNs.DOMAIN, "rem");
    Optional<Element> chg = Dom.child(u, EppNs.DOMAIN, "chg");
    Optional<Element> sec = req.extension(EppNs.SEC_DNS, "update");

    String newRegistrant = chg.flatMap(c -> Dom.child(c, EppNs.DOMAIN, "registrant"))
        .map(Dom::text).orElse(null);
    String newAuthInfo = chg.flatMap(c -> Dom.child(c, EppNs.DOMAIN, "authInfo"))
        .map(DomainUpdateCommand::newAuthInfo).orElse(null);
    List<DsData> addDs = List.of();
    List<DsData> remDs = List.of();
    boolean remAllDs = false;
    if (sec.isPresent()) {
      Element s = sec.get();
      if ("1".equals(Dom.attr(s, "urgent", "0")) || "true".equals(Dom.attr(s, "urgent", "0"))) {
        throw new RegistryException.UnimplementedOption("urgent DS changes are not supported");
      }
      Dom.child(s, EppNs.SEC_DNS, "chg").ifPresent(DomainXml::refuseMaxSigLife);
      Optional<Element> secRem = Dom.child(s, EppNs.SEC_DNS, "rem");
      if (secRem.isPresent()) {
        String all = Dom.text(secRem.get(), EppNs.SEC_DNS, "all");
        remAllDs = "true".equals(all) || "1".equals(all);
        remDs = DomainXml.dsData(secRem.get());
      }
      addDs = Dom.child(s, EppNs.SEC_DNS, "add").map(DomainXml::dsData).orElse(List.of());
    }
    DomainUpdate.Command cmd =
        new DomainUpdate.Command(
            name,
            add.map(a -> DomainXml.hostObjects(Dom.child(a, EppNs.DOMAIN, "ns"))).orElse(List.of()),
            rem.map(r -> DomainXml.hostObjects(Dom.child(r, EppNs.DOMAIN, "ns"))).orElse(List.of()),
            add.map(DomainUpdateCommand::contacts).orElse(List.of()),
            rem.map(DomainUpdateCommand::contacts).orElse(List.of()),
            add.map(DomainUpdateCommand::statuses).orElse(Set.of()),
            rem.map(DomainUpdateCommand::statuses).orElse(Set.of()),
            newRegistrant,
            newAuthInfo,
            addDs,
            remDs,
            remAllDs);
    registry.domainUpdate.update(req.caller(), cmd);
    return EppResponse.success(null, null);
  }

  /** RFC 3915 §4.2.5: the restore request or report; the update itself must change nothing. */
  private EppResponse restore(EppRequest req, String name, Element restore) {
    for (String part : List.of("add", "rem", "chg")) {
      Optional<Element> e = Dom.child(req.object(), EppNs.DOMAIN, part);
      if (e.isPresent() && !Dom.children(e.get()).isEmpty()) {
        throw new RegistryException.PolicyError(
            "a restore is an update without other changes (RFC 3915 §4.2.5)");
      }
    }
    if (req.extension(EppNs.SEC_DNS, "update").isPresent()) {
      throw new RegistryException.PolicyError("a restore cannot change DS data");
    }
    if ("report".equals(restore.getAttribute("op"))) {
      Element report =
          Dom.child(restore, EppNs.RGP, "report")
              .orElseThrow(
                  () -> new RegistryException.MissingParameter("op=report needs rgp:report"));
      registry.domainRestore.report(req.caller(), name, report(report));
      return EppResponse.success(null, null);
    }
    Money accepted =
        req.extension(EppNs.FEE, "update")
            .map(f -> FeeXml.accepted(f, tldCurrency(name)))
            .orElse(null);
    DomainRestore.Result r = registry.domainRestore.request(req.caller(), name, accepted);
    Xml x = new Xml();
    x.open("rgp:upData", "xmlns:rgp", EppNs.RGP);
    x.empty("rgp:rgpStatus", "s", "pendingRestore");
    String ext = x.close("rgp:upData").toString();
    if (req.uses(EppNs.FEE)) {
      ext += FeeXml.resultData("fee:updData", r.fee(), null, "restore");
    }
    return EppResponse.success(null, ext);
  }

  private static DomainRestore.RestoreReport report(Element r) {
    return new DomainRestore.RestoreReport(
        Dom.text(r, EppNs.RGP, "preData"),
        Dom.text(r, EppNs.RGP, "postData"),
        time(Dom.text(r, EppNs.RGP, "delTime")),
        time(Dom.text(r, EppNs.RGP, "resTime")),
        Dom.text(r, EppNs.RGP, "resReason"),
        Dom.texts(r, EppNs.RGP, "statement"),
        Dom.text(r, EppNs.RGP, "other"));
  }

  /** An xs:dateTime; one without a zone is read as UTC. */
  private static Instant time(String s) {
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new RegistryException.ValueSyntax("not a date and time: " + s);
      }
    }
  }

  /** {@code <domain:null/>} or an empty password removes the authInfo (RFC 5731 §3.2.5). */
  private static String newAuthInfo(Element authInfo) {
    if (Dom.child(authInfo, EppNs.DOMAIN, "null").isPresent()) {
      return "";
    }
    String pw = DomainXml.authInfo(Optional.of(authInfo));
    return pw == null ? "" : pw;
  }

  private static List<DomainUpdate.ContactRef> contacts(Element addOrRem) {
    List<DomainUpdate.ContactRef> out = new ArrayList<>();
    for (Element c : Dom.children(addOrRem, EppNs.DOMAIN, "contact")) {
      if (!c.hasAttribute("type")) {
        throw new RegistryException.MissingParameter("contact " + Dom.text(c) + " has no type");
      }
      out.add(
          new DomainUpdate.ContactRef(
              Domain.ContactType.fromEpp(c.getAttribute("type")), Dom.text(c)));
    }
    return out;
  }

  private static Set<StatusValue> statuses(Element addOrRem) {
    Set<StatusValue> out = EnumSet.noneOf(StatusValue.class);
    for (Element s : Dom.children(addOrRem, EppNs.DOMAIN, "status")) {
      StatusValue v = StatusValue.fromEpp(s.getAttribute("s"));
      if (!out.add(v)) {
        throw new RegistryException.PolicyError(v.epp() + " is given twice");
      }
    }
    return out;
  }

  private String tldCurrency(String name) {
    return DomainRules.target(registry.context(), name).tld().currency();
  }
}
