package org.opentld.registry.functions.jobs.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.GracePeriod;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Store;
import org.opentld.registry.store.TypeScan;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ICANN's monthly Per-Registrar Transactions Report of a TLD (Registry Agreement Specification
 * 3 §1): one row per registrar and a Totals row, in ICANN's column order and names.
 *
 * <p>Counts come from the month's history records ({@code gsi2 HM#<yyyy-MM>#<b>}), which every
 * change writes in its own transaction: creates by period (net-adds, less deletes inside the
 * add grace period), renewals and auto-renewals by period (net-renews, less deletes inside
 * their grace), completed and rejected transfers for both sides, deletes inside and outside
 * the add grace period, restores and restores whose report never came. The history is used
 * rather than the ledger because a name priced at zero moves no money but is still a
 * transaction. Totals of domains and name servers are a scan at report time. Transfer
 * disputes and AGP exemptions are not run by this registry (0); attempted-adds counts the
 * successful creates, since failed commands leave no per-registrar record.
 */
public final class TransactionsReport {
  /** ICANN's column names, in order. */
  public static final List<String> COLUMNS = columns();

  private TransactionsReport() {}

  private static List<String> columns() {
    List<String> c = new ArrayList<>(List.of("registrar-name", "iana-id", "total-domains",
        "total-nameservers"));
    for (int y = 1; y <= 10; y++) {
      c.add("net-adds-" + y + "-yr");
    }
    for (int y = 1; y <= 10; y++) {
      c.add("net-renews-" + y + "-yr");
    }
    c.addAll(List.of("transfer-gaining-successful", "transfer-gaining-nacked",
        "transfer-losing-successful", "transfer-losing-nacked", "transfer-disputed-won",
        "transfer-disputed-lost", "transfer-disputed-nodecision", "deleted-domains-grace",
        "deleted-domains-nograce", "restored-domains", "restored-noreport",
        "agp-exemption-requests", "agp-exemptions-granted", "agp-exempted-domains",
        "attempted-adds"));
    return List.copyOf(c);
  }

  /** The report as CSV: header, one row per registrar (by name), Totals. */
  public static String csv(RegistryContext ctx, String tld, YearMonth month, int segments) {
    Map<String, Map<String, Long>> rows = compute(ctx, tld, month, segments);
    List<Registrar> registrars = new ArrayList<>(
        new org.opentld.registry.registrar.RegistrarAdmin(ctx).list());
    registrars.sort(Comparator.comparing(r -> r.name() == null ? r.id() : r.name()));
    StringBuilder out = new StringBuilder(Csv.line(COLUMNS));
    Map<String, Long> totals = new TreeMap<>();
    for (Registrar r : registrars) {
      Map<String, Long> row = rows.getOrDefault(r.id(), Map.of());
      List<String> cells = new ArrayList<>();
      cells.add(r.name() == null ? r.id() : r.name());
      cells.add(r.ianaId() == null ? "" : r.ianaId().toString());
      for (String c : COLUMNS.subList(2, COLUMNS.size())) {
        long v = row.getOrDefault(c, 0L);
        cells.add(Long.toString(v));
        totals.merge(c, v, Long::sum);
      }
      out.append(Csv.line(cells));
    }
    List<String> total = new ArrayList<>(List.of("Totals", ""));
    for (String c : COLUMNS.subList(2, COLUMNS.size())) {
      total.add(Long.toString(totals.getOrDefault(c, 0L)));
    }
    return out.append(Csv.line(total)).toString();
  }

