package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.domain.PendingTransfer.TransferStatus;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

/**
 * Domain update, delete, renew, transfer and RGP restore over real TLS sessions: each success
 * against its fixture pair, and each error the core can produce for the command with the
 * stored domain and balances unchanged afterwards.
 */
class EppDomainCommandsIT {
  static EppTestBed.Certs certs;

  EppTestBed bed;
  TestRegistry t;

  @BeforeAll
  static void certificates(@TempDir Path dir) throws IOException {
    certs = EppTestBed.Certs.make(dir);
  }

  @BeforeEach
  void start() throws Exception {
    bed = new EppTestBed(certs);
    t = bed.t;
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  // ---- helpers ------------------------------------------------------------------------

  static Caller as(String id) {
    return TestRegistry.as(id);
  }

  Domain domain(String name) {
    return t.ctx.domain(name);
  }

  void host(String registrar, String name, String... addresses) {
    t.registry.hostCreate.create(as(registrar), new HostCreate.Command(name, List.of(addresses)));
  }

  void contact(String registrar, String id) {
    PostalInfo p = new PostalInfo(PostalInfo.Type.INT, "Jo Doe", null, List.of("1 Main St"),
        "Dulles", "VA", "20166", "US");
    t.registry.contactCreate.create(as(registrar), new ContactCreate.Command(
        id, List.of(p), null, null, null, null, "jo@example.com", "contact-auth-1", null));
  }

  /**
   * Sends a command that must fail with {@code expected} and leave the domain and the two
   * main balances as they were.
   */
  void assertFails(EppClient c, String xml, int expected, String domainName) throws IOException {
    Domain before = t.ctx.findDomain(domainName).orElse(null);
    long a = t.balance("epp-a");
    long b = t.balance("epp-b");
    String r = c.send(xml);
    EppFixtures.assertSchemaValid(r);
    assertThat(code(r)).as(r).isEqualTo(expected);
    assertThat(t.ctx.findDomain(domainName).orElse(null)).as("domain unchanged").isEqualTo(before);
    assertThat(t.balance("epp-a")).isEqualTo(a);
    assertThat(t.balance("epp-b")).isEqualTo(b);
  }

  static String update(String name, String add, String rem, String chg, String ext) {
    String d = "xmlns:domain=\"" + EppNs.DOMAIN + "\"";
    return "<?xml version=\"1.0\"?><epp xmlns=\"" + EppNs.EPP + "\"><command><update>"
        + "<domain:update " + d + "><domain:name>" + name + "</domain:name>"
        + (add == null ? "" : "<domain:add>" + add + "</domain:add>")
        + (rem == null ? "" : "<domain:rem>" + rem + "</domain:rem>")
        + (chg == null ? "" : "<domain:chg>" + chg + "</domain:chg>")
        + "</domain:update></update>"
        + (ext == null ? "" : "<extension>" + ext + "</extension>")
        + "<clTRID>CL-upd</clTRID></command></epp>";
  }

  static String ds(int keyTag) {
    return "<secDNS:dsData><secDNS:keyTag>" + keyTag + "</secDNS:keyTag><secDNS:alg>13</secDNS:alg>"
        + "<secDNS:digestType>2</secDNS:digestType><secDNS:digest>"
        + "49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC1234</secDNS:digest>"
        + "</secDNS:dsData>";
  }

  static String secDns(String inner, String attrs) {
    return "<secDNS:update xmlns:secDNS=\"" + EppNs.SEC_DNS + "\"" + attrs + ">" + inner
        + "</secDNS:update>";
  }

  static String ns(String... hosts) {
    StringBuilder sb = new StringBuilder("<domain:ns>");
    for (String h : hosts) {
      sb.append("<domain:hostObj>").append(h).append("</domain:hostObj>");
    }
    return sb.append("</domain:ns>").toString();
  }

  // ---- update -------------------------------------------------------------------------

  @Test
  void update_addsRemovesAndChangesEverything_andKeepsTheRequestInHistory() throws IOException {
    host("epp-a", "ns1.example.net");
    host("epp-a", "ns2.example.net");
    contact("epp-a", "c-admin");
    contact("epp-a", "c-tech");
    t.createDomain("epp-a", "upd.test", 1);
    t.registry.domainUpdate.update(as("epp-a"), new DomainUpdate.Command("upd.test",
        List.of("ns1.example.net"), null,
        List.of(new DomainUpdate.ContactRef(Domain.ContactType.ADMIN, "c-admin")), null,
        Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED), null, null, null, null, null, false));

    try (EppClient c = bed.session("epp-a")) {
      String request = EppFixtures.load("domain_update.xml");
      assertMatches("domain_update_response.xml", c.send(request));
      Domain d = domain("upd.test");
      assertThat(d.nameservers()).containsExactly("ns2.example.net");
      assertThat(d.contacts()).isEqualTo(Map.of(Domain.ContactType.TECH, "c-tech"));
      assertThat(d.registrant()).isEqualTo("c-admin");
      assertThat(d.statuses()).containsExactly(StatusValue.CLIENT_HOLD);
      assertThat(d.dsData()).singleElement()
          .satisfies(x -> assertThat(x.keyTag()).isEqualTo(12345));
      assertThat(DomainRules.authInfoMatches(d, "2BARfoo-new", java.time.Instant.now())).isTrue();
      assertThat(DomainRules.authInfoMatches(d, "secret-auth-1", java.time.Instant.now())).isFalse();
      assertThat(bed.history(d.roid()).get(bed.history(d.roid()).size() - 1).request())
          .as("the history keeps the request text").contains("ABC-update")
          .contains("Payment overdue.");

      assertThat(code(c.send(EppFixtures.load("domain_update_clear.xml")))).isEqualTo(1000);
      Domain cleared = domain("upd.test");
      assertThat(cleared.authInfoHash()).as("domain:null removes the authInfo").isNull();
      assertThat(cleared.dsData()).as("secDNS rem all").isEmpty();
    }
  }

