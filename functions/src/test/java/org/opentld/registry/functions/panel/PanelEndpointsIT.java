package org.opentld.registry.functions.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/**
 * Every panel endpoint through the handler, on the seeded registry of {@link Fixtures}: the
 * answer's shape and status, and the stored state after each change.
 */
class PanelEndpointsIT {
  /** Sessions outlive the clock jumps some tests make (grace and lock periods). */
  static final Map<String, String> LONG_SESSIONS =
      Map.of("PANEL_SESSION_IDLE_MINUTES", "10000000", "PANEL_SESSION_MAX_HOURS", "1000000");

  private static TestRegistry t;
  private static PanelHandler h;
  private static PanelClient admin;
  private static PanelClient ra;
  private static PanelClient rb;
  private static PanelClient auditor;

  @BeforeAll
  static void seed() {
    t = Fixtures.registry();
    h = new PanelHandler(new FunctionEnvironment(t.ctx, LONG_SESSIONS));
    admin = PanelClient.signedIn(h, t, "root", User.Role.ADMIN, null);
    ra = PanelClient.signedIn(h, t, "ra-user", User.Role.REGISTRAR, "reg-a");
    rb = PanelClient.signedIn(h, t, "rb-user", User.Role.REGISTRAR, "reg-b");
    auditor = PanelClient.signedIn(h, t, "auditor", User.Role.AUDITOR, null);
  }

