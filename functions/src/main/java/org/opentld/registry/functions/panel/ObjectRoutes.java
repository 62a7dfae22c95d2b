package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.ContactUpdate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainRestore;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.host.HostUpdate;
import org.opentld.registry.lookup.ObjectSearch;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelAccess.Permission;

/**
 * Domains, contacts and hosts: searches, details with history, and the registrar actions, each
 * one shared-model operation run with the {@link Caller} {@link PanelAccess} gives the user.
 * Objects another registrar sponsors are 404 to registrar users, in reads and writes alike; the
 * exceptions are a transfer request and its cancel, which the gaining registrar makes on a
 * domain it does not (yet) sponsor.
 */
final class ObjectRoutes {
  private static final int HISTORY = 100;
  private final PanelApp app;

  ObjectRoutes(PanelApp app) {
    this.app = app;
  }

  void register(Router r) {
    r.get("domains", this::searchDomains);
    r.post("domains", this::createDomain);
    r.get("domains/{name}", this::domain);
    r.patch("domains/{name}", this::updateDomain);
    r.delete("domains/{name}", this::deleteDomain);
    r.post("domains/{name}/renew", this::renew);
    r.post("domains/{name}/restore", this::restore);
    r.post("domains/{name}/transfer", this::transferRequest);
    r.post("domains/{name}/transfer/{op}", this::transferAction);
    r.get("contacts", this::searchContacts);
    r.post("contacts", this::createContact);
    r.get("contacts/{id}", this::contact);
    r.patch("contacts/{id}", this::updateContact);
    r.delete("contacts/{id}", this::deleteContact);
    r.get("hosts", this::searchHosts);
    r.post("hosts", this::createHost);
    r.get("hosts/{name}", this::host);
    r.patch("hosts/{name}", this::updateHost);
    r.delete("hosts/{name}", this::deleteHost);
  }

  // ---- domains ------------------------------------------------------------------------------

  private APIGatewayV2HTTPResponse searchDomains(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    String status = r.query("status");
    ObjectSearch.Page<Domain> page =
        app.search.domains(
            new ObjectSearch.DomainQuery(
                r.query("q"), r.query("tld"), PanelAccess.readScope(r.user, r.query("registrar")),
                status == null ? null : StatusValue.fromEpp(status), date(r.query("expiresFrom")),
                date(r.query("expiresTo")), r.intQuery("limit", 50)));
    return Answers.ok(PanelJson.list(page.items(), page.truncated(), PanelJson::domain));
  }

  /** The domain if the user may see it (else 2303, as if it did not exist). */
  private Domain visibleDomain(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    Domain d = app.ctx.domain(name(r.param("name")));
    PanelAccess.requireVisible(r.user, d.registrarId(), "domain " + d.name());
    return d;
  }

