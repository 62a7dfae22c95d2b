package org.opentld.registry.functions.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.history.AuditLog;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.user.Totp;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/** Sign-in with password and TOTP, lockout, sessions, CSRF and TOTP enrolment. */
class PanelSignInIT {
  private TestRegistry t;
  private PanelHandler h;
  private String secret;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    h = new PanelHandler(new FunctionEnvironment(t.ctx, Map.of()));
    secret = PanelClient.enrol(t, "alice", User.Role.ADMIN, null);
    t.clock.advance(Duration.ofSeconds(31));
  }

  private String code() {
    return Totp.code(secret, Totp.step(t.clock.instant()));
  }

  private User alice() {
    return new UserAdmin(t.ctx).user("alice");
  }

  @Test
  void success_passwordAndCodeSetSecureCookiesAndOpenASession() {
    PanelClient c = new PanelClient(h);
    PanelClient.Answer a = c.signIn("alice", PanelClient.PASSWORD, code());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.raw().getCookies()).hasSize(2);
    assertThat(a.raw().getCookies().get(0))
        .startsWith("__Host-session=")
        .contains("; Path=/", "; HttpOnly", "; Secure", "; SameSite=Strict", "; Max-Age=43200");
    assertThat(a.raw().getCookies().get(1))
        .startsWith("__Host-csrf=" + a.json().get("csrfToken").asText())
        .contains("; Secure", "; SameSite=Strict")
        .doesNotContain("HttpOnly");
    assertThat(a.json().at("/user/username").asText()).isEqualTo("alice");
    assertThat(a.json().at("/user/totpEnabled").asBoolean()).isTrue();
    assertThat(a.json().toString()).doesNotContain("passwordHash", "totpSecret", "$2b$");

    PanelClient.Answer me = c.get("me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("secondFactor").asBoolean()).isTrue();
    assertThat(me.json().get("csrfToken").asText()).isEqualTo(c.csrf);
    assertThat(me.json().get("permissions").toString()).contains("users:write", "objects:write");
    // The session is stored under the hash of its id, never the id itself.
    assertThat(t.ctx.store().get("SESSION#" + c.session, "#META")).isEmpty();
    assertThat(alice().lastLoginAt()).isEqualTo(t.clock.instant());
  }

  @Test
  void fixture_signInEventFromApiGateway() {
    var e = Fixtures.event("panel_sign_in");
    e.setBody("{\"username\":\"alice\",\"password\":\"" + PanelClient.PASSWORD + "\",\"totp\":\"" + code() + "\"}");
    assertThat(new PanelClient(h).send(e).status()).isEqualTo(200);
  }

  @Test
  void totpRequired_rightPasswordWithoutCodeIsAskedForTheCode_notAFailure() {
    PanelClient.Answer a = new PanelClient(h).signIn("alice", PanelClient.PASSWORD, null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:totp-required");
    assertThat(a.raw().getCookies()).isNullOrEmpty();
    assertThat(alice().failedLogins()).isZero();
  }

  @Test
  void failure_wrongCodeOrReusedCode() {
    PanelClient c = new PanelClient(h);
    String wrong = code().equals("000000") ? "000001" : "000000";
    PanelClient.Answer a = c.signIn("alice", PanelClient.PASSWORD, wrong);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:invalid-credentials");
    assertThat(alice().failedLogins()).isEqualTo(1);

    String good = code();
    assertThat(c.signIn("alice", PanelClient.PASSWORD, good).status()).isEqualTo(200);
    assertThat(alice().failedLogins()).as("success resets the count").isZero();
    PanelClient again = new PanelClient(h);
    assertThat(again.signIn("alice", PanelClient.PASSWORD, good).status())
        .as("RFC 6238 §5.2: a code is accepted once")
        .isEqualTo(401);
  }

  @Test
  void failure_unknownUserAndWrongPasswordLookAlike() {
    PanelClient.Answer unknown = new PanelClient(h).signIn("nobody", PanelClient.PASSWORD, code());
    PanelClient.Answer wrong = new PanelClient(h).signIn("alice", "wrong-password-9", code());
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
  }

  @Test
  void lockout_fiveFailuresLockFor15Minutes_evenTheRightPasswordIsRefused() {
    PanelClient c = new PanelClient(h);
    for (int i = 1; i <= 4; i++) {
      assertThat(c.signIn("alice", "wrong-password-" + i, code()).status()).isEqualTo(401);
      assertThat(alice().failedLogins()).isEqualTo(i);
    }
    PanelClient.Answer fifth = c.signIn("alice", "wrong-password-5", code());
    assertThat(fifth.status()).isEqualTo(423);
    assertThat(fifth.json().get("type").asText()).isEqualTo("urn:opentld:problem:account-locked");
    assertThat(fifth.json().get("lockedUntil").asText())
        .isEqualTo(t.clock.instant().plus(Duration.ofMinutes(15)).toString());
    assertThat(alice().lockedUntil()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(15)));
    var history = new AuditLog(t.ctx).ofObject("user", "alice", 10);
    assertThat(history.get(0).action()).isEqualTo("lock");

    t.clock.advance(Duration.ofMinutes(14));
    assertThat(c.signIn("alice", PanelClient.PASSWORD, code()).status()).isEqualTo(423);
    assertThat(c.session).isNull();

    t.clock.advance(Duration.ofMinutes(2));
    assertThat(c.signIn("alice", PanelClient.PASSWORD, code()).status()).isEqualTo(200);
    assertThat(alice().lockedUntil()).isNull();
    assertThat(alice().failedLogins()).isZero();
  }

  @Test
  void lockout_adminUnlocks() {
    PanelClient admin = PanelClient.signedIn(h, t, "root", User.Role.ADMIN, null);
    for (int i = 0; i < 5; i++) {
      new PanelClient(h).signIn("alice", "wrong-password-x", null);
    }
    assertThat(admin.get("users/alice").json().get("locked").asBoolean()).isTrue();
    assertThat(admin.post("users/alice/unlock", null).json().get("locked").asBoolean()).isFalse();
    t.clock.advance(Duration.ofSeconds(30));
    assertThat(new PanelClient(h).signIn("alice", PanelClient.PASSWORD, code()).status()).isEqualTo(200);
  }

  @Test
  void unauthenticated_noCookieOrUnknownSessionIs401() {
    PanelClient anonymous = new PanelClient(h);
    PanelClient.Answer a = anonymous.get("me");
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:unauthenticated");
    anonymous.session = "forged-session-id";
    assertThat(anonymous.get("domains?q=ex").status()).isEqualTo(401);
    assertThat(anonymous.post("registrars/reg-a/deposits", "{\"amount\":\"1.00\"}").status()).isEqualTo(401);
  }

  @Test
  void csrf_changesWithoutTheTokenAre403AndChangeNothing() {
    PanelClient c = new PanelClient(h);
    c.signIn("alice", PanelClient.PASSWORD, code());
    long before = t.balance("reg-a");
    c.sendCsrf = false;
    PanelClient.Answer a = c.post("registrars/reg-a/deposits", "{\"amount\":\"5.00\"}");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.json().get("type").asText()).isEqualTo("urn:opentld:problem:csrf");
    String real = c.csrf;
    c.csrf = "attacker-chosen";
    c.sendCsrf = true;
    assertThat(c.post("registrars/reg-a/deposits", "{\"amount\":\"5.00\"}").status())
        .as("cookie and header agree but are not the session's token")
        .isEqualTo(403);
    assertThat(t.balance("reg-a")).isEqualTo(before);
    assertThat(c.get("me").status()).as("GET needs no token").isEqualTo(200);
    c.csrf = real;
    assertThat(c.post("registrars/reg-a/deposits", "{\"amount\":\"5.00\"}").status()).isEqualTo(201);
    assertThat(t.balance("reg-a")).isEqualTo(before + 500);
  }

  @Test
  void sessions_expireWhenIdle_andSignOutEndsThem() {
    PanelClient c = new PanelClient(h);
    c.signIn("alice", PanelClient.PASSWORD, code());
    t.clock.advance(Duration.ofMinutes(29));
    assertThat(c.get("me").status()).isEqualTo(200);
    t.clock.advance(Duration.ofMinutes(29));
    assertThat(c.get("me").status()).as("the request 29 minutes ago kept it alive").isEqualTo(200);
    t.clock.advance(Duration.ofMinutes(31));
    assertThat(c.get("me").status()).isEqualTo(401);

    PanelClient d = new PanelClient(h);
    d.signIn("alice", PanelClient.PASSWORD, code());
    PanelClient.Answer out = d.delete("session");
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.raw().getCookies()).allMatch(x -> x.contains("Max-Age=0"));
    assertThat(d.get("me").status()).isEqualTo(401);
  }

  @Test
  void enrolment_userWithoutTotpMustEnrolBeforeAnythingElse() {
    new UserAdmin(t.ctx).create(Caller.admin("root", "SV"), "bob", PanelClient.PASSWORD, User.Role.AUDITOR, null);
    PanelClient bob = new PanelClient(h);
    PanelClient.Answer in = bob.signIn("bob", PanelClient.PASSWORD, null);
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.json().get("mustEnrolTotp").asBoolean()).isTrue();
    PanelClient.Answer blocked = bob.get("dashboard");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().get("type").asText()).isEqualTo("urn:opentld:problem:totp-enrolment-required");

    PanelClient.Answer start = bob.post("me/totp", null);
    assertThat(start.status()).isEqualTo(200);
    String s = start.json().get("secret").asText();
    assertThat(start.json().get("otpauthUri").asText())
        .isEqualTo("otpauth://totp/OpenTLD:bob?secret=" + s + "&issuer=OpenTLD&algorithm=SHA1&digits=6&period=30");
    String good = Totp.code(s, Totp.step(t.clock.instant()));
    String bad = good.equals("000000") ? "000001" : "000000";
    assertThat(bob.post("me/totp/confirm", "{\"code\":\"" + bad + "\"}").status()).isEqualTo(422);
    PanelClient.Answer ok = bob.post("me/totp/confirm", "{\"code\":\"" + good + "\"}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().at("/user/totpEnabled").asBoolean()).isTrue();
    assertThat(bob.get("dashboard").status()).isEqualTo(200);
    assertThat(bob.post("me/totp", null).status()).as("already enabled").isEqualTo(409);
  }

  @Test
  void disabledUsersLoseTheirSessionAtOnce() {
    PanelClient c = new PanelClient(h);
    c.signIn("alice", PanelClient.PASSWORD, code());
    new UserAdmin(t.ctx).setDisabled(Caller.admin("root", "SV"), "alice", true);
    assertThat(c.get("me").status()).isEqualTo(401);
    t.clock.advance(Duration.ofSeconds(30));
    assertThat(new PanelClient(h).signIn("alice", PanelClient.PASSWORD, code()).status()).isEqualTo(401);
  }

  @Test
  void ownPasswordChangeNeedsTheCurrentOne() {
    PanelClient c = new PanelClient(h);
    c.signIn("alice", PanelClient.PASSWORD, code());
    assertThat(c.post("me/password", "{\"currentPassword\":\"nope-nope-nope\",\"newPassword\":\"brand-new-password\"}").status())
        .isEqualTo(422);
    assertThat(c.post("me/password", "{\"currentPassword\":\"" + PanelClient.PASSWORD + "\",\"newPassword\":\"brand-new-password\"}").status())
        .isEqualTo(204);
    t.clock.advance(Duration.ofSeconds(30));
    assertThat(new PanelClient(h).signIn("alice", "brand-new-password", code()).status()).isEqualTo(200);
  }
}