  private static List<String> texts(JsonNode items, String field) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path(field).asText()));
    return out;
  }

  // ---- dashboard ------------------------------------------------------------------------------

  @Test
  void dashboard_domainsByTldAndStatus_activity_topRegistrars_balances() {
    PanelClient.Answer a = admin.get("dashboard?months=3");
    assertThat(a.status()).isEqualTo(200);
    JsonNode test = a.json().get("domainsByTld").get(0);
    assertThat(test.get("tld").asText()).isEqualTo("test");
    long sumTop = 0;
    for (JsonNode r : a.json().get("topRegistrars")) {
      sumTop += r.get("domains").asLong();
    }
    assertThat(test.get("total").asLong()).isEqualTo(sumTop).isGreaterThanOrEqualTo(8);
    assertThat(test.at("/byStatus/ok").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(test.at("/byStatus/inactive").asLong()).as("domains without nameservers").isGreaterThanOrEqualTo(6);
    assertThat(a.json().get("activity")).hasSize(3);
    JsonNode thisMonth = a.json().get("activity").get(2);
    assertThat(thisMonth.get("month").asText()).isEqualTo(Keys.month(t.clock.instant()));
    assertThat(thisMonth.get("creates").asLong()).isGreaterThanOrEqualTo(8);
    assertThat(texts(a.json().get("balances"), "registrarId")).contains("reg-a", "reg-b");
    assertThat(a.json().get("jobs").isNull()).isTrue();
    assertThat(a.json().get("notes").get(0).asText()).contains("job status");

    PanelClient.Answer mine = ra.get("dashboard");
    assertThat(texts(mine.json().get("balances"), "registrarId")).containsExactly("reg-a");
    assertThat(texts(mine.json().get("topRegistrars"), "registrarId")).containsExactly("reg-a");
  }

  // ---- registrars -----------------------------------------------------------------------------

  @Test
  void registrars_createUpdateSuspendCredentialsMoneyLedger() {
    PanelClient.Answer created =
        admin.post("registrars", """
            {"id": "reg-c", "name": "Registrar C", "ianaId": 9300, "password": "epp-secret-1",
             "currency": "USD", "creditLimit": "50.00", "email": "c@example.net",
             "abuseEmail": "abuse@c.example", "ipAllowlist": ["192.0.2.0/24"]}""");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("creditLimit").get("amount").asText()).isEqualTo("50.00");
    assertThat(created.json().toString()).doesNotContain("passwordHash", "$2b$");
    assertThat(admin.post("registrars", "{\"id\":\"reg-c\",\"name\":\"x\",\"password\":\"epp-secret-1\",\"currency\":\"USD\"}").status())
        .isEqualTo(409);

    assertThat(texts(admin.get("registrars").json().get("items"), "id")).contains("reg-a", "reg-b", "reg-c");
    assertThat(admin.get("registrars/reg-c").json().get("ianaId").asLong()).isEqualTo(9300);
    assertThat(admin.patch("registrars/reg-c", "{\"name\":\"Registrar C LLC\",\"url\":\"https://c.example\"}").json().get("name").asText())
        .isEqualTo("Registrar C LLC");
    assertThat(t.registrar("reg-c").url()).isEqualTo("https://c.example");

    assertThat(admin.post("registrars/reg-c/suspend", null).json().get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(t.registrar("reg-c").status().name()).isEqualTo("SUSPENDED");
    assertThat(admin.post("registrars/reg-c/reactivate", null).json().get("status").asText()).isEqualTo("ACTIVE");

    String generated = admin.post("registrars/reg-c/password", null).json().get("password").asText();
    assertThat(PasswordHasher.verify(generated, t.registrar("reg-c").passwordHash())).isTrue();
    admin.post("registrars/reg-c/password", "{\"password\":\"chosen-pass-2\"}");
    assertThat(PasswordHasher.verify("chosen-pass-2", t.registrar("reg-c").passwordHash())).isTrue();

    assertThat(admin.put("registrars/reg-c/ip-allowlist", "{\"ipAllowlist\":[\"198.51.100.0/24\",\"2001:db8::/32\"]}").status())
        .isEqualTo(200);
    assertThat(t.registrar("reg-c").ipAllowlist()).containsExactly("198.51.100.0/24", "2001:db8::/32");
    assertThat(admin.put("registrars/reg-c/ip-allowlist", "{\"ipAllowlist\":[\"not-an-ip\"]}").status()).isEqualTo(400);
    assertThat(t.registrar("reg-c").ipAllowlist()).hasSize(2);

    String fp = "ab".repeat(32);
    PanelClient.Answer certs = admin.put("registrars/reg-c/certificates", "{\"certFingerprints\":[\"" + fp + "\"]}");
    assertThat(certs.json().get("certFingerprints").get(0).asText()).isEqualTo(fp.toUpperCase());
    assertThat(admin.put("registrars/reg-c/certificates", "{\"certFingerprints\":[\"abc\"]}").status()).isEqualTo(400);

    PanelClient.Answer dep = admin.post("registrars/reg-c/deposits", "{\"amount\":\"250.00\",\"note\":\"wire 42\"}");
    assertThat(dep.status()).isEqualTo(201);
    assertThat(dep.json().get("amount").get("minor").asLong()).isEqualTo(25_000);
    assertThat(t.balance("reg-c")).isEqualTo(25_000).isEqualTo(t.ledgerSum("reg-c"));
    assertThat(admin.post("registrars/reg-c/deposits", "{\"amount\":\"-1.00\"}").status()).isEqualTo(422);
    assertThat(admin.post("registrars/reg-c/deposits", "{\"amount\":\"1.001\"}").status()).isEqualTo(400);

    assertThat(admin.put("registrars/reg-c/credit-limit", "{\"creditLimit\":\"75.00\"}").json().at("/available/minor").asLong())
        .isEqualTo(25_000 + 7_500);

    admin.post("registrars/reg-c/deposits", "{\"amount\":\"1.00\",\"note\":\"=cmd|' /C calc'!A0\"}");
    PanelClient.Answer ledger = admin.get("registrars/reg-c/ledger?limit=1");
    assertThat(ledger.json().get("items")).hasSize(1);
    assertThat(ledger.json().get("truncated").asBoolean()).isTrue();
    assertThat(ledger.json().at("/items/0/amount/amount").asText()).as("newest first").isEqualTo("1.00");

    PanelClient.Answer csv = admin.get("registrars/reg-c/ledger.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.header("content-disposition")).contains("ledger-reg-c.csv");
    String[] lines = csv.raw().getBody().split("\r\n");
    assertThat(lines[0]).isEqualTo("at,id,kind,tld,object,years,amount,currency,reference,description");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains(",deposit,", ",250.00,USD,", "wire 42");
    assertThat(lines[2]).as("spreadsheet formulas are defused").contains(",'=cmd|' /C calc'!A0");
  }

  @Test
  void registrarUsers_listedPerRegistrar_andAdminResetsTheir2fa() {
    PanelClient.Answer list = admin.get("registrars/reg-a/users");
    assertThat(texts(list.json().get("items"), "username")).containsExactly("ra-user");
    assertThat(ra.get("registrars/reg-a/users").status()).isEqualTo(200);
    PanelClient.enrol(t, "ra-second", User.Role.REGISTRAR, "reg-a");
    assertThat(admin.delete("registrars/reg-b/users/ra-second/totp").status()).isEqualTo(404);
    PanelClient.Answer reset = admin.delete("registrars/reg-a/users/ra-second/totp");
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().get("totpEnabled").asBoolean()).isFalse();
    assertThat(new UserAdmin(t.ctx).user("ra-second").totpSecret()).isNull();
  }

  // ---- users ----------------------------------------------------------------------------------

  @Test
  void users_createChangeRoleDisablePasswordUnlockReset() {
    PanelClient.Answer created =
        admin.post("users", "{\"username\":\"carol\",\"password\":\"carol-password-1\",\"role\":\"REGISTRAR\",\"registrarId\":\"reg-b\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("registrarId").asText()).isEqualTo("reg-b");
    assertThat(admin.post("users", "{\"username\":\"carol\",\"password\":\"carol-password-1\",\"role\":\"ADMIN\"}").status())
        .isEqualTo(409);
    assertThat(admin.post("users", "{\"username\":\"dave\",\"password\":\"short\",\"role\":\"ADMIN\"}").status()).isEqualTo(422);
    assertThat(admin.post("users", "{\"username\":\"dave\",\"password\":\"dave-password-1\",\"role\":\"KING\"}").status()).isEqualTo(400);

    assertThat(texts(admin.get("users").json().get("items"), "username")).contains("carol", "root", "ra-user");
    assertThat(admin.get("users/carol").json().get("role").asText()).isEqualTo("REGISTRAR");
    assertThat(admin.get("users/nobody").status()).isEqualTo(404);

    PanelClient.Answer role = admin.patch("users/carol", "{\"role\":\"AUDITOR\"}");
    assertThat(role.json().get("role").asText()).isEqualTo("AUDITOR");
    assertThat(role.json().get("registrarId").isNull()).isTrue();
    assertThat(admin.patch("users/carol", "{\"disabled\":true}").json().get("disabled").asBoolean()).isTrue();
    assertThat(new UserAdmin(t.ctx).user("carol").disabled()).isTrue();
    assertThat(admin.post("users/carol/password", "{\"password\":\"carol-password-2\"}").status()).isEqualTo(204);
    assertThat(UserAdmin.verifyPassword(new UserAdmin(t.ctx).user("carol"), "carol-password-2")).isTrue();
    assertThat(admin.post("users/carol/unlock", null).json().get("locked").asBoolean()).isFalse();
    assertThat(admin.delete("users/carol/totp").json().get("totpEnabled").asBoolean()).isFalse();

    assertThat(admin.patch("users/root", "{\"disabled\":true}").status()).as("not yourself").isEqualTo(422);
    assertThat(admin.patch("users/root", "{\"role\":\"AUDITOR\"}").status()).isEqualTo(422);
    assertThat(admin.delete("users/root/totp").status()).isEqualTo(422);
    assertThat(new UserAdmin(t.ctx).user("root").role()).isEqualTo(User.Role.ADMIN);
  }

  // ---- TLDs -----------------------------------------------------------------------------------

  @Test
  void tlds_policyPricesLabelsAndCsvImport() {
    assertThat(texts(ra.get("tlds").json().get("items"), "name")).containsExactly("test");
    JsonNode tld = ra.get("tlds/test").json();
    assertThat(tld.at("/prices/CREATE/1").asText()).isEqualTo("10.00");
    assertThat(tld.get("redemptionDays").asInt()).isEqualTo(30);
    long version = tld.get("version").asLong();

    PanelClient.Answer changed = admin.patch("tlds/test", "{\"version\":" + version + ",\"redemptionDays\":35}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("redemptionDays").asInt()).isEqualTo(35);
    assertThat(admin.patch("tlds/test", "{\"version\":" + version + ",\"redemptionDays\":36}").status())
        .as("stale version").isEqualTo(409);
    assertThat(admin.patch("tlds/test", "{\"version\":" + (version + 1) + ",\"currency\":\"EUR\"}").status()).isEqualTo(400);
    assertThat(admin.patch("tlds/test", "{\"version\":" + (version + 1) + ",\"redemptionDays\":30}").status()).isEqualTo(200);

    PanelClient.Answer prices =
        admin.put("tlds/test/prices", "{\"version\":" + (version + 2) + ",\"prices\":{\"RENEW\":{\"1\":\"9.00\",\"2\":\"17.00\"}}}");
    assertThat(prices.status()).isEqualTo(200);
    assertThat(prices.json().at("/prices/RENEW/2").asText()).isEqualTo("17.00");
    assertThat(prices.json().at("/prices/CREATE/1").asText()).isEqualTo("10.00");
    assertThat(admin.put("tlds/test/prices", "{\"version\":" + (version + 3) + ",\"prices\":{\"RENEW\":{\"2\":\"17.00\"}}}").status())
        .as("a one-year price is required").isEqualTo(422);

    PanelClient.Answer label = admin.put("tlds/test/labels/diamond", "{\"premiumPrices\":{\"CREATE\":\"750.00\"}}");
    assertThat(label.json().at("/premiumPrices/CREATE/minor").asLong()).isEqualTo(75_000);
    assertThat(texts(ra.get("tlds/test/labels?kind=premium").json().get("items"), "label")).contains("diamond", "gold");
    assertThat(texts(ra.get("tlds/test/labels?kind=reserved").json().get("items"), "label")).contains("nic").doesNotContain("diamond");
    assertThat(admin.delete("tlds/test/labels/diamond").status()).isEqualTo(204);
    assertThat(texts(admin.get("tlds/test/labels").json().get("items"), "label")).doesNotContain("diamond");

    var e = Fixtures.event("panel_tld_labels_csv");
    e.setCookies(List.of("__Host-session=" + admin.session, "__Host-csrf=" + admin.csrf));
    e.getHeaders().put("x-csrf-token", admin.csrf);
    PanelClient.Answer imported = admin.send(e);
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
    assertThat(imported.json().get("errors")).hasSize(2);
    assertThat(imported.json().at("/errors/0/line").asInt()).isEqualTo(4);
    assertThat(imported.json().at("/errors/1/line").asInt()).isEqualTo(5);
    assertThat(t.registry.tlds.labels("test").stream().map(l -> l.label()).toList()).contains("platinum", "brand");
    assertThat(admin.call("POST", "tlds/test/labels.csv", "label\nx", "text/plain").status()).isEqualTo(415);
    assertThat(admin.get("tlds/nope").status()).isEqualTo(404);
  }

  // ---- domains --------------------------------------------------------------------------------

  @Test
  void domains_createFromFixture_detailWithHistory_updateRenewDelete() {
    var e = Fixtures.event("panel_domain_create");
    e.setCookies(List.of("__Host-session=" + ra.session, "__Host-csrf=" + ra.csrf));
    e.getHeaders().put("x-csrf-token", ra.csrf);
    long before = t.balance("reg-a");
    PanelClient.Answer created = ra.send(e);
    assertThat(created.status()).as(created.raw().getBody()).isEqualTo(201);
    assertThat(created.json().at("/domain/registrarId").asText()).isEqualTo("reg-a");
    assertThat(created.json().at("/fee/amount").asText()).isEqualTo("20.00");
    assertThat(t.balance("reg-a")).isEqualTo(before - 2000).isEqualTo(t.ledgerSum("reg-a"));

    PanelClient.Answer detail = ra.get("domains/fixture-made.test");
    assertThat(detail.json().at("/domain/contacts/tech").asText()).isEqualTo("tech-1");
    assertThat(detail.json().at("/domain/nameservers/0").asText()).isEqualTo("ns1.example.net");
    assertThat(detail.json().at("/history/0/action").asText()).isEqualTo("create");
    assertThat(detail.json().at("/history/0/actor").asText()).isEqualTo("panel:ra-user");
    assertThat(detail.json().toString()).doesNotContain("authInfoHash", "$2b$");

    PanelClient.Answer updated =
        ra.patch("domains/fixture-made.test", "{\"addStatuses\":[\"clientHold\"],\"removeNameservers\":[\"ns1.example.net\"]}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(texts(updated.json().get("statuses"), "")).isNotNull();
    assertThat(updated.json().get("statuses").toString()).contains("clientHold", "inactive");
    assertThat(t.ctx.domain("fixture-made.test").nameservers()).isEmpty();
    assertThat(ra.patch("domains/fixture-made.test", "{\"addStatuses\":[\"serverHold\"]}").status())
        .as("server statuses are the registry's").isIn(403, 422);
    assertThat(admin.patch("domains/fixture-made.test", "{\"addStatuses\":[\"serverHold\"]}").status()).isEqualTo(200);
    assertThat(t.ctx.domain("fixture-made.test").statuses().toString()).contains("SERVER_HOLD");

    LocalDate expiry = t.ctx.domain("fixture-made.test").expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
    PanelClient.Answer renewed = ra.post("domains/fixture-made.test/renew", "{\"years\":1,\"currentExpiryDate\":\"" + expiry + "\"}");
    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.json().at("/fee/amount").asText()).isEqualTo("9.00");
    assertThat(ra.post("domains/fixture-made.test/renew", "{\"years\":1,\"currentExpiryDate\":\"2000-01-01\"}").status())
        .isEqualTo(422);

    PanelClient.Answer deleted = ra.delete("domains/fixture-made.test");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("deletedNow").asBoolean()).as("inside add grace").isTrue();
    assertThat(deleted.json().at("/refunds/reg-a/minor").asLong()).isEqualTo(2900);
    assertThat(t.ctx.findDomain("fixture-made.test")).isEmpty();
    assertThat(t.balance("reg-a")).isEqualTo(before).isEqualTo(t.ledgerSum("reg-a"));
  }

  @Test
  void domains_searchByPrefixRegistrarStatusAndExpiry() {
    PanelClient.Answer byPrefix = admin.get("domains?q=search&tld=test");
    assertThat(texts(byPrefix.json().get("items"), "name"))
        .containsExactly("search1.test", "search2.test", "search3.test", "search4.test", "search5.test");
    PanelClient.Answer limited = admin.get("domains?q=search&limit=2");
    assertThat(limited.json().get("items")).hasSize(2);
    assertThat(limited.json().get("truncated").asBoolean()).isTrue();
    assertThat(texts(admin.get("domains?registrar=reg-a").json().get("items"), "name")).contains("example.test", "second.test");
    assertThat(texts(admin.get("domains?registrar=reg-b&status=inactive").json().get("items"), "name")).contains("search1.test");
    assertThat(admin.get("domains?registrar=reg-a&status=inactive").json().get("items").toString()).doesNotContain("example.test");
    LocalDate in2Years = t.ctx.domain("example.test").expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
    PanelClient.Answer byExpiry = admin.get("domains?expiresFrom=" + in2Years.minusDays(1) + "&expiresTo=" + in2Years.plusDays(1));
    assertThat(texts(byExpiry.json().get("items"), "name")).contains("example.test").doesNotContain("second.test");
    assertThat(admin.get("domains").status()).as("no criterion").isEqualTo(400);
    assertThat(admin.get("domains?expiresFrom=2026-01-01&expiresTo=2028-01-01").status()).isEqualTo(422);
    assertThat(admin.get("domains?expiresFrom=2026-13-01&expiresTo=2027-01-01").status()).isEqualTo(400);
    assertThat(admin.get("domains?q=x&status=bogus").status()).isEqualTo(400);
  }

  @Test
  void domains_restoreFromRedemption() {
    t.createDomain("reg-a", "restore-me.test", 1);
    t.clock.advance(Duration.ofDays(6));
    PanelClient.Answer del = ra.delete("domains/restore-me.test");
    assertThat(del.json().get("deletedNow").asBoolean()).isFalse();
    assertThat(del.json().at("/domain/statuses").toString()).contains("pendingDelete");
    long before = t.balance("reg-a");
    PanelClient.Answer restored = ra.post("domains/restore-me.test/restore", null);
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().at("/fee/amount").asText()).isEqualTo("40.00");
    assertThat(t.balance("reg-a")).isEqualTo(before - 4000).isEqualTo(t.ledgerSum("reg-a"));
    assertThat(t.ctx.domain("restore-me.test").restoreRequestedAt()).isNotNull();
  }

  @Test
  void domains_transferRequestRejectCancelApprove_andPollMessages() {
    t.createDomain("reg-a", "moving.test", 1);
    t.clock.advance(Duration.ofDays(61));
    String request = "{\"authInfo\":\"secret-auth-1\"}";
    assertThat(rb.post("domains/moving.test/transfer", "{\"authInfo\":\"wrong-auth-9\"}").status()).isEqualTo(422);
    PanelClient.Answer pending = rb.post("domains/moving.test/transfer", request);
    assertThat(pending.status()).as(pending.raw().getBody()).isEqualTo(200);
    assertThat(pending.json().get("status").asText()).isEqualTo("pending");
    assertThat(pending.json().get("requestedBy").asText()).isEqualTo("reg-b");
    assertThat(rb.post("domains/moving.test/transfer", request).status()).isEqualTo(409);

    PanelClient.Answer polls = ra.get("poll");
    assertThat(polls.status()).isEqualTo(200);
    assertThat(polls.json().get("count").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(polls.json().get("items").toString()).contains("moving.test");

    assertThat(ra.post("domains/moving.test/transfer/reject", null).json().get("status").asText()).isEqualTo("clientRejected");
    rb.post("domains/moving.test/transfer", request);
    assertThat(rb.post("domains/moving.test/transfer/cancel", null).json().get("status").asText()).isEqualTo("clientCancelled");
    rb.post("domains/moving.test/transfer", request);
    assertThat(ra.post("domains/moving.test/transfer/approve", null).json().get("status").asText()).isEqualTo("clientApproved");
    assertThat(t.ctx.domain("moving.test").registrarId()).isEqualTo("reg-b");
    assertThat(rb.get("domains/moving.test").status()).isEqualTo(200);
    assertThat(ra.get("domains/moving.test").status()).as("no longer theirs").isEqualTo(404);
    assertThat(ra.post("domains/moving.test/transfer/bogus", null).status()).isEqualTo(404);

    JsonNode rbPolls = rb.get("poll?limit=100").json();
    String first = rbPolls.at("/items/0/id").asText();
    long count = rbPolls.get("count").asLong();
    PanelClient.Answer ack = rb.delete("poll/" + first);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().get("count").asLong()).isEqualTo(count - 1);
    assertThat(t.polls("reg-b").stream().map(m -> m.id())).doesNotContain(first);
    assertThat(rb.delete("poll/" + first).status()).isEqualTo(404);
    assertThat(admin.get("poll").status()).as("whose queue?").isEqualTo(400);
    assertThat(admin.get("poll?registrar=reg-b").json().get("count").asLong()).isEqualTo(count - 1);
  }

  // ---- contacts and hosts ---------------------------------------------------------------------

  @Test
  void contacts_createSearchDetailUpdateDelete() {
    PanelClient.Answer created =
        ra.post("contacts", """
            {"id": "panel-c1", "email": "c1@example.com", "authInfo": "contact-auth-9", "voice": "+1.5555550100",
             "postalInfo": [{"type": "int", "name": "Jane Roe", "street": ["1 Main St"], "city": "Springfield", "cc": "US"}]}""");
    assertThat(created.status()).as(created.raw().getBody()).isEqualTo(201);
    assertThat(created.json().at("/postalInfo/0/name").asText()).isEqualTo("Jane Roe");
    assertThat(texts(ra.get("contacts?q=panel").json().get("items"), "id")).containsExactly("panel-c1");
    assertThat(texts(admin.get("contacts?q=holder").json().get("items"), "id")).containsExactly("holder-1");
    PanelClient.Answer detail = ra.get("contacts/holder-1");
    assertThat(detail.json().at("/contact/linked").asBoolean()).isTrue();
    assertThat(detail.json().at("/history/0/action").asText()).isEqualTo("create");

    assertThat(ra.patch("contacts/panel-c1", "{\"email\":\"new@example.com\"}").json().get("email").asText()).isEqualTo("new@example.com");
    assertThat(t.ctx.contact("panel-c1").email()).isEqualTo("new@example.com");
    assertThat(ra.delete("contacts/holder-1").status()).as("linked").isEqualTo(409);
    assertThat(ra.delete("contacts/panel-c1").status()).isEqualTo(204);
    assertThat(t.ctx.findContact("panel-c1")).isEmpty();
    assertThat(ra.post("contacts", "{\"id\":\"x\"}").status()).isEqualTo(400);
  }

  @Test
  void hosts_createSearchDetailUpdateDelete() {
    PanelClient.Answer created = ra.post("hosts", "{\"name\":\"ns9.example.test\",\"addresses\":[\"193.0.14.130\"]}");
    assertThat(created.status()).as(created.raw().getBody()).isEqualTo(201);
    assertThat(created.json().get("superordinateDomain").asText()).isEqualTo("example.test");
    assertThat(texts(admin.get("hosts?q=ns9.").json().get("items"), "name")).containsExactly("ns9.example.test");
    assertThat(texts(ra.get("hosts?q=ns").json().get("items"), "name")).contains("ns1.example.net", "ns9.example.test");
    assertThat(texts(admin.get("hosts?registrar=reg-a").json().get("items"), "name")).contains("ns1.example.test");
    PanelClient.Answer detail = ra.get("hosts/ns1.example.test");
    assertThat(detail.json().at("/host/linked").asBoolean()).isTrue();
    assertThat(detail.json().at("/host/addresses").toString()).contains(Fixtures.GLUE);

    PanelClient.Answer updated = ra.patch("hosts/ns9.example.test", "{\"addAddresses\":[\"2001:7fd::9\"]}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(t.ctx.host("ns9.example.test").inetV6()).hasSize(1);
    assertThat(ra.delete("hosts/ns1.example.test").status()).as("linked").isEqualTo(409);
    assertThat(ra.delete("hosts/ns9.example.test").status()).isEqualTo(204);
    assertThat(t.ctx.findHost("ns9.example.test")).isEmpty();
    assertThat(admin.get("hosts").status()).isEqualTo(400);
  }

  // ---- audit, lookup, reports, errors ---------------------------------------------------------

  @Test
  void audit_historyByMonthFiltered() {
    String month = Keys.month(TestRegistry.START);
    PanelClient.Answer all = auditor.get("audit?month=" + month + "&type=domain&action=create&limit=500");
    assertThat(all.status()).isEqualTo(200);
    assertThat(texts(all.json().get("items"), "objectName")).contains("example.test", "search1.test");
    assertThat(texts(all.json().get("items"), "action")).containsOnly("create");
    PanelClient.Answer regB = admin.get("audit?month=" + month + "&registrar=reg-b&type=domain");
    assertThat(texts(regB.json().get("items"), "registrarId")).containsOnly("reg-b");
    assertThat(admin.get("audit?month=2026-1").status()).isEqualTo(400);
    assertThat(admin.get("audit?month=2020-01").json().get("items")).isEmpty();
  }

  @Test
  void lookup_domainHostRegistrarAndSearch_neverContacts() {
    PanelClient.Answer d = ra.get("lookup?q=EXAMPLE.test");
    assertThat(d.json().get("kind").asText()).isEqualTo("domain");
    assertThat(d.json().at("/domain/registrar").asText()).isEqualTo("Registrar reg-a");
    assertThat(d.json().at("/domain/dnssec").asBoolean()).isTrue();
    assertThat(d.json().toString()).doesNotContain("holder-1", "tech-1", "jdoe@");
    assertThat(rb.get("lookup?q=example.test").json().get("kind").asText()).as("public data for anyone").isEqualTo("domain");
    assertThat(ra.get("lookup?q=ns1.example.test").json().get("kind").asText()).isEqualTo("host");
    assertThat(ra.get("lookup?q=reg-b").json().at("/registrar/name").asText()).isEqualTo("Registrar reg-b");
    assertThat(texts(ra.get("lookup?q=search*").json().get("domains"), "name")).hasSize(5);
    assertThat(ra.get("lookup?q=holder-1").status()).isEqualTo(404);
    assertThat(ra.get("lookup").status()).isEqualTo(400);
  }

  @Test
  void reports_unconfiguredStoresAre503() {
    PanelClient.Answer a = admin.get("reports/reports");
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:not-configured");
    assertThat(admin.get("escrow").status()).isEqualTo(503);
    assertThat(admin.get("reports/elsewhere").status()).isEqualTo(404);
  }

  @Test
  void reports_listAndDownloadFromConfiguredStores(@TempDir Path dir) throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports/2026-01"));
    Files.writeString(reports.resolve("test-transactions-202601.csv"), "registrar,creates\nreg-a,2\n");
    Path escrow = Files.createDirectories(dir.resolve("escrow"));
    Files.writeString(escrow.resolve("test_2026-01-11_full_S1_R0.ryde"), "full");
    Files.writeString(escrow.resolve("test_2026-01-12_diff_S1_R0.ryde"), "diff");
    Files.setLastModifiedTime(escrow.resolve("test_2026-01-11_full_S1_R0.ryde"),
        java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    var settings = new java.util.HashMap<>(LONG_SESSIONS);
    settings.put("PANEL_REPORTS_DIR", dir.resolve("reports").toString());
    settings.put("PANEL_ESCROW_DIR", escrow.toString());
    PanelClient c = new PanelClient(new PanelHandler(new FunctionEnvironment(t.ctx, settings)));
    c.session = admin.session;
    c.csrf = admin.csrf;

    PanelClient.Answer list = c.get("reports/reports?prefix=2026-01");
    assertThat(texts(list.json().get("items"), "key")).containsExactly("2026-01/test-transactions-202601.csv");
    PanelClient.Answer file = c.get("reports/reports/2026-01/test-transactions-202601.csv");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.raw().getIsBase64Encoded()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(file.raw().getBody()))).contains("reg-a,2");
    assertThat(file.header("content-disposition")).contains("test-transactions-202601.csv");
    assertThat(c.get("reports/reports/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
    assertThat(c.get("reports/reports/2026-01/missing.csv").status()).isEqualTo(404);
    assertThat(c.get("reports/zones").status()).isEqualTo(503);

    JsonNode deposits = c.get("escrow").json().get("deposits");
    assertThat(deposits.get(0).get("tld").asText()).isEqualTo("test");
    assertThat(deposits.get(0).at("/latestFull/date").asText()).isEqualTo("2026-01-11");
    assertThat(deposits.get(0).at("/latestDiff/date").asText()).isEqualTo("2026-01-12");

    PanelClient regUser = new PanelClient(c.handler);
    regUser.session = ra.session;
    regUser.csrf = ra.csrf;
    assertThat(regUser.get("reports/reports").status()).as("registry-wide reports").isEqualTo(403);
  }

  @Test
  void errors_problemJsonForRoutesMediaTypesAndRegistryCodes() {
    assertThat(admin.get("nothing-here").status()).isEqualTo(404);
    PanelClient.Answer method = admin.call("PUT", "dashboard", "{}");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get("allow").asText()).isEqualTo("GET");
    assertThat(admin.call("POST", "users", "{not json", "application/json").status()).isEqualTo(400);
    assertThat(admin.call("POST", "users", "username=x", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    assertThat(admin.post("users", "[1,2]").status()).isEqualTo(400);

    PanelClient.Answer exists = ra.post("domains", "{\"name\":\"example.test\",\"authInfo\":\"some-auth-1\"}");
    assertThat(exists.status()).isEqualTo(409);
    assertThat(exists.json().get("code").asInt()).isEqualTo(2302);
    PanelClient.Answer billing = rb.post("domains", "{\"name\":\"gold.test\",\"authInfo\":\"some-auth-1\"}");
    assertThat(billing.status()).isEqualTo(402);
    assertThat(billing.json().get("code").asInt()).isEqualTo(2104);
    PanelClient.Answer syntax = ra.post("domains", "{\"name\":\"bad_name.test\",\"authInfo\":\"some-auth-1\"}");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.json().get("code").asInt()).isEqualTo(2005);
    PanelClient.Answer range = ra.post("domains", "{\"name\":\"eleven.test\",\"years\":11,\"authInfo\":\"some-auth-1\"}");
    assertThat(range.status()).isEqualTo(422);
    PanelClient.Answer reserved = ra.post("domains", "{\"name\":\"nic.test\",\"authInfo\":\"some-auth-1\"}");
    assertThat(reserved.status()).isEqualTo(422);
    assertThat(reserved.json().get("code").asInt()).isEqualTo(2306);
    PanelClient.Answer notSponsor =
        admin.post("domains/example.test/renew", "{\"registrarId\":\"reg-b\",\"years\":1}");
    assertThat(notSponsor.status()).isEqualTo(403);
    assertThat(notSponsor.json().get("code").asInt()).isEqualTo(2201);
    assertThat(admin.post("domains", "{\"name\":\"orphan.test\",\"authInfo\":\"some-auth-1\"}").status())
        .as("an admin must say which registrar it acts for").isEqualTo(400);
    PanelClient.Answer forReg = admin.post("domains", "{\"name\":\"for-reg-b.test\",\"authInfo\":\"some-auth-1\",\"registrarId\":\"reg-b\"}");
    assertThat(forReg.status()).isEqualTo(201);
    assertThat(t.ctx.domain("for-reg-b.test").registrarId()).isEqualTo("reg-b");
    assertThat(admin.get("domains/for-reg-b.test").json().at("/history/0/actor").asText()).isEqualTo("panel:root");
  }
}