  /** Counts per registrar id and column. */
  static Map<String, Map<String, Long>> compute(
      RegistryContext ctx, String tld, YearMonth month, int segments) {
    Map<String, Map<String, Long>> rows = new ConcurrentHashMap<>();
    Store store = ctx.store();
    TypeScan scan = new TypeScan(store, segments);
    Set<String> usedHosts = ConcurrentHashMap.newKeySet();
    scan.forEach("domain", Map.of("tld", tld), item -> {
      Domain d = Items.domain(item);
      add(rows, d.registrarId(), "total-domains", 1);
      usedHosts.addAll(d.nameservers());
    });
    scan.forEach("host", Map.of(), item -> {
      Host h = Items.host(item, 0);
      boolean inTld = h.superordinateDomain() != null
          && h.superordinateDomain().endsWith("." + tld);
      if (inTld || usedHosts.contains(h.name())) {
        add(rows, h.registrarId(), "total-nameservers", 1);
      }
    });
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int b = 0; b < Keys.BUCKETS; b++) {
      Map<String, AttributeValue> start = null;
      do {
        Store.Page page = store.queryIndex(RegistryTables.GSI2,
            Keys.historyByMonth(month.toString(), b), Keys.ts(from), Keys.ts(to), 1000, start);
        for (Map<String, AttributeValue> item : page.items()) {
          HistoryRecord h = Items.history(item);
          if ("domain".equals(h.objectType()) && inTld(h.objectName(), tld)) {
            count(rows, h);
          }
        }
        start = page.next();
      } while (start != null);
    }
    return rows;
  }

  private static boolean inTld(String name, String tld) {
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot + 1).equals(tld);
  }

  private static void count(Map<String, Map<String, Long>> rows, HistoryRecord h) {
    Domain before = domain(h.before());
    Domain after = domain(h.after());
    switch (h.action()) {
      case "create" -> {
        add(rows, after.registrarId(), "net-adds-" + years(after.createdAt(), after.expiresAt())
            + "-yr", 1);
        add(rows, after.registrarId(), "attempted-adds", 1);
      }
      case "renew" -> add(rows, after.registrarId(),
          "net-renews-" + years(before.expiresAt(), after.expiresAt()) + "-yr", 1);
      case "autoRenew" -> add(rows, after.registrarId(), "net-renews-1-yr", 1);
      case "delete" -> {
        List<GracePeriod> graces = before.activeGracePeriods(h.at());
        boolean addGrace = graces.stream().anyMatch(g -> g.type() == GracePeriod.Type.ADD);
        add(rows, before.registrarId(),
            addGrace ? "deleted-domains-grace" : "deleted-domains-nograce", 1);
        if (addGrace) {
          add(rows, before.registrarId(),
              "net-adds-" + years(before.createdAt(), before.expiresAt()) + "-yr", -1);
        } else if (graces.stream().anyMatch(g -> g.type() == GracePeriod.Type.RENEW
            || g.type() == GracePeriod.Type.AUTO_RENEW)) {
          add(rows, before.registrarId(), "net-renews-1-yr", -1);
        }
      }
      case "transfer-approve", "transfer-auto-approve" -> {
        add(rows, after.registrarId(), "transfer-gaining-successful", 1);
        add(rows, before.registrarId(), "transfer-losing-successful", 1);
      }
      case "transfer-reject" -> {
        add(rows, before.transfer().gainingRegistrarId(), "transfer-gaining-nacked", 1);
        add(rows, before.registrarId(), "transfer-losing-nacked", 1);
      }
      case "restore" -> add(rows, after.registrarId(), "restored-domains", 1);
      case "restoreExpired" -> add(rows, before.registrarId(), "restored-noreport", 1);
      default -> {
        // updates, transfer requests and cancellations, purges: not in this report
      }
    }
  }

  /** Whole years between two instants (a 1-year period may end a day early or late). */
  static int years(Instant from, Instant to) {
    long months = ChronoUnit.MONTHS.between(
        from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC).plusDays(1));
    return (int) Math.max(1, Math.min(10, Math.round(months / 12.0)));
  }

  private static Domain domain(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return ItemCodec.JSON.treeToValue(n, Domain.class);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable history snapshot", e);
    }
  }

  private static void add(Map<String, Map<String, Long>> rows, String registrar, String column,
      long n) {
    if (registrar != null) {
      rows.computeIfAbsent(registrar, k -> new ConcurrentHashMap<>()).merge(column, n, Long::sum);
    }
  }

  static Map<String, Long> row(Map<String, Map<String, Long>> rows, String registrar) {
    return new LinkedHashMap<>(rows.getOrDefault(registrar, Map.of()));
  }
}
