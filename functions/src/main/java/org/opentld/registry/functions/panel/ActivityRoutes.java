package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.history.AuditLog;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.poll.PollQueue;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.reporting.Dashboard;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelAccess.Permission;

/** The dashboard, poll messages, the audit log, report downloads and the public lookup. */
final class ActivityRoutes {
  /** RDE deposit names: {tld}_{date}_{full|diff}_S{seq}_R{rev} (RFC 8909 practice). */
  private static final Pattern DEPOSIT =
      Pattern.compile("(?:.*/)?([a-z0-9.-]+)_(\\d{4}-\\d{2}-\\d{2})_(full|diff)_S(\\d+)_R(\\d+).*");

  private final PanelApp app;

  ActivityRoutes(PanelApp app) {
    this.app = app;
  }

  void register(Router r) {
    r.get("dashboard", this::dashboard);
    r.get("poll", this::poll);
    r.delete("poll/{id}", this::ack);
    r.get("audit", this::audit);
    r.get("lookup", this::lookup);
    r.get("escrow", this::escrow);
    r.get("reports/{store}", this::listFiles);
    r.get("reports/{store}/{key+}", this::download);
  }

  private APIGatewayV2HTTPResponse dashboard(PanelRequest r) {
    PanelAccess.require(r.user, Permission.DASHBOARD_READ);
    String scope = PanelAccess.readScope(r.user, null);
    Dashboard.Summary s =
        app.dashboard.summary(scope, r.intQuery("months", 6), app.config.dashboardLimit());
    ObjectNode o = PanelJson.object();
    ArrayNode byTld = o.putArray("domainsByTld");
    for (Dashboard.TldCounts t : s.domainsByTld()) {
      ObjectNode n = byTld.addObject();
      n.put("tld", t.tld());
      n.put("total", t.total());
      ObjectNode st = n.putObject("byStatus");
      t.byStatus().forEach(st::put);
    }
    ArrayNode activity = o.putArray("activity");
    for (Dashboard.MonthActivity a : s.activity()) {
      ObjectNode n = activity.addObject();
      n.put("month", a.month());
      n.put("creates", a.creates());
      n.put("deletes", a.deletes());
      n.put("renews", a.renews());
      n.put("transfers", a.transfers());
      ObjectNode by = n.putObject("byAction");
      a.byAction().forEach(by::put);
    }
    ArrayNode top = o.putArray("topRegistrars");
    for (Dashboard.RegistrarCount c : s.topRegistrars()) {
      top.addObject().put("registrarId", c.registrarId()).put("name", c.name()).put("domains", c.domains());
    }
    ArrayNode balances = o.putArray("balances");
    for (Registrar reg : s.registrars()) {
      ObjectNode n = balances.addObject();
      n.put("registrarId", reg.id());
      n.set("balance", PanelJson.money(reg.balance(), reg.currency()));
      n.set("creditLimit", PanelJson.money(reg.creditLimit(), reg.currency()));
      n.set("available", PanelJson.money(reg.balance() + reg.creditLimit(), reg.currency()));
    }
    // The jobs function writes no status item yet; the panel shows this note instead.
    o.putNull("jobs");
    o.putArray("notes").add("job status is not recorded yet: the jobs function writes no status item");
    o.put("truncated", s.truncated());
    return Answers.ok(o);
  }

  private String pollRegistrar(PanelRequest r) {
    String reg = PanelAccess.readScope(r.user, r.query("registrar"));
    if (reg == null) {
      throw PanelException.badRequest("registrar is required: whose poll queue?");
    }
    app.access.requireAccount(r.user, reg, Permission.POLL_READ);
    return reg;
  }

