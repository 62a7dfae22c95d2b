package org.opentld.registry.functions.jobs.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.functions.jobs.S3Local;
import org.opentld.registry.reporting.ActivityCounters;
import org.opentld.registry.testing.TestRegistry;

/**
 * The ICANN monthly reports of a TLD after a month of known operations: ICANN's column names
 * in ICANN's order, and counts that match what was done.
 */
class IcannReportsIT {
  private static final String TRANSACTIONS_HEADER =
      "registrar-name,iana-id,total-domains,total-nameservers,net-adds-1-yr,net-adds-2-yr,"
          + "net-adds-3-yr,net-adds-4-yr,net-adds-5-yr,net-adds-6-yr,net-adds-7-yr,"
          + "net-adds-8-yr,net-adds-9-yr,net-adds-10-yr,net-renews-1-yr,net-renews-2-yr,"
          + "net-renews-3-yr,net-renews-4-yr,net-renews-5-yr,net-renews-6-yr,net-renews-7-yr,"
          + "net-renews-8-yr,net-renews-9-yr,net-renews-10-yr,transfer-gaining-successful,"
          + "transfer-gaining-nacked,transfer-losing-successful,transfer-losing-nacked,"
          + "transfer-disputed-won,transfer-disputed-lost,transfer-disputed-nodecision,"
          + "deleted-domains-grace,deleted-domains-nograce,restored-domains,restored-noreport,"
          + "agp-exemption-requests,agp-exemptions-granted,agp-exempted-domains,attempted-adds";
  private static final String ACTIVITY_HEADER =
      "operational-registrars,zfa-passwords,whois-43-queries,web-whois-queries,"
          + "searchable-whois-queries,dns-udp-queries-received,dns-udp-queries-responded,"
          + "dns-tcp-queries-received,dns-tcp-queries-responded,rdap-queries,srs-dom-check,"
          + "srs-dom-create,srs-dom-delete,srs-dom-info,srs-dom-renew,"
          + "srs-dom-rgp-restore-report,srs-dom-rgp-restore-request,srs-dom-transfer-approve,"
          + "srs-dom-transfer-cancel,srs-dom-transfer-query,srs-dom-transfer-reject,"
          + "srs-dom-transfer-request,srs-dom-update,srs-host-check,srs-host-create,"
          + "srs-host-delete,srs-host-info,srs-host-update,srs-cont-check,srs-cont-create,"
          + "srs-cont-delete,srs-cont-info,srs-cont-transfer-approve,srs-cont-transfer-cancel,"
          + "srs-cont-transfer-query,srs-cont-transfer-reject,srs-cont-transfer-request,"
          + "srs-cont-update";

  private static String bucket;
  private static JobReport report;
  private static List<String> transactions;
  private static List<String> activity;

  /**
   * January: reg-a registers jan1.test and jan2.test, reg-b jan3.test. March: reg-a creates
   * a1.test (1 year), a2.test (1 year) and a3.test (2 years), deletes a1.test inside the add
   * grace period and renews a2.test for a year; reg-b takes jan1.test from reg-a (approved) and
   * asks for jan2.test (rejected). EPP, WHOIS and RDAP counts are added for March.
   */
  @BeforeAll
  static void month() {
    TestRegistry t = TestRegistry.seeded();
    t.createDomain("reg-a", "jan1.test", 1);
    t.createDomain("reg-a", "jan2.test", 1);
    t.createDomain("reg-b", "jan3.test", 1);
    t.clock.set(LocalDate.of(2026, 3, 17).atStartOfDay(ZoneOffset.UTC).toInstant());
    t.createDomain("reg-a", "a1.test", 1);
    t.createDomain("reg-a", "a2.test", 1);
    t.createDomain("reg-a", "a3.test", 2);
    t.clock.advance(Duration.ofHours(1));
    new DomainDelete(t.ctx).delete(TestRegistry.as("reg-a"), "a1.test");
    LocalDate a2Expiry = t.ctx.domain("a2.test").expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
    new DomainRenew(t.ctx).renew(TestRegistry.as("reg-a"),
        new DomainRenew.Command("a2.test", a2Expiry, 1, null));
    DomainTransfer transfers = new DomainTransfer(t.ctx);
    transfers.request(TestRegistry.as("reg-b"),
        new DomainTransfer.Request("jan1.test", 1, "secret-auth-1", null));
    transfers.approve(TestRegistry.as("reg-a"), "jan1.test");
    transfers.request(TestRegistry.as("reg-b"),
        new DomainTransfer.Request("jan2.test", 1, "secret-auth-1", null));
    transfers.reject(TestRegistry.as("reg-a"), "jan2.test");

    ActivityCounters epp = new ActivityCounters(t.ctx.store(), t.clock, "EPP");
    for (int i = 0; i < 3; i++) {
      epp.increment("test", "domain:create");
    }
    epp.increment("test", "domain:transfer:request");
    epp.increment("test", "domain:rgp-restore:request");
    epp.increment(null, "host:create");
    epp.increment(null, "contact:transfer:query");
    epp.flush();
    ActivityCounters whois = new ActivityCounters(t.ctx.store(), t.clock, "WHOIS");
    whois.increment("test", "query");
    whois.increment("test", "query");
    whois.increment(null, "query");
    whois.flush();
    ActivityCounters rdap = new ActivityCounters(t.ctx.store(), t.clock, "RDAP");
    rdap.add(null, "query", 4);
    rdap.flush();

    bucket = S3Local.bucket("reports");
    t.clock.set(LocalDate.of(2026, 4, 2).atTime(4, 0).toInstant(ZoneOffset.UTC));
    report = new IcannReportsJob(S3Local.client(), bucket, 2)
        .run(new JobRun(t.registry, t.clock.instant(), 0, 1, Map.of(), null));
    transactions = lines("test-transactions-202603.csv");
    activity = lines("test-activity-202603.csv");
  }

