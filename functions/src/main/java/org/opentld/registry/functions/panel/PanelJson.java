package org.opentld.registry.functions.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.domain.GracePeriod;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import org.opentld.registry.user.User;

/**
 * The panel's JSON shapes (docs/panel-api.md): registry records rendered for the browser, with
 * EPP status values, money as minor units plus decimal, and no hash or secret ever included.
 */
final class PanelJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Snapshot members never shown: password, authInfo and TOTP material. */
  private static final Set<String> SECRET_FIELDS =
      Set.of("passwordHash", "authInfoHash", "totpSecret", "pendingTotpSecret", "authInfo");

  private PanelJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode money(long minor, String currency) {
    return money(Money.of(minor, currency));
  }

  static ObjectNode money(Money m) {
    ObjectNode o = object();
    o.put("minor", m.minor());
    o.put("amount", m.decimal());
    o.put("currency", m.currency());
    return o;
  }

  static void time(ObjectNode o, String name, Instant t) {
    if (t == null) {
      o.putNull(name);
    } else {
      o.put(name, t.toString());
    }
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  static ArrayNode statuses(Collection<StatusValue> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.stream().map(StatusValue::epp).sorted().forEach(a::add);
    return a;
  }

  static <T> ObjectNode list(List<T> items, boolean truncated, java.util.function.Function<T, JsonNode> f) {
    ObjectNode o = object();
    ArrayNode a = o.putArray("items");
    items.forEach(i -> a.add(f.apply(i)));
    o.put("truncated", truncated);
    return o;
  }

  static ObjectNode user(User u, Instant now) {
    ObjectNode o = object();
    o.put("username", u.username());
    o.put("role", u.role().name());
    o.put("registrarId", u.registrarId());
    o.put("totpEnabled", u.totpEnabled());
    o.put("disabled", u.disabled());
    o.put("locked", u.lockedAt(now));
    time(o, "lockedUntil", u.lockedAt(now) ? u.lockedUntil() : null);
    o.put("failedLogins", u.failedLogins());
    time(o, "createdAt", u.createdAt());
    time(o, "lastLoginAt", u.lastLoginAt());
    return o;
  }

  static ObjectNode registrar(Registrar r) {
    ObjectNode o = object();
    o.put("id", r.id());
    o.put("name", r.name());
    if (r.ianaId() == null) {
      o.putNull("ianaId");
    } else {
      o.put("ianaId", r.ianaId());
    }
    o.put("status", r.status().name());
    o.put("email", r.email());
    o.put("phone", r.phone());
    o.put("url", r.url());
    o.put("whoisServer", r.whoisServer());
    o.put("abuseEmail", r.abuseEmail());
    o.put("abusePhone", r.abusePhone());
    o.set("ipAllowlist", strings(r.ipAllowlist()));
    o.set("certFingerprints", strings(new TreeSet<>(r.certFingerprints())));
    o.set("balance", money(r.balance(), r.currency()));
    o.set("creditLimit", money(r.creditLimit(), r.currency()));
    o.set("available", money(r.balance() + r.creditLimit(), r.currency()));
    time(o, "createdAt", r.createdAt());
    time(o, "updatedAt", r.updatedAt());
    o.put("version", r.version());
    return o;
  }

  static ObjectNode ledger(LedgerEntry e) {
    ObjectNode o = object();
    o.put("id", e.id());
    time(o, "at", e.at());
    o.set("amount", money(e.amount(), e.currency()));
    o.put("kind", e.kind());
    o.put("tld", e.tld());
    o.put("objectName", e.objectName());
    o.put("years", e.years());
    o.put("reference", e.reference());
    o.put("description", e.description());
    return o;
  }

  static ObjectNode tld(Tld t) {
    ObjectNode o = ItemCodec.toTree(t);
    ObjectNode prices = object();
    for (Map.Entry<BillingOperation, Map<Integer, Long>> e : t.prices().entrySet()) {
      ObjectNode byYears = prices.putObject(e.getKey().name());
      e.getValue().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(p -> byYears.put(p.getKey().toString(), Money.of(p.getValue(), t.currency()).decimal()));
    }
    o.set("prices", prices);
    o.set("clientStatuses", statuses(t.clientStatuses()));
    return o;
  }

  static ObjectNode label(TldLabel l, String currency) {
    ObjectNode o = object();
    o.put("label", l.label());
    o.put("reservedReason", l.reservedReason());
    if (l.premium()) {
      ObjectNode p = o.putObject("premiumPrices");
      l.premiumPrices().forEach((op, minor) -> p.set(op.name(), money(minor, currency)));
    } else {
      o.putNull("premiumPrices");
    }
    return o;
  }

  static ObjectNode domain(Domain d) {
    ObjectNode o = object();
    o.put("name", d.name());
    o.put("roid", d.roid());
    o.put("tld", d.tld());
    o.put("registrarId", d.registrarId());
    o.put("registrant", d.registrant());
    ObjectNode contacts = o.putObject("contacts");
    d.contacts().forEach((type, id) -> contacts.put(type.epp(), id));
    o.set("nameservers", strings(d.nameservers()));
    ArrayNode ds = o.putArray("dsData");
    for (DsData x : d.dsData()) {
      ObjectNode n = ds.addObject();
      n.put("keyTag", x.keyTag());
      n.put("alg", x.algorithm());
      n.put("digestType", x.digestType());
      n.put("digest", x.digest());
    }
    o.set("statuses", statuses(d.effectiveStatuses()));
    time(o, "createdAt", d.createdAt());
    time(o, "updatedAt", d.updatedAt());
    time(o, "expiresAt", d.expiresAt());
    time(o, "transferredAt", d.transferredAt());
    ArrayNode grace = o.putArray("gracePeriods");
    for (GracePeriod g : d.gracePeriods()) {
      ObjectNode n = grace.addObject();
      n.put("kind", g.type().name());
      n.put("rgp", g.type().rgp());
      time(n, "endsAt", g.endsAt());
      n.put("registrarId", g.registrarId());
      if (g.charge() != null) {
        n.set("charge", money(g.charge()));
      }
    }
    if (d.transfer() == null) {
      o.putNull("transfer");
    } else {
      o.set("transfer", transfer(d.name(), d.transfer()));
    }
    time(o, "deletedAt", d.deletedAt());
    time(o, "redemptionEndsAt", d.redemptionEndsAt());
    time(o, "purgeAt", d.purgeAt());
    time(o, "restoreRequestedAt", d.restoreRequestedAt());
    o.set("subordinateHosts", strings(d.subordinateHosts()));
    o.put("version", d.version());
    return o;
  }

  static ObjectNode transfer(String name, PendingTransfer t) {
    ObjectNode o = object();
    o.put("name", name);
    o.put("status", t.status().epp());
    o.put("requestedBy", t.gainingRegistrarId());
    time(o, "requestedAt", t.requestedAt());
    o.put("losingRegistrar", t.losingRegistrarId());
    time(o, "actionBy", t.actionBy());
    time(o, "expiresAt", t.newExpiresAt());
    if (t.fee() != null) {
      o.set("fee", money(t.fee()));
    }
    return o;
  }

  static ObjectNode contact(Contact c) {
    ObjectNode o = object();
    o.put("id", c.id());
    o.put("roid", c.roid());
    o.put("registrarId", c.registrarId());
    ArrayNode pis = o.putArray("postalInfo");
    for (PostalInfo p : c.postalInfo()) {
      ObjectNode n = pis.addObject();
      n.put("type", p.type().epp());
      n.put("name", p.name());
      n.put("org", p.org());
      n.set("street", strings(p.street()));
      n.put("city", p.city());
      n.put("sp", p.sp());
      n.put("pc", p.pc());
      n.put("cc", p.cc());
    }
    o.put("voice", c.voice());
    o.put("fax", c.fax());
    o.put("email", c.email());
    o.set("statuses", statuses(c.effectiveStatuses()));
    o.put("linked", c.linked());
    time(o, "createdAt", c.createdAt());
    time(o, "updatedAt", c.updatedAt());
    o.put("version", c.version());
    return o;
  }

  static ObjectNode host(Host h) {
    ObjectNode o = object();
    o.put("name", h.name());
    o.put("roid", h.roid());
    o.put("registrarId", h.registrarId());
    ArrayNode a = o.putArray("addresses");
    h.inetV4().forEach(a::add);
    h.inetV6().forEach(a::add);
    o.put("superordinateDomain", h.superordinateDomain());
    o.set("statuses", statuses(h.effectiveStatuses()));
    o.put("linked", h.linkCount() > 0);
    time(o, "createdAt", h.createdAt());
    time(o, "updatedAt", h.updatedAt());
    o.put("version", h.version());
    return o;
  }

  static ObjectNode poll(PollMessage m) {
    ObjectNode o = object();
    o.put("id", m.id());
    time(o, "queuedAt", m.queuedAt());
    o.put("kind", m.kind().name());
    o.put("message", m.message());
    o.put("objectType", m.objectType());
    o.put("objectName", m.objectName());
    if (m.transfer() == null) {
      o.putNull("transfer");
    } else {
      o.set("transfer", transfer(m.objectName(), m.transfer()));
    }
    time(o, "expiresAt", m.expiresAt());
    return o;
  }

  static ObjectNode history(HistoryRecord h) {
    ObjectNode o = object();
    o.put("id", h.id());
    time(o, "at", h.at());
    o.put("action", h.action());
    o.put("objectType", h.objectType());
    o.put("objectName", h.objectName());
    o.put("registrarId", h.registrarId());
    o.put("actor", h.actor());
    o.put("clTrid", h.clTrid());
    o.put("svTrid", h.svTrid());
    o.set("before", scrub(h.before()));
    o.set("after", scrub(h.after()));
    return o;
  }

  /** A snapshot without secret members, at any depth. */
  static JsonNode scrub(JsonNode n) {
    if (n == null || n.isNull()) {
      return MAPPER.nullNode();
    }
    JsonNode copy = n.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        if (SECRET_FIELDS.contains(it.next())) {
          it.remove();
        }
      }
      o.forEach(PanelJson::strip);
    } else if (n.isArray()) {
      n.forEach(PanelJson::strip);
    }
  }
}