  private APIGatewayV2HTTPResponse domain(PanelRequest r) {
    Domain d = visibleDomain(r);
    ObjectNode o = PanelJson.object();
    o.set("domain", PanelJson.domain(d));
    o.set("history", history(r, "domain", d.name(), d.roid()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse createDomain(PanelRequest r) {
    Caller c = registrarCaller(r);
    Map<Domain.ContactType, String> contacts = new EnumMap<>(Domain.ContactType.class);
    ObjectNode given = r.objectField("contacts");
    if (given != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        contacts.put(Domain.ContactType.fromEpp(e.getKey()), e.getValue().asText());
      }
    }
    Integer years = r.integer("years");
    DomainCreate.Result res =
        app.domainCreate.create(
            c,
            new DomainCreate.Command(
                r.required("name"), years == null ? 1 : years, r.str("registrant"), contacts,
                orEmpty(r.strings("nameservers")), List.of(), r.required("authInfo"), null));
    ObjectNode o = PanelJson.object();
    o.set("domain", PanelJson.domain(res.domain()));
    o.set("fee", PanelJson.money(res.fee()));
    return Answers.created(o);
  }

  private APIGatewayV2HTTPResponse updateDomain(PanelRequest r) {
    Domain d = visibleForWrite(r);
    DomainUpdate.Result res =
        app.domainUpdate.update(
            caller(r),
            new DomainUpdate.Command(
                d.name(), r.strings("addNameservers"), r.strings("removeNameservers"),
                contactRefs(r, "addContacts"), contactRefs(r, "removeContacts"),
                r.statuses("addStatuses"), r.statuses("removeStatuses"), r.str("registrant"),
                r.str("authInfo"), null, null, false));
    return Answers.ok(PanelJson.domain(res.domain()));
  }

  private APIGatewayV2HTTPResponse deleteDomain(PanelRequest r) {
    Domain d = visibleForWrite(r);
    DomainDelete.Result res = app.domainDelete.delete(caller(r), d.name());
    ObjectNode o = PanelJson.object();
    o.put("deletedNow", res.deletedNow());
    o.set("domain", PanelJson.domain(res.domain()));
    ObjectNode refunds = o.putObject("refunds");
    res.refunds().forEach((reg, m) -> {
      if (PanelAccess.visible(r.user, reg)) {
        refunds.set(reg, PanelJson.money(m));
      }
    });
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse renew(PanelRequest r) {
    Domain d = visibleForWrite(r);
    Integer years = r.integer("years");
    LocalDate current = date(r.str("currentExpiryDate"));
    if (current == null && d.expiresAt() != null) {
      current = d.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    DomainRenew.Result res =
        app.domainRenew.renew(
            caller(r), new DomainRenew.Command(d.name(), current, years == null ? 1 : years, null));
    ObjectNode o = PanelJson.object();
    o.set("domain", PanelJson.domain(res.domain()));
    o.set("fee", PanelJson.money(res.fee()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse restore(PanelRequest r) {
    Domain d = visibleForWrite(r);
    DomainRestore.Result res = app.domainRestore.request(caller(r), d.name());
    ObjectNode o = PanelJson.object();
    o.set("domain", PanelJson.domain(res.domain()));
    o.set("fee", PanelJson.money(res.fee()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse transferRequest(PanelRequest r) {
    Caller c = registrarCaller(r);
    DomainTransfer.Result res =
        app.domainTransfer.request(
            c, new DomainTransfer.Request(name(r.param("name")), r.integer("years"), r.required("authInfo"), null));
    return Answers.ok(PanelJson.transfer(res.name(), res.transfer()));
  }

  private APIGatewayV2HTTPResponse transferAction(PanelRequest r) {
    String op = r.param("op");
    String name = name(r.param("name"));
    DomainTransfer.Result res;
    switch (op) {
      case "approve", "reject" -> {
        visibleForWrite(r);
        res = op.equals("approve")
            ? app.domainTransfer.approve(caller(r), name)
            : app.domainTransfer.reject(caller(r), name);
      }
      case "cancel" -> res = app.domainTransfer.cancel(caller(r), name);
      default -> throw PanelException.notFound("transfer actions are approve, reject and cancel");
    }
    return Answers.ok(PanelJson.transfer(res.name(), res.transfer()));
  }

  private Domain visibleForWrite(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_WRITE);
    return visibleDomain(r);
  }

  // ---- contacts -----------------------------------------------------------------------------

  private APIGatewayV2HTTPResponse searchContacts(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    ObjectSearch.Page<Contact> page =
        app.search.contacts(r.query("q"), PanelAccess.readScope(r.user, r.query("registrar")), r.intQuery("limit", 50));
    return Answers.ok(PanelJson.list(page.items(), page.truncated(), PanelJson::contact));
  }

  private Contact visibleContact(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    Contact c = app.ctx.contact(r.param("id"));
    PanelAccess.requireVisible(r.user, c.registrarId(), "contact " + c.id());
    return c;
  }

  private APIGatewayV2HTTPResponse contact(PanelRequest r) {
    Contact c = visibleContact(r);
    ObjectNode o = PanelJson.object();
    o.set("contact", PanelJson.contact(c));
    o.set("history", history(r, "contact", c.id(), c.roid()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse createContact(PanelRequest r) {
    Caller c = registrarCaller(r);
    ContactCreate.Result res =
        app.contactCreate.create(
            c,
            new ContactCreate.Command(
                r.required("id"), postalInfo(r), r.str("voice"), null, r.str("fax"), null,
                r.required("email"), r.required("authInfo"), null));
    return Answers.created(PanelJson.contact(res.contact()));
  }

  private APIGatewayV2HTTPResponse updateContact(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_WRITE);
    Contact current = visibleContact(r);
    List<PostalInfo> pi = r.has("postalInfo") ? postalInfo(r) : null;
    ContactUpdate.Change chg =
        new ContactUpdate.Change(pi, r.str("voice"), null, r.str("fax"), null, r.str("email"), r.str("authInfo"), null);
    ContactUpdate.Result res =
        app.contactUpdate.update(
            caller(r),
            new ContactUpdate.Command(current.id(), r.statuses("addStatuses"), r.statuses("removeStatuses"), chg));
    return Answers.ok(PanelJson.contact(res.contact()));
  }

  private APIGatewayV2HTTPResponse deleteContact(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_WRITE);
    Contact c = visibleContact(r);
    app.contactDelete.delete(caller(r), c.id());
    return Answers.noContent();
  }

  // ---- hosts --------------------------------------------------------------------------------

  private APIGatewayV2HTTPResponse searchHosts(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    ObjectSearch.Page<Host> page =
        app.search.hosts(r.query("q"), PanelAccess.readScope(r.user, r.query("registrar")), r.intQuery("limit", 50));
    return Answers.ok(PanelJson.list(page.items(), page.truncated(), PanelJson::host));
  }

  private Host visibleHost(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_READ);
    Host h = app.ctx.host(name(r.param("name")));
    PanelAccess.requireVisible(r.user, h.registrarId(), "host " + h.name());
    return h;
  }

  private APIGatewayV2HTTPResponse host(PanelRequest r) {
    Host h = visibleHost(r);
    ObjectNode o = PanelJson.object();
    o.set("host", PanelJson.host(h));
    o.set("history", history(r, "host", h.name(), h.roid()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse createHost(PanelRequest r) {
    Caller c = registrarCaller(r);
    HostCreate.Result res =
        app.hostCreate.create(c, new HostCreate.Command(r.required("name"), orEmpty(r.strings("addresses"))));
    return Answers.created(PanelJson.host(res.host()));
  }

  private APIGatewayV2HTTPResponse updateHost(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_WRITE);
    Host h = visibleHost(r);
    HostUpdate.Result res =
        app.hostUpdate.update(
            caller(r),
            new HostUpdate.Command(
                h.name(), r.strings("addAddresses"), r.strings("removeAddresses"),
                r.statuses("addStatuses"), r.statuses("removeStatuses"), r.str("newName")));
    return Answers.ok(PanelJson.host(res.host()));
  }

  private APIGatewayV2HTTPResponse deleteHost(PanelRequest r) {
    PanelAccess.require(r.user, Permission.OBJECTS_WRITE);
    Host h = visibleHost(r);
    app.hostDelete.delete(caller(r), h.name());
    return Answers.noContent();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Caller caller(PanelRequest r) {
    return app.access.caller(r.user, r.str("registrarId"), r.svTrid());
  }

  /** A caller that is a registrar: a new object needs a sponsor, so an admin must name one. */
  private Caller registrarCaller(PanelRequest r) {
    Caller c = caller(r);
    if (c.superuser()) {
      throw new RegistryException.MissingParameter("registrarId: the registrar to act for");
    }
    return c;
  }

  private ArrayNode history(PanelRequest r, String type, String name, String roid) {
    List<HistoryRecord> all = app.audit.ofObject(type, name, HISTORY);
    ArrayNode a = PanelJson.MAPPER.createArrayNode();
    PanelAccess.objectHistory(r.user, all, roid).forEach(h -> a.add(PanelJson.history(h)));
    return a;
  }

  private static String name(String raw) {
    return DomainName.parse(raw).ascii();
  }

  private static LocalDate date(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw PanelException.badRequest("dates are yyyy-MM-dd: " + s);
    }
  }

  private static List<String> orEmpty(List<String> v) {
    return v == null ? List.of() : v;
  }

  private static List<DomainUpdate.ContactRef> contactRefs(PanelRequest r, String field) {
    JsonNode n = r.body().get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw PanelException.badRequest(field + " must be a list of {type, id}");
    }
    List<DomainUpdate.ContactRef> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.hasNonNull("type") || !x.hasNonNull("id")) {
        throw PanelException.badRequest(field + " entries need type and id");
      }
      out.add(new DomainUpdate.ContactRef(Domain.ContactType.fromEpp(x.get("type").asText()), x.get("id").asText()));
    }
    return out;
  }

  private static List<PostalInfo> postalInfo(PanelRequest r) {
    JsonNode n = r.body().get("postalInfo");
    if (n == null || !n.isArray() || n.isEmpty()) {
      throw PanelException.badRequest("postalInfo must be a list with at least one entry");
    }
    List<PostalInfo> out = new ArrayList<>();
    for (JsonNode p : n) {
      String type = p.path("type").asText("int");
      List<String> street = new ArrayList<>();
      p.path("street").forEach(s -> street.add(s.asText()));
      out.add(new PostalInfo(
          type.equals("loc") ? PostalInfo.Type.LOC : PostalInfo.Type.INT, text(p, "name"),
          text(p, "org"), street, text(p, "city"), text(p, "sp"), text(p, "pc"), text(p, "cc")));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