  private static List<String> lines(String key) {
    return Arrays.asList(S3Local.client().getObjectAsBytes(r -> r.bucket(bucket).key(key))
        .asUtf8String().split("\r\n"));
  }

  private static Map<String, String> row(String header, String line) {
    String[] names = header.split(",");
    String[] cells = line.split(",", -1);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], cells[i]);
    }
    return out;
  }

  private static Map<String, String> registrar(String name) {
    return transactions.stream().filter(l -> l.startsWith(name + ",")).findFirst()
        .map(l -> row(TRANSACTIONS_HEADER, l)).orElseThrow();
  }

  @Test
  void success_previousMonthsFilesAreWrittenWithIcannsNames() {
    assertThat(report.ok()).as(report.notes().toString()).isTrue();
    assertThat(report.changed()).isEqualTo(2);
    assertThat(transactions.get(0)).isEqualTo(TRANSACTIONS_HEADER);
    assertThat(activity.get(0)).isEqualTo(ACTIVITY_HEADER);
    assertThat(TransactionsReport.COLUMNS).hasSize(39);
  }

  @Test
  void success_transactionsCountWhatEachRegistrarDid() {
    Map<String, String> a = registrar("Registrar reg-a");
    assertThat(a).containsEntry("iana-id", "9097")
        .containsEntry("total-domains", "3") // jan2, a2, a3 (jan1 left, a1 deleted)
        .containsEntry("net-adds-1-yr", "1") // a1 and a2 created, a1 deleted in add grace
        .containsEntry("net-adds-2-yr", "1")
        .containsEntry("net-renews-1-yr", "1")
        .containsEntry("transfer-losing-successful", "1")
        .containsEntry("transfer-losing-nacked", "1")
        .containsEntry("transfer-gaining-successful", "0")
        .containsEntry("deleted-domains-grace", "1")
        .containsEntry("deleted-domains-nograce", "0")
        .containsEntry("attempted-adds", "3");
    Map<String, String> b = registrar("Registrar reg-b");
    assertThat(b).containsEntry("total-domains", "2")
        .containsEntry("transfer-gaining-successful", "1")
        .containsEntry("transfer-gaining-nacked", "1")
        .containsEntry("net-adds-1-yr", "0")
        .containsEntry("attempted-adds", "0");
    Map<String, String> totals = registrar("Totals");
    assertThat(totals).containsEntry("iana-id", "").containsEntry("total-domains", "5")
        .containsEntry("net-adds-1-yr", "1").containsEntry("transfer-gaining-successful", "1")
        .containsEntry("attempted-adds", "3");
    assertThat(transactions).hasSize(4);
  }

  @Test
  void success_activityCountsComeFromTheMonthsCounters() {
    Map<String, String> v = row(ACTIVITY_HEADER, activity.get(1));
    assertThat(v).containsEntry("operational-registrars", "2")
        .containsEntry("zfa-passwords", "CZDS")
        .containsEntry("whois-43-queries", "3")
        .containsEntry("rdap-queries", "4")
        .containsEntry("srs-dom-create", "3")
        .containsEntry("srs-dom-transfer-request", "1")
        .containsEntry("srs-dom-rgp-restore-request", "1")
        .containsEntry("srs-host-create", "1")
        .containsEntry("srs-cont-transfer-query", "1")
        .containsEntry("srs-dom-delete", "0")
        .containsEntry("searchable-whois-queries", "0");
  }
}
