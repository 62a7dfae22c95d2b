package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.ContactRules;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.testing.TestRegistry;

/** Contact commands (RFC 5733) over real TLS sessions against DynamoDB Local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EppContactCommandsIT {
  static final String AUTH = "contact-auth-1";

  EppTestServer s;
  TestRegistry t;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    s = new EppTestServer(dir);
    t = s.t;
  }

  @AfterAll
  void stop() {
    if (s != null) {
      s.close();
    }
  }

  static String cmd(EppClient c, String verb, String inner) {
    return c.command(
        "<" + verb + "><contact:" + verb + " xmlns:contact=\"" + EppNs.CONTACT + "\">" + inner
            + "</contact:" + verb + "></" + verb + ">",
        null);
  }

  static String transfer(EppClient c, String op, String id, String authInfo) {
    return c.command(
        "<transfer op=\"" + op + "\"><contact:transfer xmlns:contact=\"" + EppNs.CONTACT + "\">"
            + id(id) + (authInfo == null ? "" : pw(authInfo))
            + "</contact:transfer></transfer>",
        null);
  }

  static String id(String id) {
    return "<contact:id>" + id + "</contact:id>";
  }

  static String pw(String pw) {
    return "<contact:authInfo><contact:pw>" + pw + "</contact:pw></contact:authInfo>";
  }

  /** A minimal create body; {@code voice} is a whole voice element or "". */
  static String body(String id, String name, String cc, String voice, String email) {
    return id(id) + "<contact:postalInfo type=\"int\"><contact:name>" + name
        + "</contact:name><contact:addr><contact:city>Paris</contact:city><contact:cc>" + cc
        + "</contact:cc></contact:addr></contact:postalInfo>" + voice + "<contact:email>" + email
        + "</contact:email>" + pw(AUTH);
  }

  String create(EppClient c, String id) throws IOException {
    String r = c.send(cmd(c, "create", body(id, "Jane Roe", "FR", "", "jane@example.com")));
    assertThat(code(r)).as(r).isEqualTo(1000);
    return r;
  }

  String statusXml(String s) {
    return "<contact:status s=\"" + s + "\"/>";
  }

  /** Everything a failing contact command could have touched. */
  List<Object> state(String... ids) {
    List<Object> out = new ArrayList<>();
    for (String id : ids) {
      var c = t.ctx.findContact(id);
      out.add(c);
      out.add(c.map(x -> s.history(x.roid()).size()).orElse(-1));
    }
    out.add(t.polls("epp-a").size());
    out.add(t.polls("epp-b").size());
    return out;
  }

  /** Sends {@code request}, expects {@code code}, and asserts nothing stored changed. */
  void fails(EppClient c, String request, int expected, String... ids) throws IOException {
    List<Object> before = state(ids);
    String r = c.send(request);
    EppFixtures.assertSchemaValid(r);
    assertThat(code(r)).as(r).isEqualTo(expected);
    assertThat(state(ids)).as("stored state after " + expected).isEqualTo(before);
  }

  @Test
  void success_createCheckAndInfo_fullForSponsorAndAuthInfoLimitedForOthers() throws IOException {
    try (EppClient a = s.session("epp-a"); EppClient b = s.session("epp-b")) {
      String request = EppFixtures.load("contact_create.xml");
      assertMatches("contact_create_response.xml", a.send(request));
      Contact c = t.ctx.contact("sh8013");
      assertThat(c.registrarId()).isEqualTo("epp-a");
      assertThat(c.postalInfo()).hasSize(2);
      PostalInfo intl = c.postalInfo().stream()
          .filter(p -> p.type() == PostalInfo.Type.INT).findFirst().orElseThrow();
      assertThat(intl.street()).containsExactly("123 Example Dr.", "Suite 100");
      assertThat(intl.cc()).isEqualTo("US");
      assertThat(c.voice()).isEqualTo("+1.7035555555");
      assertThat(c.voiceExt()).isEqualTo("1234");
      assertThat(c.fax()).isEqualTo("+1.7035555556");
      assertThat(c.disclose())
          .isEqualTo(new Disclose(false, Set.of("name:int", "addr:int", "voice", "email")));
      assertThat(ContactRules.authInfoMatches(c, "2fooBAR")).isTrue();
      List<HistoryRecord> history = s.history(c.roid());
      assertThat(history).extracting(HistoryRecord::action).containsExactly("create");
      assertThat(history.get(0).request()).isEqualTo(request);
      assertThat(history.get(0).clTrid()).isEqualTo("CONTACT-create");

      assertMatches("contact_check_response.xml", a.send(EppFixtures.load("contact_check.xml")));
      String full = a.send(EppFixtures.load("contact_info.xml"));
      assertMatches("contact_info_response.xml", full);
      assertThat(full).doesNotContain("authInfo").doesNotContain("2fooBAR");

      String limited = b.send(EppFixtures.load("contact_info.xml"));
      assertMatches("contact_info_limited_response.xml", limited);
      assertThat(limited).doesNotContain("John").doesNotContain("Dulles")
          .doesNotContain("jdoe").doesNotContain("+1.703").doesNotContain("Example Inc");

      String withAuth = b.send(cmd(b, "info", id("sh8013") + pw("2fooBAR")));
      EppFixtures.assertSchemaValid(withAuth);
      assertThat(code(withAuth)).isEqualTo(1000);
      assertThat(withAuth).contains("<contact:email>jdoe@example.com</contact:email>")
          .contains("Jöhn Dœ").doesNotContain("authInfo").doesNotContain("2fooBAR");

      fails(b, cmd(b, "info", id("sh8013") + pw("wrong-pw")), 2202, "sh8013");
    }
  }

  @Test
  void success_updateChangesStatusesPostalInfoPhonesEmailAuthInfoAndDisclose()
      throws IOException {
    try (EppClient a = s.session("epp-a")) {
      String r = a.send(cmd(a, "create", id("upd-1") + "<contact:postalInfo type=\"int\">"
          + "<contact:name>John Doe</contact:name><contact:org>Old Org</contact:org>"
          + "<contact:addr><contact:street>1 Old St</contact:street><contact:city>Dulles"
          + "</contact:city><contact:cc>US</contact:cc></contact:addr></contact:postalInfo>"
          + "<contact:voice>+1.7035555555</contact:voice><contact:email>old@example.com"
          + "</contact:email>" + pw(AUTH)));
      assertThat(code(r)).as(r).isEqualTo(1000);
      assertThat(code(a.send(cmd(a, "update", id("upd-1") + "<contact:add>"
          + statusXml("clientTransferProhibited") + "</contact:add>")))).isEqualTo(1000);

      String request = EppFixtures.load("contact_update.xml");
      assertMatches("contact_update_response.xml", a.send(request));
      Contact c = t.ctx.contact("upd-1");
      assertThat(c.statuses()).containsExactly(StatusValue.CLIENT_DELETE_PROHIBITED);
      assertThat(c.postalInfo()).containsExactly(new PostalInfo(PostalInfo.Type.INT, "John Doe",
          null, List.of("124 Example Dr."), "Herndon", null, null, "US"));
      assertThat(c.voice()).isNull();
      assertThat(c.fax()).isEqualTo("+1.7035555557");
      assertThat(c.faxExt()).isEqualTo("9");
      assertThat(c.email()).isEqualTo("new@example.com");
      assertThat(ContactRules.authInfoMatches(c, "new-auth-9")).isTrue();
      assertThat(ContactRules.authInfoMatches(c, AUTH)).isFalse();
      assertThat(c.disclose()).isEqualTo(new Disclose(true, Set.of("org:int", "fax")));
      assertThat(c.updatedBy()).isEqualTo("epp-a");
      assertThat(s.history(c.roid())).last().satisfies(h -> {
        assertThat(h.action()).isEqualTo("update");
        assertThat(h.request()).isEqualTo(request);
      });
      String info = a.send(cmd(a, "info", id("upd-1")));
      EppFixtures.assertSchemaValid(info);
      assertThat(info).contains("<contact:fax x=\"9\">+1.7035555557</contact:fax>")
          .contains("<contact:disclose flag=\"1\"><contact:org type=\"int\"/><contact:fax/>")
          .contains("<contact:upID>epp-a</contact:upID>")
          .doesNotContain("<contact:org>").doesNotContain("<contact:voice");
    }
  }

  @Test
  void success_deleteUnlinkedContact() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      create(a, "del-1");
      String roid = t.ctx.contact("del-1").roid();
      String request = EppFixtures.load("contact_delete.xml");
      assertMatches("contact_delete_response.xml", a.send(request));
      assertThat(t.ctx.findContact("del-1")).isEmpty();
      assertThat(s.history(roid)).extracting(HistoryRecord::action)
          .containsExactly("create", "delete");
      assertThat(s.history(roid).get(1).request()).isEqualTo(request);
    }
  }

  @Test
  void transfer_requestQueryRejectCancelApprove_andTheirFailures() throws IOException {
    try (EppClient a = s.session("epp-a"); EppClient b = s.session("epp-b")) {
      assertThat(code(a.send(cmd(a, "create", body("trn-1", "Jane Roe", "FR", "",
          "jane@example.com").replace(AUTH, "trn-auth-1"))))).isEqualTo(1000);
      String roid = t.ctx.contact("trn-1").roid();

      fails(a, transfer(a, "request", "trn-1", "trn-auth-1"), 2106, "trn-1");
      fails(b, transfer(b, "request", "trn-1", "wrong-auth"), 2202, "trn-1");
      fails(b, transfer(b, "approve", "trn-1", null), 2201, "trn-1");
      fails(a, transfer(a, "approve", "trn-1", null), 2301, "trn-1");
      fails(a, transfer(a, "query", "trn-1", null), 2301, "trn-1");

      int pollsA = t.polls("epp-a").size();
      String request = EppFixtures.load("contact_transfer_request.xml");
      assertMatches("contact_transfer_request_response.xml", b.send(request));
      assertThat(t.polls("epp-a")).hasSize(pollsA + 1);
      assertThat(s.history(roid)).last().satisfies(h -> {
        assertThat(h.action()).isEqualTo("transfer-request");
        assertThat(h.request()).isEqualTo(request);
      });

      fails(b, transfer(b, "request", "trn-1", "trn-auth-1"), 2300, "trn-1");
      fails(b, transfer(b, "approve", "trn-1", null), 2201, "trn-1");
      fails(a, transfer(a, "cancel", "trn-1", null), 2201, "trn-1");
      fails(a, cmd(a, "update", id("trn-1") + "<contact:chg><contact:email>x@example.com"
          + "</contact:email></contact:chg>"), 2304, "trn-1");
      String query = a.send(transfer(a, "query", "trn-1", null));
      assertMatches("contact_transfer_query_response.xml", query);

      String rejected = a.send(transfer(a, "reject", "trn-1", null));
      EppFixtures.assertSchemaValid(rejected);
      assertThat(code(rejected)).isEqualTo(1000);
      assertThat(rejected).contains("<contact:trStatus>clientRejected</contact:trStatus>");
      assertThat(t.ctx.contact("trn-1").registrarId()).isEqualTo("epp-a");
      fails(a, transfer(a, "reject", "trn-1", null), 2301, "trn-1");
      fails(b, transfer(b, "cancel", "trn-1", null), 2301, "trn-1");

      assertThat(code(b.send(transfer(b, "request", "trn-1", "trn-auth-1")))).isEqualTo(1001);
      String cancelled = b.send(transfer(b, "cancel", "trn-1", null));
      EppFixtures.assertSchemaValid(cancelled);
      assertThat(code(cancelled)).isEqualTo(1000);
      assertThat(cancelled).contains("<contact:trStatus>clientCancelled</contact:trStatus>");

      assertThat(code(b.send(transfer(b, "request", "trn-1", "trn-auth-1")))).isEqualTo(1001);
      String approved = a.send(transfer(a, "approve", "trn-1", null));
      EppFixtures.assertSchemaValid(approved);
      assertThat(code(approved)).isEqualTo(1000);
      assertThat(approved).contains("<contact:trStatus>clientApproved</contact:trStatus>");
      Contact c = t.ctx.contact("trn-1");
      assertThat(c.registrarId()).isEqualTo("epp-b");
      assertThat(c.transferredAt()).isEqualTo(TestRegistry.START);
      assertThat(s.history(roid)).extracting(HistoryRecord::action).containsExactly(
          "create", "transfer-request", "transfer-reject", "transfer-request",
          "transfer-cancel", "transfer-request", "transfer-approve");
      fails(a, transfer(a, "request", "nobody-1", "trn-auth-1"), 2303, "nobody-1");
    }
  }

  @Test
  void failure_idTakenIs2302() throws IOException {
    try (EppClient a = s.session("epp-a"); EppClient b = s.session("epp-b")) {
      create(a, "dup-1");
      fails(b, cmd(b, "create", body("dup-1", "Other", "FR", "", "o@example.com")), 2302,
          "dup-1");
    }
  }

  @Test
  void failure_unknownContactIs2303() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "info", id("nobody-2")), 2303, "nobody-2");
      fails(a, cmd(a, "update", id("nobody-2") + "<contact:add>"
          + statusXml("clientDeleteProhibited") + "</contact:add>"), 2303, "nobody-2");
      fails(a, cmd(a, "delete", id("nobody-2")), 2303, "nobody-2");
    }
  }

  @Test
  void failure_notTheSponsorIs2201() throws IOException {
    try (EppClient a = s.session("epp-a"); EppClient b = s.session("epp-b")) {
      create(a, "own-1");
      fails(b, cmd(b, "update", id("own-1") + "<contact:chg><contact:email>b@example.com"
          + "</contact:email></contact:chg>"), 2201, "own-1");
      fails(b, cmd(b, "delete", id("own-1")), 2201, "own-1");
    }
  }

  @Test
  void failure_linkedContactCannotBeDeletedIs2305() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      create(a, "link-1");
      t.registry.domainCreate.create(
          Caller.registrar("epp-a", "CL-seed", "SV-seed-link"),
          new DomainCreate.Command("uses-contact.test", 1, "link-1", Map.of(), List.of(),
              List.of(), "domain-auth-1", null));
      assertThat(t.ctx.contact("link-1").linked()).isTrue();
      fails(a, cmd(a, "delete", id("link-1")), 2305, "link-1");
      String info = a.send(cmd(a, "info", id("link-1")));
      assertThat(info).contains("<contact:status s=\"linked\"/>");
    }
  }

  @Test
  void failure_prohibitingStatusIs2304() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      create(a, "lock-1");
      assertThat(code(a.send(cmd(a, "update", id("lock-1") + "<contact:add>"
          + statusXml("clientDeleteProhibited") + statusXml("clientUpdateProhibited")
          + "</contact:add>")))).isEqualTo(1000);
      fails(a, cmd(a, "delete", id("lock-1")), 2304, "lock-1");
      fails(a, cmd(a, "update", id("lock-1") + "<contact:chg><contact:email>l@example.com"
          + "</contact:email></contact:chg>"), 2304, "lock-1");
    }
  }

  @Test
  void failure_statusPolicyIs2306() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      create(a, "pol-1");
      fails(a, cmd(a, "update", id("pol-1") + "<contact:add>"
          + statusXml("serverUpdateProhibited") + "</contact:add>"), 2306, "pol-1");
      fails(a, cmd(a, "update", id("pol-1") + "<contact:rem>"
          + statusXml("clientDeleteProhibited") + "</contact:rem>"), 2306, "pol-1");
    }
  }

  @Test
  void failure_badEmailPhoneOrCountryIs2005() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "create", body("bad-1", "Jane", "FR", "", "not-an-email")), 2005, "bad-1");
      fails(a, cmd(a, "create", body("bad-1", "Jane", "ZZ", "", "j@example.com")), 2005,
          "bad-1");
      fails(a, cmd(a, "create", body("bad-1", "Jane", "FR",
          "<contact:voice x=\"12a\">+33.123456789</contact:voice>", "j@example.com")), 2005,
          "bad-1");
      fails(a, cmd(a, "create", body("bad-1", "Jäne", "FR", "", "j@example.com")), 2005,
          "bad-1");
      create(a, "bad-2");
      fails(a, cmd(a, "update", id("bad-2") + "<contact:chg><contact:email>a@@example.com"
          + "</contact:email></contact:chg>"), 2005, "bad-2");
      fails(a, cmd(a, "update", id("bad-2") + "<contact:chg><contact:fax x=\"x1\">+33.1234"
          + "</contact:fax></contact:chg>"), 2005, "bad-2");
    }
  }

  @Test
  void failure_sessionThatSelectedOnlyDomainsCannotUseContactCommandsIs2002()
      throws IOException {
    try (EppClient a = s.session("epp-a", List.of(EppNs.DOMAIN))) {
      fails(a, cmd(a, "create", body("dom-only", "Jane", "FR", "", "j@example.com")), 2002,
          "dom-only");
      assertThat(a.send(cmd(a, "check", id("dom-only")))).contains("not selected at login");
    }
  }
}
