package org.opentld.registry.functions.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/**
 * The authorization matrix: a registrar user never reads or changes another registrar's
 * objects, ledger, messages or users (by id guessing, search or export); an auditor reads and
 * changes nothing; without a session everything but sign-in is 401; without the CSRF token
 * every change is 403. Each refusal is checked against the stored state as well.
 */
class PanelAuthorizationIT {
  private static TestRegistry t;
  private static PanelHandler h;
  private static PanelClient admin;
  private static PanelClient ra;
  private static PanelClient rb;
  private static PanelClient auditor;
  private static String rbMessageId;

  /** One endpoint call: method, path below /api, JSON body (or null). */
  record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " /api/" + path;
    }
  }

  /** Every endpoint that changes something, aimed at reg-a's data. */
  static final List<Call> WRITES =
      List.of(
          new Call("POST", "registrars", "{\"id\":\"reg-z\",\"name\":\"Z\",\"password\":\"epp-secret-1\",\"currency\":\"USD\"}"),
          new Call("PATCH", "registrars/reg-a", "{\"name\":\"Hijacked\"}"),
          new Call("POST", "registrars/reg-a/suspend", null),
          new Call("POST", "registrars/reg-a/reactivate", null),
          new Call("POST", "registrars/reg-a/password", "{\"password\":\"taken-over-1\"}"),
          new Call("PUT", "registrars/reg-a/ip-allowlist", "{\"ipAllowlist\":[\"203.0.113.0/24\"]}"),
          new Call("PUT", "registrars/reg-a/certificates", "{\"certFingerprints\":[]}"),
          new Call("POST", "registrars/reg-a/deposits", "{\"amount\":\"1.00\"}"),
          new Call("PUT", "registrars/reg-a/credit-limit", "{\"creditLimit\":\"999.00\"}"),
          new Call("DELETE", "registrars/reg-a/users/ra-user/totp", null),
          new Call("POST", "users", "{\"username\":\"mallory\",\"password\":\"mallory-pass-1\",\"role\":\"ADMIN\"}"),
          new Call("PATCH", "users/ra-user", "{\"disabled\":true}"),
          new Call("POST", "users/ra-user/password", "{\"password\":\"taken-over-1\"}"),
          new Call("POST", "users/ra-user/unlock", null),
          new Call("DELETE", "users/ra-user/totp", null),
          new Call("PATCH", "tlds/test", "{\"version\":1,\"redemptionDays\":1}"),
          new Call("PUT", "tlds/test/prices", "{\"version\":1,\"prices\":{\"CREATE\":{\"1\":\"0.01\"}}}"),
          new Call("PUT", "tlds/test/labels/zzz", "{\"reservedReason\":\"mine\"}"),
          new Call("DELETE", "tlds/test/labels/nic", null),
          new Call("POST", "domains", "{\"name\":\"sneaky.test\",\"authInfo\":\"sneaky-auth-1\",\"registrarId\":\"reg-a\"}"),
          new Call("PATCH", "domains/example.test", "{\"addStatuses\":[\"clientHold\"]}"),
          new Call("DELETE", "domains/example.test", null),
          new Call("POST", "domains/example.test/renew", "{\"years\":1}"),
          new Call("POST", "domains/example.test/restore", null),
          new Call("POST", "domains/example.test/transfer", "{\"authInfo\":\"domain-auth-1\"}"),
          new Call("POST", "domains/example.test/transfer/approve", null),
          new Call("POST", "domains/example.test/transfer/reject", null),
          new Call("POST", "domains/example.test/transfer/cancel", null),
          new Call("POST", "contacts", "{\"id\":\"sneaky-c\",\"email\":\"x@example.com\",\"authInfo\":\"sneaky-auth-1\",\"postalInfo\":[{\"name\":\"X\",\"city\":\"Y\",\"cc\":\"US\"}],\"registrarId\":\"reg-a\"}"),
          new Call("PATCH", "contacts/holder-1", "{\"email\":\"x@example.com\"}"),
          new Call("DELETE", "contacts/tech-1", null),
          new Call("POST", "hosts", "{\"name\":\"ns.sneaky.net\",\"registrarId\":\"reg-a\"}"),
          new Call("PATCH", "hosts/ns1.example.net", "{\"addStatuses\":[\"clientUpdateProhibited\"]}"),
          new Call("DELETE", "hosts/ns1.example.net", null),
          new Call("DELETE", "poll/0000?registrar=reg-a", null));

  /** Every endpoint that only reads. */
  static final List<Call> READS =
      List.of(
          new Call("GET", "me", null),
          new Call("GET", "session", null),
          new Call("GET", "dashboard", null),
          new Call("GET", "registrars", null),
          new Call("GET", "registrars/reg-a", null),
          new Call("GET", "registrars/reg-a/ledger", null),
          new Call("GET", "registrars/reg-a/ledger.csv", null),
          new Call("GET", "registrars/reg-a/users", null),
          new Call("GET", "users", null),
          new Call("GET", "users/ra-user", null),
          new Call("GET", "tlds", null),
          new Call("GET", "tlds/test", null),
          new Call("GET", "tlds/test/labels", null),
          new Call("GET", "domains?registrar=reg-a", null),
          new Call("GET", "domains/example.test", null),
          new Call("GET", "contacts?registrar=reg-a", null),
          new Call("GET", "contacts/holder-1", null),
          new Call("GET", "hosts?q=ns", null),
          new Call("GET", "hosts/ns1.example.net", null),
          new Call("GET", "poll?registrar=reg-a", null),
          new Call("GET", "audit", null),
          new Call("GET", "lookup?q=example.test", null));

  @BeforeAll
  static void seed() {
    t = Fixtures.registry();
    h = new PanelHandler(new FunctionEnvironment(t.ctx, PanelEndpointsIT.LONG_SESSIONS));
    Caller b = TestRegistry.as("reg-b");
    new ContactCreate(t.ctx).create(
        b,
        new ContactCreate.Command(
            "rb-contact", List.of(new PostalInfo(PostalInfo.Type.INT, "Bea Secret", null, List.of("2 B St"),
                "Berlin", null, "10115", "DE")),
            "+49.301234567", null, null, null, "bea@reg-b.example", "rb-contact-auth", null));
    new HostCreate(t.ctx).create(b, new HostCreate.Command("ns.rb-only.net", List.of()));
    admin = PanelClient.signedIn(h, t, "root", User.Role.ADMIN, null);
    ra = PanelClient.signedIn(h, t, "ra-user", User.Role.REGISTRAR, "reg-a");
    rb = PanelClient.signedIn(h, t, "rb-user", User.Role.REGISTRAR, "reg-b");
    auditor = PanelClient.signedIn(h, t, "auditor", User.Role.AUDITOR, null);
    // A message in reg-b's queue: a transfer request on a reg-b domain by reg-a.
    t.createDomain("reg-b", "poll-me.test", 1);
    t.clock.advance(Duration.ofDays(61));
    assertThat(ra.post("domains/poll-me.test/transfer", "{\"authInfo\":\"secret-auth-1\"}").status()).isEqualTo(200);
    rbMessageId = t.polls("reg-b").get(0).id();
  }

  /** What a refused call must leave as it was. */
  private static String state() {
    StringBuilder sb = new StringBuilder();
    for (String reg : List.of("reg-a", "reg-b")) {
      var r = t.registrar(reg);
      sb.append(reg).append(' ').append(r.version()).append(' ').append(r.balance()).append(' ')
          .append(r.passwordHash()).append(' ').append(r.ipAllowlist()).append(' ')
          .append(t.ledger(reg).size()).append(' ').append(t.polls(reg).size()).append('\n');
    }
    for (String d : List.of("example.test", "search1.test", "poll-me.test")) {
      sb.append(d).append(' ').append(t.ctx.domain(d).version()).append('\n');
    }
    sb.append(t.ctx.findDomain("sneaky.test").isPresent()).append('\n');
    sb.append(t.ctx.contact("holder-1").version()).append(' ').append(t.ctx.contact("rb-contact").version())
        .append(' ').append(t.ctx.findContact("tech-1").isPresent()).append('\n');
    sb.append(t.ctx.host("ns1.example.net").version()).append(' ').append(t.ctx.host("ns.rb-only.net").version()).append('\n');
    sb.append(t.registry.tlds.find("test").orElseThrow().version()).append(' ')
        .append(t.registry.tlds.labels("test").size()).append('\n');
    new UserAdmin(t.ctx).list().forEach(u -> sb.append(u.username()).append(' ').append(u.version()).append('\n'));
    return sb.toString();
  }

  // ---- registrar users are confined to their own registrar -------------------------------------

  @Test
  void registrarUser_cannotReadAnotherRegistrarsObjectsByGuessingNames() {
    for (String path : List.of("domains/search1.test", "domains/b%C3%BCcher.test", "contacts/rb-contact",
        "hosts/ns.rb-only.net", "domains/poll-me.test")) {
      PanelClient.Answer a = ra.get(path);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.raw().getBody()).doesNotContain("Bea Secret", "reg-b");
    }
    // Reaching its own objects proves the 404s are about ownership, not the paths.
    assertThat(ra.get("domains/example.test").status()).isEqualTo(200);
    assertThat(rb.get("contacts/rb-contact").status()).isEqualTo(200);
    assertThat(rb.get("contacts/holder-1").status()).isEqualTo(404);
  }

  @Test
  void registrarUser_searchesOnlyFindItsOwn() {
    assertThat(ra.get("domains?q=search").json().get("items")).isEmpty();
    assertThat(rb.get("domains?q=search").json().get("items")).hasSize(5);
    assertThat(ra.get("domains?registrar=reg-b").status()).isEqualTo(403);
    JsonNode byExpiry = ra.get("domains?expiresFrom=2027-01-01&expiresTo=2027-12-31&limit=200").json().get("items");
    byExpiry.forEach(d -> assertThat(d.get("registrarId").asText()).isEqualTo("reg-a"));
    assertThat(ra.get("hosts?q=ns.rb").json().get("items")).isEmpty();
    assertThat(ra.get("hosts?registrar=reg-b").status()).isEqualTo(403);
    assertThat(ra.get("contacts?q=rb").json().get("items")).isEmpty();
    assertThat(ra.get("contacts?registrar=reg-b").status()).isEqualTo(403);
    assertThat(ra.get("contacts").json().toString()).doesNotContain("rb-contact");
    JsonNode dash = ra.get("dashboard").json();
    assertThat(dash.toString()).doesNotContain("reg-b");
  }

  @Test
  void registrarUser_cannotSeeAnotherRegistrarsAccountLedgerExportOrUsers() {
    for (String path : List.of("registrars/reg-b", "registrars/reg-b/ledger", "registrars/reg-b/ledger.csv",
        "registrars/reg-b/users", "users/rb-user", "users/root")) {
      assertThat(ra.get(path).status()).as(path).isEqualTo(404);
    }
    JsonNode regs = ra.get("registrars").json().get("items");
    assertThat(regs).hasSize(1);
    assertThat(regs.get(0).get("id").asText()).isEqualTo("reg-a");
    JsonNode users = ra.get("users").json().get("items");
    users.forEach(u -> assertThat(u.get("registrarId").asText()).isEqualTo("reg-a"));
    assertThat(ra.get("registrars/reg-a/ledger.csv").status()).isEqualTo(200);
  }

  @Test
  void registrarUser_cannotReadOrAckAnotherRegistrarsPollMessages() {
    assertThat(ra.get("poll?registrar=reg-b").status()).isEqualTo(403);
    assertThat(ra.delete("poll/" + rbMessageId + "?registrar=reg-b").status()).isEqualTo(403);
    assertThat(ra.delete("poll/" + rbMessageId).status()).as("not in reg-a's queue").isEqualTo(404);
    assertThat(t.polls("reg-b").stream().map(m -> m.id())).contains(rbMessageId);
    assertThat(ra.get("poll").json().toString()).doesNotContain(rbMessageId);
  }

  @Test
  void registrarUser_auditLogShowsOnlyItsOwnActs_withoutOtherRegistrarsSnapshots() {
    assertThat(ra.get("audit?registrar=reg-b").status()).isEqualTo(403);
    String month = org.opentld.registry.store.Keys.month(TestRegistry.START);
    JsonNode items = ra.get("audit?month=" + month + "&limit=500").json().get("items");
    assertThat(items).isNotEmpty();
    for (JsonNode h : items) {
      assertThat(h.toString()).doesNotContain("\"registrarId\":\"reg-b\"", "Bea Secret", "search1.test");
    }
    JsonNode later = ra.get("audit?limit=500").json().get("items");
    assertThat(later.toString())
        .as("reg-a's transfer request is shown, but not the reg-b domain it was made on")
        .contains("transfer-request")
        .doesNotContain("\"registrarId\":\"reg-b\"");
  }

  @Test
  void registrarUser_changesNothingOfAnotherRegistrar() {
    String before = state();
    List<Call> attacks =
        List.of(
            new Call("PATCH", "domains/search1.test", "{\"addStatuses\":[\"clientHold\"]}"),
            new Call("DELETE", "domains/search1.test", null),
            new Call("POST", "domains/search1.test/renew", "{\"years\":1}"),
            new Call("POST", "domains/search1.test/restore", null),
            new Call("POST", "domains/search1.test/transfer/approve", null),
            new Call("POST", "domains/search1.test/transfer/reject", null),
            new Call("POST", "domains/search2.test/transfer/cancel", null),
            new Call("POST", "domains", "{\"name\":\"billed-to-b.test\",\"authInfo\":\"x-auth-123\",\"registrarId\":\"reg-b\"}"),
            new Call("POST", "contacts", "{\"id\":\"b-owned\",\"email\":\"x@example.com\",\"authInfo\":\"x-auth-123\",\"postalInfo\":[{\"name\":\"X\",\"city\":\"Y\",\"cc\":\"US\"}],\"registrarId\":\"reg-b\"}"),
            new Call("PATCH", "contacts/rb-contact", "{\"email\":\"stolen@example.com\"}"),
            new Call("DELETE", "contacts/rb-contact", null),
            new Call("PATCH", "hosts/ns.rb-only.net", "{\"addStatuses\":[\"clientDeleteProhibited\"]}"),
            new Call("DELETE", "hosts/ns.rb-only.net", null),
            new Call("PATCH", "registrars/reg-b", "{\"name\":\"Hijacked\"}"),
            new Call("POST", "registrars/reg-b/password", "{\"password\":\"taken-over-1\"}"),
            new Call("PUT", "registrars/reg-b/ip-allowlist", "{\"ipAllowlist\":[]}"),
            new Call("PUT", "registrars/reg-b/certificates", "{\"certFingerprints\":[]}"),
            new Call("POST", "registrars/reg-b/deposits", "{\"amount\":\"1.00\"}"),
            new Call("PUT", "registrars/reg-b/credit-limit", "{\"creditLimit\":\"1.00\"}"),
            new Call("POST", "registrars/reg-b/suspend", null),
            new Call("DELETE", "registrars/reg-b/users/rb-user/totp", null),
            new Call("PATCH", "users/rb-user", "{\"disabled\":true}"),
            new Call("POST", "users/rb-user/password", "{\"password\":\"taken-over-1\"}"),
            new Call("DELETE", "users/rb-user/totp", null),
            new Call("POST", "users", "{\"username\":\"mallory\",\"password\":\"mallory-pass-1\",\"role\":\"REGISTRAR\",\"registrarId\":\"reg-b\"}"),
            new Call("DELETE", "poll/" + rbMessageId + "?registrar=reg-b", null));
    for (Call c : attacks) {
      PanelClient.Answer a = ra.call(c.method(), c.path(), c.body());
      // A cancel is the gaining registrar's to make, so it is not hidden behind a 404; with no
      // transfer of reg-a's pending it is refused as such (2301).
      assertThat(a.status()).as(c.toString()).isIn(c.path().endsWith("/cancel") ? 409 : 403, 404);
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void registrarUser_seesItsOwnDomainsHistoryButNotThePreviousSponsorsSnapshots() {
    t.createDomain("reg-b", "arriving.test", 1);
    rb.patch("domains/arriving.test", "{\"registrant\":\"rb-contact\"}");
    t.clock.advance(Duration.ofDays(61));
    assertThat(ra.post("domains/arriving.test/transfer", "{\"authInfo\":\"secret-auth-1\"}").status()).isEqualTo(200);
    assertThat(rb.post("domains/arriving.test/transfer/approve", null).status()).isEqualTo(200);
    PanelClient.Answer detail = ra.get("domains/arriving.test");
    assertThat(detail.status()).isEqualTo(200);
    JsonNode history = detail.json().get("history");
    assertThat(texts(history)).contains("transfer-request", "transfer-approve").doesNotContain("create", "update");
    for (JsonNode h : history) {
      // Snapshots of the domain while reg-b sponsored it are withheld; reg-b's approval is shown.
      assertThat(h.get("before").isNull()).as(h.get("action").asText()).isTrue();
      assertThat(h.get("after").isNull() || h.at("/after/registrarId").asText().equals("reg-a")).isTrue();
    }
    JsonNode full = admin.get("domains/arriving.test").json().get("history");
    assertThat(texts(full)).contains("create", "update");
  }

  private static List<String> texts(JsonNode history) {
    List<String> out = new ArrayList<>();
    history.forEach(h -> out.add(h.get("action").asText()));
    return out;
  }

  // ---- auditors read everything and change nothing ----------------------------------------------

  @Test
  void auditor_readsEverything() {
    for (Call c : READS) {
      assertThat(auditor.call(c.method(), c.path(), null).status()).as(c.toString()).isEqualTo(200);
    }
  }

  @Test
  void auditor_changesNothing() {
    String before = state();
    for (Call c : WRITES) {
      PanelClient.Answer a = auditor.call(c.method(), c.path(), c.body());
      assertThat(a.status()).as(c.toString()).isEqualTo(403);
      assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:forbidden");
    }
    var csv = Fixtures.event("panel_tld_labels_csv");
    csv.setCookies(List.of("__Host-session=" + auditor.session, "__Host-csrf=" + auditor.csrf));
    csv.getHeaders().put("x-csrf-token", auditor.csrf);
    assertThat(auditor.send(csv).status()).isEqualTo(403);
    assertThat(state()).isEqualTo(before);
  }

  // ---- no session: 401; no CSRF token: 403 -----------------------------------------------------

  @Test
  void unauthenticated_everyEndpointButSignInIs401() {
    PanelClient anonymous = new PanelClient(h);
    String before = state();
    List<Call> all = new ArrayList<>(READS);
    all.addAll(WRITES);
    all.add(new Call("DELETE", "session", null));
    all.add(new Call("POST", "me/totp", null));
    all.add(new Call("POST", "me/password", "{}"));
    all.add(new Call("GET", "reports/reports", null));
    all.add(new Call("GET", "escrow", null));
    for (Call c : all) {
      PanelClient.Answer a = anonymous.call(c.method(), c.path(), c.body());
      assertThat(a.status()).as(c.toString()).isEqualTo(401);
      assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:unauthenticated");
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void missingCsrfToken_everyChangeIs403_evenForAnAdmin() {
    PanelClient noToken = new PanelClient(h);
    noToken.session = admin.session;
    noToken.csrf = admin.csrf;
    noToken.sendCsrf = false;
    String before = state();
    for (Call c : WRITES) {
      PanelClient.Answer a = noToken.call(c.method(), c.path(), c.body());
      assertThat(a.status()).as(c.toString()).isEqualTo(403);
      assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:csrf");
    }
    assertThat(state()).isEqualTo(before);
    assertThat(noToken.get("dashboard").status()).isEqualTo(200);
  }

  @Test
  void admin_mayDoWhatOthersMayNot() {
    assertThat(admin.get("registrars/reg-b/ledger.csv").status()).isEqualTo(200);
    assertThat(admin.get("domains/search1.test").status()).isEqualTo(200);
    assertThat(admin.get("contacts/rb-contact").json().toString()).contains("Bea Secret");
    assertThat(admin.get("poll?registrar=reg-b").status()).isEqualTo(200);
    assertThat(admin.patch("domains/search1.test", "{\"addStatuses\":[\"serverHold\"]}").status()).isEqualTo(200);
    assertThat(admin.patch("domains/search1.test", "{\"removeStatuses\":[\"serverHold\"]}").status()).isEqualTo(200);
  }

}