  private APIGatewayV2HTTPResponse poll(PanelRequest r) {
    String reg = pollRegistrar(r);
    int limit = Math.max(1, Math.min(r.intQuery("limit", 50), 200));
    Caller queue = Caller.registrar(reg, null, r.svTrid());
    List<PollMessage> msgs = app.poll.list(queue, limit + 1);
    ObjectNode o = PanelJson.list(msgs.subList(0, Math.min(limit, msgs.size())), msgs.size() > limit, PanelJson::poll);
    o.put("count", app.poll.request(queue).count());
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse ack(PanelRequest r) {
    PanelAccess.require(r.user, Permission.POLL_ACK);
    String reg = pollRegistrar(r);
    Caller c = app.access.caller(r.user, reg, r.svTrid());
    PollQueue.AckResult a = app.poll.ack(c, r.param("id"));
    ObjectNode o = PanelJson.object();
    o.put("ackedId", a.ackedId());
    o.put("count", a.count());
    o.put("nextId", a.nextId());
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse audit(PanelRequest r) {
    PanelAccess.require(r.user, Permission.AUDIT_READ);
    YearMonth month;
    try {
      String m = r.query("month");
      month = m == null ? YearMonth.from(app.ctx.now().atZone(ZoneOffset.UTC)) : YearMonth.parse(m);
    } catch (DateTimeParseException e) {
      throw PanelException.badRequest("month is yyyy-MM");
    }
    String scope = PanelAccess.readScope(r.user, r.query("registrar"));
    AuditLog.Page page =
        app.audit.month(new AuditLog.Query(month, r.query("type"), scope, r.query("action"), r.intQuery("limit", 100)));
    List<HistoryRecord> visible =
        page.items().stream().map(h -> PanelAccess.historyView(r.user, h)).flatMap(Optional::stream).toList();
    return Answers.ok(PanelJson.list(visible, page.truncated(), PanelJson::history));
  }

  private APIGatewayV2HTTPResponse lookup(PanelRequest r) {
    PanelAccess.require(r.user, Permission.LOOKUP);
    String q = r.query("q");
    if (q == null) {
      throw PanelException.badRequest("q is required: a domain, host or registrar");
    }
    ObjectNode o = PanelJson.object();
    if (q.endsWith("*")) {
      o.put("kind", "search");
      ArrayNode domains = o.putArray("domains");
      app.lookup.searchDomains(q, 50).stream().limit(50).forEach(d -> domains.add(publicDomain(d)));
      ArrayNode hosts = o.putArray("hosts");
      if (q.length() > 1) {
        app.lookup.searchHosts(q, 50).stream().limit(50).forEach(h -> hosts.add(publicHost(h)));
      }
      return Answers.ok(o);
    }
    if (q.contains(".")) {
      Optional<Domain> d = app.lookup.domain(q);
      if (d.isPresent()) {
        o.put("kind", "domain");
        o.set("domain", publicDomain(d.get()));
        return Answers.ok(o);
      }
      Optional<Host> h = app.lookup.host(q);
      if (h.isPresent()) {
        o.put("kind", "host");
        o.set("host", publicHost(h.get()));
        return Answers.ok(o);
      }
    }
    Optional<Registrar> reg = app.lookup.registrar(q);
    if (reg.isPresent()) {
      o.put("kind", "registrar");
      ObjectNode n = o.putObject("registrar");
      n.put("id", reg.get().id());
      n.put("name", reg.get().name());
      if (reg.get().ianaId() != null) {
        n.put("ianaId", reg.get().ianaId());
      }
      n.put("url", reg.get().url());
      n.put("abuseEmail", reg.get().abuseEmail());
      n.put("abusePhone", reg.get().abusePhone());
      return Answers.ok(o);
    }
    throw PanelException.notFound("nothing registered under " + q);
  }

  /** What WHOIS shows of a domain: no contacts, no authInfo, no grace or billing data. */
  private ObjectNode publicDomain(Domain d) {
    ObjectNode n = PanelJson.object();
    n.put("name", d.name());
    n.put("registrarId", d.registrarId());
    n.put("registrar", app.lookup.registrar(d.registrarId()).map(Registrar::name).orElse(null));
    n.set("statuses", PanelJson.statuses(d.effectiveStatuses()));
    n.set("nameservers", PanelJson.strings(d.nameservers()));
    PanelJson.time(n, "createdAt", d.createdAt());
    PanelJson.time(n, "updatedAt", d.updatedAt());
    PanelJson.time(n, "expiresAt", d.expiresAt());
    n.put("dnssec", !d.dsData().isEmpty());
    return n;
  }

  private static ObjectNode publicHost(Host h) {
    ObjectNode n = PanelJson.object();
    n.put("name", h.name());
    n.put("registrarId", h.registrarId());
    ArrayNode a = n.putArray("addresses");
    h.inetV4().forEach(a::add);
    h.inetV6().forEach(a::add);
    n.set("statuses", PanelJson.statuses(h.effectiveStatuses()));
    return n;
  }

  private ReportFiles.Source store(PanelRequest r, String name) {
    PanelAccess.require(r.user, Permission.REPORTS_READ);
    if (!ReportFiles.STORES.contains(name)) {
      throw PanelException.notFound("stores are " + String.join(", ", ReportFiles.STORES));
    }
    return app.config.reports().source(name).orElseThrow(() -> new PanelException(503, "not-configured",
        "no " + name + " store is configured (PANEL_" + name.toUpperCase(java.util.Locale.ROOT)
            + "_BUCKET or _DIR)"));
  }

  private APIGatewayV2HTTPResponse listFiles(PanelRequest r) {
    ReportFiles.Source s = store(r, r.param("store"));
    int limit = Math.max(1, Math.min(r.intQuery("limit", 100), 1000));
    List<ReportFiles.FileInfo> files = s.list(r.query("prefix"), limit);
    return Answers.ok(PanelJson.list(files.subList(0, Math.min(limit, files.size())), files.size() > limit, f -> {
      ObjectNode n = PanelJson.object();
      n.put("key", f.key());
      n.put("size", f.size());
      PanelJson.time(n, "lastModified", f.lastModified());
      return n;
    }));
  }

  private APIGatewayV2HTTPResponse download(PanelRequest r) {
    ReportFiles.Source s = store(r, r.param("store"));
    String key = r.param("key");
    if (!ReportFiles.safeKey(key)) {
      throw PanelException.badRequest("not a file name: " + key);
    }
    byte[] data = s.read(key).orElseThrow(() -> PanelException.notFound("no file " + key));
    return Answers.file(key.substring(key.lastIndexOf('/') + 1), data);
  }

  private APIGatewayV2HTTPResponse escrow(PanelRequest r) {
    ReportFiles.Source s = store(r, "escrow");
    Map<String, ObjectNode> byTld = new TreeMap<>();
    for (ReportFiles.FileInfo f : s.list(null, 10_000)) {
      Matcher m = DEPOSIT.matcher(f.key());
      if (!m.matches()) {
        continue;
      }
      ObjectNode t = byTld.computeIfAbsent(m.group(1), k -> PanelJson.object().put("tld", k));
      String field = m.group(3).equals("full") ? "latestFull" : "latestDiff";
      // Files come newest first: the first of each kind is the latest.
      if (!t.has(field)) {
        ObjectNode n = t.putObject(field);
        n.put("key", f.key());
        n.put("date", m.group(2));
        n.put("size", f.size());
        PanelJson.time(n, "lastModified", f.lastModified());
      }
    }
    ObjectNode o = PanelJson.object();
    ArrayNode deposits = o.putArray("deposits");
    byTld.values().forEach(deposits::add);
    return Answers.ok(o);
  }
}