  @Test
  void update_failures() throws IOException {
    host("epp-a", "ns1.example.net");
    t.createDomain("epp-a", "upd.test", 1);
    t.createDomain("epp-a", "locked.test", 1);
    t.registry.domainUpdate.update(as("epp-a"), new DomainUpdate.Command("locked.test",
        null, null, null, null, Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), null, null, null,
        null, null, false));
    try (EppClient c = bed.session("epp-a")) {
      assertFails(c, update("nothing.test", ns("ns1.example.net"), null, null, null), 2303,
          "nothing.test");
      assertFails(c, update("upd.test", ns("ns9.example.net"), null, null, null), 2303,
          "upd.test");
      assertFails(c, update("upd.test", "<domain:contact type=\"tech\">nobody</domain:contact>",
          null, null, null), 2303, "upd.test");
      assertFails(c, update("locked.test", ns("ns1.example.net"), null, null, null), 2304,
          "locked.test");
      assertFails(c, update("upd.test", "<domain:status s=\"serverHold\"/>", null, null, null),
          2306, "upd.test");
      assertFails(c, update("upd.test", null, "<domain:status s=\"clientHold\"/>", null, null),
          2306, "upd.test");
      assertFails(c, update("upd.test", null, ns("ns1.example.net"), null, null), 2306,
          "upd.test");
      StringBuilder nine = new StringBuilder();
      for (int i = 1; i <= 9; i++) {
        nine.append(ds(i));
      }
      assertFails(c, update("upd.test", null, null, null,
          secDns("<secDNS:add>" + nine + "</secDNS:add>", "")), 2004, "upd.test");
      assertFails(c, update("upd.test", ns("bad_host..example"), null, null, null), 2005,
          "upd.test");
      assertFails(c, update("upd.test", null, null, null,
          secDns("<secDNS:add>" + ds(1) + "</secDNS:add>", " urgent=\"1\"")), 2102, "upd.test");
      assertFails(c, update("upd.test", null, null, null,
          secDns("<secDNS:chg><secDNS:maxSigLife>604800</secDNS:maxSigLife></secDNS:chg>", "")),
          2102, "upd.test");
    }
    try (EppClient b = bed.session("epp-b")) {
      assertFails(b, update("upd.test", ns("ns1.example.net"), null, null, null), 2201,
          "upd.test");
    }
  }

  // ---- delete -------------------------------------------------------------------------

  @Test
  void delete_inAddGraceFreesTheNameAt1000AndCreditsTheCreate() throws IOException {
    long before = t.balance("epp-a");
    t.createDomain("epp-a", "del.test", 1);
    try (EppClient c = bed.session("epp-a")) {
      assertMatches("domain_delete_grace_response.xml",
          c.send(EppFixtures.load("domain_delete.xml")));
    }
    assertThat(t.ctx.findDomain("del.test")).isEmpty();
    assertThat(t.balance("epp-a")).isEqualTo(before);
    assertThat(t.ledgerSum("epp-a")).isEqualTo(t.balance("epp-a"));
  }

  @Test
  void delete_afterGraceGoesToRedemptionAt1001() throws IOException {
    t.createDomain("epp-a", "del.test", 1);
    t.clock.advance(Duration.ofDays(6));
    long before = t.balance("epp-a");
    try (EppClient c = bed.session("epp-a")) {
      assertMatches("domain_delete_response.xml", c.send(EppFixtures.load("domain_delete.xml")));
      Domain d = domain("del.test");
      assertThat(d.isDeleted()).isTrue();
      assertThat(d.rgpStatuses(t.clock.instant())).containsExactly("redemptionPeriod");
      assertThat(t.balance("epp-a")).as("nothing refunded after the grace").isEqualTo(before);
      assertFails(c, EppFixtures.load("domain_delete.xml"), 2304, "del.test");
    }
  }

  @Test
  void delete_failures() throws IOException {
    t.createDomain("epp-a", "del.test", 1);
    t.createDomain("epp-a", "sub.test", 1);
    host("epp-a", "ns1.sub.test", "81.2.69.142");
    t.registry.domainUpdate.update(as("epp-a"), new DomainUpdate.Command("del.test",
        null, null, null, null, Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null, null, null,
        null, null, false));
    String delete = EppFixtures.load("domain_delete.xml");
    try (EppClient c = bed.session("epp-a")) {
      assertFails(c, delete, 2304, "del.test");
      assertFails(c, delete.replace("del.test", "sub.test"), 2305, "sub.test");
      assertFails(c, delete.replace("del.test", "nothing.test"), 2303, "nothing.test");
    }
    try (EppClient b = bed.session("epp-b")) {
      assertFails(b, delete.replace("del.test", "sub.test"), 2201, "sub.test");
    }
  }

  // ---- renew --------------------------------------------------------------------------

  @Test
  void renew_withFee_chargesAndExtends() throws IOException {
    t.createDomain("epp-a", "renew.test", 1);
    long before = t.balance("epp-a");
    try (EppClient c = bed.session("epp-a")) {
      assertMatches("domain_renew_response.xml", c.send(EppFixtures.load("domain_renew.xml")));
    }
    assertThat(t.balance("epp-a")).isEqualTo(before - 1800);
    assertThat(t.ledgerSum("epp-a")).isEqualTo(t.balance("epp-a"));
    assertThat(domain("renew.test").expiresAt()).isEqualTo("2029-01-15T10:00:00Z");
  }

  @Test
  void renew_failures() throws IOException {
    t.createDomain("epp-a", "renew.test", 1);
    t.createDomain("epp-a", "norenew.test", 1);
    t.registry.domainUpdate.update(as("epp-a"), new DomainUpdate.Command("norenew.test",
        null, null, null, null, Set.of(StatusValue.CLIENT_RENEW_PROHIBITED), null, null, null,
        null, null, false));
    String renew = EppFixtures.load("domain_renew.xml");
    try (EppClient c = bed.session("epp-a")) {
      assertFails(c, renew.replace("2027-01-15", "2028-01-15"), 2004, "renew.test");
      assertFails(c, renew.replace("<fee:fee>18.00", "<fee:fee>17.99"), 2004, "renew.test");
      assertFails(c, renew.replace(">2</domain:period>", ">11</domain:period>"), 2004,
          "renew.test");
      assertFails(c, renew.replace("renew.test", "norenew.test"), 2304, "norenew.test");
      assertFails(c, renew.replace("renew.test", "nothing.test"), 2303, "nothing.test");
    }
    try (EppClient b = bed.session("epp-b")) {
      assertFails(b, renew, 2201, "renew.test");
    }
    t.createDomain("epp-poor", "poor.test", 1);
    assertThat(t.balance("epp-poor")).isZero();
    try (EppClient p = bed.session("epp-poor")) {
      assertFails(p, renew.replace("renew.test", "poor.test"), 2104, "poor.test");
    }
  }

  // ---- transfer -----------------------------------------------------------------------

  @Test
  void transfer_requestQueryApprove_withPollMessagesOnBothSides() throws IOException {
    t.createDomain("epp-a", "xfer.test", 1);
    t.clock.advance(Duration.ofDays(61));
    long a = t.balance("epp-a");
    long b = t.balance("epp-b");
    try (EppClient gaining = bed.session("epp-b"); EppClient losing = bed.session("epp-a")) {
      assertMatches("domain_transfer_request_response.xml",
          gaining.send(EppFixtures.load("domain_transfer_request.xml")));
      assertThat(t.balance("epp-b")).isEqualTo(b - 800);
      assertMatches("domain_transfer_query_response.xml",
          losing.send(EppFixtures.load("domain_transfer_query.xml")));
      assertMatches("domain_transfer_query_response.xml",
          gaining.send(EppFixtures.load("domain_transfer_query.xml")));

      String req = losing.send(EppFixtures.load("poll_req.xml"));
      assertMatches("poll_req_transfer_response.xml", req);
      assertThat(code(losing.send(ack(req)))).isEqualTo(1000);

      assertMatches("domain_transfer_approve_response.xml",
          losing.send(EppFixtures.load("domain_transfer_approve.xml")));
      Domain d = domain("xfer.test");
      assertThat(d.registrarId()).isEqualTo("epp-b");
      assertThat(d.expiresAt()).isEqualTo("2028-01-15T10:00:00Z");
      assertThat(t.balance("epp-a")).isEqualTo(a);

      // The gaining side hears of the request, then of the approval.
      String first = gaining.send(EppFixtures.load("poll_req.xml"));
      assertThat(code(first)).isEqualTo(1301);
      assertThat(first).contains("<domain:trStatus>pending</domain:trStatus>")
          .contains("count=\"2\"");
      String ackFirst = gaining.send(ack(first));
      assertThat(code(ackFirst)).isEqualTo(1000);
      String second = gaining.send(EppFixtures.load("poll_req.xml"));
      assertMatches("poll_req_approved_response.xml", second);
      assertThat(ackFirst).contains("id=\"" + msgId(second) + "\"").contains("count=\"1\"");
      assertThat(code(gaining.send(ack(second)))).isEqualTo(1000);
      assertMatches("poll_empty_response.xml", gaining.send(EppFixtures.load("poll_req.xml")));
    }
  }

  static String msgId(String pollResponse) {
    var m = java.util.regex.Pattern.compile("<msgQ count=\"\\d+\" id=\"([^\"]+)\"")
        .matcher(pollResponse);
    assertThat(m.find()).as(pollResponse).isTrue();
    return m.group(1);
  }

  static String ack(String pollResponse) {
    return EppFixtures.load("poll_ack.xml").replace("MSGID", msgId(pollResponse));
  }

  @Test
  void transfer_rejectAndCancelRefundTheGainingRegistrar() throws IOException {
    t.createDomain("epp-a", "xfer.test", 1);
    t.clock.advance(Duration.ofDays(61));
    long b = t.balance("epp-b");
    try (EppClient gaining = bed.session("epp-b"); EppClient losing = bed.session("epp-a")) {
      String request = EppFixtures.load("domain_transfer_request.xml");
      assertThat(code(gaining.send(request))).isEqualTo(1001);
      assertMatches("domain_transfer_reject_response.xml",
          losing.send(EppFixtures.load("domain_transfer_reject.xml")));
      assertThat(t.balance("epp-b")).isEqualTo(b);
      assertThat(domain("xfer.test").transfer().status()).isEqualTo(TransferStatus.CLIENT_REJECTED);

      assertThat(code(gaining.send(request))).isEqualTo(1001);
      assertFails(losing, EppFixtures.load("domain_transfer_cancel.xml"), 2201, "xfer.test");
      assertFails(gaining, EppFixtures.load("domain_transfer_approve.xml"), 2201, "xfer.test");
      assertMatches("domain_transfer_cancel_response.xml",
          gaining.send(EppFixtures.load("domain_transfer_cancel.xml")));
      assertThat(t.balance("epp-b")).isEqualTo(b);
      assertThat(t.ledgerSum("epp-b")).isEqualTo(t.balance("epp-b"));
      assertThat(domain("xfer.test").registrarId()).isEqualTo("epp-a");
    }
  }

  @Test
  void transfer_failures() throws IOException {
    t.createDomain("epp-a", "xfer.test", 1);
    t.clock.advance(Duration.ofDays(61));
    t.createDomain("epp-a", "young.test", 1);
    String request = EppFixtures.load("domain_transfer_request.xml");
    try (EppClient gaining = bed.session("epp-b"); EppClient losing = bed.session("epp-a")) {
      assertFails(gaining, request.replace("secret-auth-1", "wrong-auth-1"), 2202, "xfer.test");
      assertFails(losing, request, 2106, "xfer.test");
      assertFails(gaining, request.replace("xfer.test", "young.test"), 2106, "young.test");
      assertFails(gaining, request.replace("<fee:fee>8.00", "<fee:fee>7.00"), 2004, "xfer.test");
      assertFails(gaining, request.replace("xfer.test", "nothing.test"), 2303, "nothing.test");
      assertFails(gaining, request.replace("xfer.test", "xfer.example"), 2306, "xfer.example");
      assertFails(losing, EppFixtures.load("domain_transfer_approve.xml"), 2301, "xfer.test");
      assertFails(gaining, EppFixtures.load("domain_transfer_query.xml"), 2201, "xfer.test");
      assertFails(losing, EppFixtures.load("domain_transfer_query.xml"), 2301, "xfer.test");

      assertThat(code(gaining.send(request))).isEqualTo(1001);
      assertFails(gaining, request, 2300, "xfer.test");
    }
    t.createDomain("epp-poor", "poor.test", 1);
    try (EppClient poor = bed.session("epp-poor")) {
      t.createDomain("epp-a", "old.test", 1);
      t.clock.advance(Duration.ofDays(61));
      assertFails(poor, request.replace("xfer.test", "old.test"), 2104, "old.test");
    }
  }

  // ---- restore ------------------------------------------------------------------------

  @Test
  void restore_requestThenReport() throws IOException {
    t.createDomain("epp-a", "rst.test", 1);
    t.clock.advance(Duration.ofDays(6));
    t.registry.domainDelete.delete(as("epp-a"), "rst.test");
    long before = t.balance("epp-a");
    try (EppClient c = bed.session("epp-a")) {
      String request = EppFixtures.load("domain_restore_request.xml");
      assertFails(c, request.replace("<fee:fee>40.00", "<fee:fee>39.00"), 2004, "rst.test");
      assertMatches("domain_restore_request_response.xml", c.send(request));
      assertThat(t.balance("epp-a")).isEqualTo(before - 4000);
      assertThat(domain("rst.test").rgpStatuses(t.clock.instant()))
          .containsExactly("pendingRestore");
      assertFails(c, request, 2304, "rst.test");
      assertMatches("domain_restore_report_response.xml",
          c.send(EppFixtures.load("domain_restore_report.xml")));
      Domain d = domain("rst.test");
      assertThat(d.isDeleted()).isFalse();
      assertThat(d.expiresAt()).isEqualTo("2027-01-15T10:00:00Z");
      assertThat(t.ledgerSum("epp-a")).isEqualTo(t.balance("epp-a"));
      // Restoring a registered domain, and reporting without a request, are refused.
      assertFails(c, request, 2304, "rst.test");
      assertFails(c, EppFixtures.load("domain_restore_report.xml"), 2304, "rst.test");
      assertFails(c, request.replace("<domain:chg/>",
          "<domain:chg><domain:registrant>x</domain:registrant></domain:chg>"), 2306, "rst.test");
    }
    try (EppClient b = bed.session("epp-b")) {
      assertFails(b, EppFixtures.load("domain_restore_request.xml"), 2201, "rst.test");
    }
  }

  // ---- fee check ----------------------------------------------------------------------

  @Test
  void check_quotesRenewTransferAndRestorePremiumAware() throws IOException {
    Map<BillingOperation, Long> premium = new EnumMap<>(BillingOperation.class);
    premium.put(BillingOperation.CREATE, 10_000L);
    premium.put(BillingOperation.RENEW, 5_000L);
    premium.put(BillingOperation.TRANSFER, 4_000L);
    premium.put(BillingOperation.RESTORE, 9_000L);
    t.registry.tlds.putLabel(Caller.admin("test-admin", "SV-L"),
        new TldLabel("test", "gold", null, premium));
    t.createDomain("epp-a", "plain.test", 1);
    try (EppClient c = bed.session("epp-b")) {
      assertMatches("domain_check_fee_response.xml",
          c.send(EppFixtures.load("domain_check_fee.xml")));
      assertThat(code(c.send(EppFixtures.load("domain_check_fee.xml")
          .replace("name=\"restore\"", "name=\"delete\"")))).isEqualTo(2102);
    }
  }
}
