package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.LabelCsv;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelAccess.Permission;

/** TLD policy, prices, and the reserved and premium lists with CSV import. */
final class TldRoutes {
  /** The policy numbers an admin may change through PATCH. */
  private static final Set<String> POLICY_FIELDS =
      Set.of(
          "addGraceDays", "renewGraceDays", "autoRenewGraceDays", "transferGraceDays",
          "redemptionDays", "pendingDeleteDays", "restoreReportDays", "pendingTransferDays",
          "transferLockDays", "minPeriodYears", "maxPeriodYears", "maxExpiryYears",
          "maxCheckNames", "maxNameservers", "maxHostAddresses", "maxDsRecords",
          "authInfoTtlDays");

  private final PanelApp app;

  TldRoutes(PanelApp app) {
    this.app = app;
  }

  void register(Router r) {
    r.get("tlds", this::list);
    r.get("tlds/{tld}", this::get);
    r.patch("tlds/{tld}", this::policy);
    r.put("tlds/{tld}/prices", this::prices);
    r.get("tlds/{tld}/labels", this::labels);
    r.put("tlds/{tld}/labels/{label}", this::putLabel);
    r.delete("tlds/{tld}/labels/{label}", this::deleteLabel);
    r.post("tlds/{tld}/labels.csv", this::importCsv);
  }

  private Tld tld(PanelRequest r) {
    return app.tlds.find(r.param("tld"))
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("no TLD " + r.param("tld")));
  }

  private APIGatewayV2HTTPResponse list(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_READ);
    return Answers.ok(PanelJson.list(app.tlds.list(), false, PanelJson::tld));
  }

  private APIGatewayV2HTTPResponse get(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_READ);
    return Answers.ok(PanelJson.tld(tld(r)));
  }

  /** Applies the given policy numbers to the stored TLD at the version the client read. */
  private APIGatewayV2HTTPResponse policy(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_WRITE);
    Tld current = tld(r);
    ObjectNode tree = ItemCodec.toTree(current);
    for (Iterator<Map.Entry<String, JsonNode>> it = r.body().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("version")) {
        continue;
      }
      if (!POLICY_FIELDS.contains(e.getKey())) {
        throw PanelException.badRequest(e.getKey() + " cannot be changed here");
      }
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw PanelException.badRequest(e.getKey() + " must be a whole number, not negative");
      }
      tree.put(e.getKey(), e.getValue().asInt());
    }
    tree.put("version", version(r));
    Tld changed;
    try {
      changed = ItemCodec.JSON.treeToValue(tree, Tld.class);
    } catch (Exception e) {
      throw PanelException.badRequest("the policy could not be read");
    }
    return Answers.ok(PanelJson.tld(app.tlds.update(PanelAccess.adminCaller(r.user, r.svTrid()), changed)));
  }

  private APIGatewayV2HTTPResponse prices(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_WRITE);
    Tld current = tld(r);
    ObjectNode given = r.objectField("prices");
    if (given == null) {
      throw PanelException.badRequest("prices is required");
    }
    Map<BillingOperation, Map<Integer, Long>> prices = new EnumMap<>(BillingOperation.class);
    prices.putAll(current.prices());
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      BillingOperation op = operation(e.getKey());
      Map<Integer, Long> byYears = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
        Map.Entry<String, JsonNode> y = p.next();
        int years;
        try {
          years = Integer.parseInt(y.getKey());
        } catch (NumberFormatException ex) {
          throw PanelException.badRequest("price periods are years: " + y.getKey());
        }
        long minor = AccountRoutes.money(y.getValue().asText(), current.currency()).minor();
        if (years < 1 || years > 10 || minor < 0) {
          throw new RegistryException.ValueRange("prices are for 1-10 years and not negative");
        }
        byYears.put(years, minor);
      }
      if (!byYears.containsKey(1)) {
        throw new RegistryException.ValueRange(op + " needs a one-year price");
      }
      prices.put(op, byYears);
    }
    Tld changed =
        new Tld(
            current.name(), current.currency(), current.addGraceDays(), current.renewGraceDays(),
            current.autoRenewGraceDays(), current.transferGraceDays(), current.redemptionDays(),
            current.pendingDeleteDays(), current.restoreReportDays(), current.pendingTransferDays(),
            current.transferLockDays(), current.minPeriodYears(), current.maxPeriodYears(),
            current.maxExpiryYears(), current.maxCheckNames(), current.maxNameservers(),
            current.maxHostAddresses(), current.maxDsRecords(), current.authInfoTtlDays(), prices,
            current.idnTables(),
            current.clientStatuses(), current.createdAt(), version(r));
    return Answers.ok(PanelJson.tld(app.tlds.update(PanelAccess.adminCaller(r.user, r.svTrid()), changed)));
  }

  private APIGatewayV2HTTPResponse labels(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_READ);
    Tld t = tld(r);
    String kind = r.query("kind");
    List<TldLabel> labels =
        app.tlds.labels(t.name()).stream()
            .filter(l -> kind == null || (kind.equals("reserved") ? l.reserved() : !kind.equals("premium") || l.premium()))
            .toList();
    return Answers.ok(PanelJson.list(labels, false, l -> PanelJson.label(l, t.currency())));
  }

  private APIGatewayV2HTTPResponse putLabel(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_WRITE);
    Tld t = tld(r);
    Map<BillingOperation, Long> premium = null;
    ObjectNode given = r.objectField("premiumPrices");
    if (given != null && given.size() > 0) {
      premium = new EnumMap<>(BillingOperation.class);
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        premium.put(operation(e.getKey()), AccountRoutes.money(e.getValue().asText(), t.currency()).minor());
      }
    }
    String reason = r.str("reservedReason");
    if (reason == null && premium == null) {
      throw PanelException.badRequest("give reservedReason, premiumPrices or both");
    }
    TldLabel stored =
        app.tlds.putLabel(
            PanelAccess.adminCaller(r.user, r.svTrid()), new TldLabel(t.name(), r.param("label"), reason, premium));
    return Answers.ok(PanelJson.label(stored, t.currency()));
  }

  private APIGatewayV2HTTPResponse deleteLabel(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_WRITE);
    Tld t = tld(r);
    app.tlds.removeLabel(PanelAccess.adminCaller(r.user, r.svTrid()), t.name(), r.param("label"));
    return Answers.noContent();
  }

  private APIGatewayV2HTTPResponse importCsv(PanelRequest r) {
    PanelAccess.require(r.user, Permission.TLDS_WRITE);
    String type = r.header("content-type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
      throw new PanelException(415, "unsupported-media-type", "send the list as text/csv");
    }
    LabelCsv.Result res =
        app.labelCsv.importCsv(PanelAccess.adminCaller(r.user, r.svTrid()), r.param("tld"), r.text());
    ObjectNode o = PanelJson.object();
    o.put("imported", res.imported());
    var errors = o.putArray("errors");
    res.errors().forEach(e -> errors.addObject().put("line", e.line()).put("detail", e.detail()));
    return Answers.ok(o);
  }

  private static long version(PanelRequest r) {
    Integer v = r.integer("version");
    if (v == null) {
      throw PanelException.badRequest("version (of the TLD as read) is required");
    }
    return v;
  }

  private static BillingOperation operation(String s) {
    try {
      return BillingOperation.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PanelException.badRequest("operations are CREATE, RENEW, TRANSFER, RESTORE");
    }
  }
}
