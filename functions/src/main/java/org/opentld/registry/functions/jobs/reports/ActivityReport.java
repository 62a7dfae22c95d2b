package org.opentld.registry.functions.jobs.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.reporting.ActivityCounters;

/**
 * ICANN's monthly Registry Functions Activity Report of a TLD (Registry Agreement
 * Specification 3 §2): one header line with ICANN's field names and one line of values.
 *
 * <p>SRS counts are the month's {@link ActivityCounters} of source {@code EPP}: domain commands
 * counted under the TLD ({@code domain:create} becomes {@code srs-dom-create},
 * {@code domain:transfer:request} {@code srs-dom-transfer-request}, {@code
 * domain:rgp-restore:request} {@code srs-dom-rgp-restore-request}), host and contact commands
 * under no TLD (so every TLD reports them, as they belong to all). WHOIS and RDAP counts are the
 * field {@code query} of sources {@code WHOIS}, {@code WEB-WHOIS} and {@code RDAP}, this TLD's
 * plus the no-TLD ones; DNS counts the fields {@code udp-received}... of source {@code DNS}
 * where a DNS operator feeds them, else 0. Zone file access is through CZDS; searchable WHOIS is
 * not offered (0).
 */
public final class ActivityReport {
  /** ICANN's field names, in order (rdap-queries as added by the 2023 RDAP amendment). */
  public static final List<String> COLUMNS = List.of(
      "operational-registrars", "zfa-passwords", "whois-43-queries", "web-whois-queries",
      "searchable-whois-queries", "dns-udp-queries-received", "dns-udp-queries-responded",
      "dns-tcp-queries-received", "dns-tcp-queries-responded", "rdap-queries",
      "srs-dom-check", "srs-dom-create", "srs-dom-delete", "srs-dom-info", "srs-dom-renew",
      "srs-dom-rgp-restore-report", "srs-dom-rgp-restore-request", "srs-dom-transfer-approve",
      "srs-dom-transfer-cancel", "srs-dom-transfer-query", "srs-dom-transfer-reject",
      "srs-dom-transfer-request", "srs-dom-update", "srs-host-check", "srs-host-create",
      "srs-host-delete", "srs-host-info", "srs-host-update", "srs-cont-check", "srs-cont-create",
      "srs-cont-delete", "srs-cont-info", "srs-cont-transfer-approve", "srs-cont-transfer-cancel",
      "srs-cont-transfer-query", "srs-cont-transfer-reject", "srs-cont-transfer-request",
      "srs-cont-update");

  private ActivityReport() {}

  public static String csv(RegistryContext ctx, String tld, YearMonth month) {
    Map<String, String> v = values(ctx, tld, month);
    List<String> cells = new ArrayList<>();
    for (String c : COLUMNS) {
      cells.add(v.getOrDefault(c, "0"));
    }
    return Csv.line(COLUMNS) + Csv.line(cells);
  }

  static Map<String, String> values(RegistryContext ctx, String tld, YearMonth month) {
    Map<String, String> out = new LinkedHashMap<>();
    long operational = new RegistrarAdmin(ctx).list().stream()
        .filter(r -> r.status() == Registrar.Status.ACTIVE).count();
    out.put("operational-registrars", Long.toString(operational));
    out.put("zfa-passwords", "CZDS");
    Map<String, Long> epp = counts(ctx, "EPP", tld, month, false);
    Map<String, Long> eppAll = counts(ctx, "EPP", ActivityCounters.ALL_TLDS, month, false);
    out.put("whois-43-queries", query(ctx, "WHOIS", tld, month));
    out.put("web-whois-queries", query(ctx, "WEB-WHOIS", tld, month));
    out.put("rdap-queries", query(ctx, "RDAP", tld, month));
    Map<String, Long> dns = counts(ctx, "DNS", tld, month, false);
    out.put("dns-udp-queries-received", Long.toString(dns.getOrDefault("udp-received", 0L)));
    out.put("dns-udp-queries-responded", Long.toString(dns.getOrDefault("udp-responded", 0L)));
    out.put("dns-tcp-queries-received", Long.toString(dns.getOrDefault("tcp-received", 0L)));
    out.put("dns-tcp-queries-responded", Long.toString(dns.getOrDefault("tcp-responded", 0L)));
    for (String c : COLUMNS) {
      if (c.startsWith("srs-")) {
        String field = field(c);
        Map<String, Long> source = c.startsWith("srs-dom-") ? epp : eppAll;
        out.put(c, Long.toString(source.getOrDefault(field, 0L)));
      }
    }
    return out;
  }

  /** {@code srs-dom-transfer-request} to {@code domain:transfer:request}, and so on. */
  static String field(String column) {
    String rest = column.substring("srs-".length());
    String kind = rest.startsWith("dom-") ? "domain" : rest.startsWith("host-") ? "host"
        : "contact";
    String op = rest.substring(rest.indexOf('-') + 1);
    if (op.startsWith("rgp-restore-")) {
      return kind + ":rgp-restore:" + op.substring("rgp-restore-".length());
    }
    if (op.startsWith("transfer-")) {
      return kind + ":transfer:" + op.substring("transfer-".length());
    }
    return kind + ":" + op;
  }

  private static String query(RegistryContext ctx, String source, String tld, YearMonth month) {
    long n = counts(ctx, source, tld, month, true).getOrDefault("query", 0L);
    return Long.toString(n);
  }

  private static Map<String, Long> counts(
      RegistryContext ctx, String source, String tld, YearMonth month, boolean withAll) {
    ActivityCounters c = new ActivityCounters(ctx.store(), ctx.clock(), source);
    Map<String, Long> out = new LinkedHashMap<>(c.read(tld, month));
    if (withAll && !tld.equals(ActivityCounters.ALL_TLDS)) {
      c.read(ActivityCounters.ALL_TLDS, month).forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }
}
