package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.assertSchemaValid;
import static org.opentld.registry.epp.EppFixtures.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.reporting.ActivityCounters;
import org.opentld.registry.testing.TestRegistry;

/**
 * The operational side of the EPP server over real TLS against DynamoDB Local: session and
 * rate limits, RFC 8807 login security, the health and metrics endpoint, the activity report
 * counts, and draining on shutdown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EppOpsIT {
  static final String PW = "ops-pass-123";
  static final String LONG_PW = "a pass phrase far longer than sixteen chars";
  static final List<String> OBJ = List.of(EppNs.DOMAIN);
  static final List<String> EXT = List.of(EppNs.FEE);
  static final List<String> SEC = List.of(EppNs.LOGIN_SEC);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  Path dir;
  TestRegistry t;
  Path ca;
  Path certA;
  Path keyA;
  Path certSoon;
  Path keySoon;
  Path certOld;
  Path keyOld;
  final List<EppServer> servers = new ArrayList<>();
  final List<GateClock> gates = new ArrayList<>();

  @BeforeAll
  void setUp(@TempDir Path tmp) throws Exception {
    dir = tmp;
    t = TestRegistry.seeded();
    Certificates.Issued root = Certificates.ca("Ops EPP CA");
    root.write(dir.resolve("ca.pem"), dir.resolve("ca.key"));
    ca = dir.resolve("ca.pem");
    Certificates.server(root, "localhost", "localhost", "127.0.0.1")
        .write(dir.resolve("server.pem"), dir.resolve("server.key"));
    Certificates.Issued a = Certificates.client(root, "ops A");
    certA = dir.resolve("a.pem");
    keyA = dir.resolve("a.key");
    a.write(certA, keyA);
    // Relative to the server's clock (the registry's fixed test clock).
    Certificates.Issued soon = Certificates.client(root, "ops soon",
        TestRegistry.START.plus(Duration.ofDays(10)));
    certSoon = dir.resolve("soon.pem");
    keySoon = dir.resolve("soon.key");
    soon.write(certSoon, keySoon);
    Certificates.Issued old = Certificates.client(root, "ops old",
        TestRegistry.START.minus(Duration.ofDays(1)));
    certOld = dir.resolve("old.pem");
    keyOld = dir.resolve("old.key");
    old.write(certOld, keyOld);
    registrar("ops-a", PW, Set.of(a.fingerprint()));
    registrar("ops-rate", PW, Set.of(a.fingerprint()));
    registrar("ops-limit", PW, Set.of(a.fingerprint()));
    registrar("ops-long", LONG_PW, Set.of(a.fingerprint()));
    registrar("ops-pw", PW, Set.of(a.fingerprint()));
    registrar("ops-soon", PW, Set.of(soon.fingerprint()));
    registrar("ops-old", PW, Set.of(old.fingerprint()));
  }

  void registrar(String id, String pw, Set<String> fingerprints) {
    Caller admin = Caller.admin("test-admin", "SV-SEED-" + id);
    t.registry.registrars.create(admin, id, "Registrar " + id, null, pw, fingerprints,
        List.of(), "USD", 0, id + "@example.net", "abuse@example.net");
    t.registry.registrars.deposit(admin, id, Money.of(100_000, "USD"), "opening deposit");
  }

  EppConfig base() {
    return EppServerIT.config(dir, Duration.ofMinutes(5), false);
  }

  EppServer start(EppConfig config) throws Exception {
    return start(config, t.clock);
  }

  EppServer start(EppConfig config, java.time.Clock clock) throws Exception {
    EppServer s = new EppServer(config, t.registry, clock);
    servers.add(s);
    s.start();
    return s;
  }

  @AfterEach
  void stopServers() {
    gates.forEach(GateClock::open);
    servers.forEach(EppServer::shutdown);
    servers.clear();
  }

  EppClient connect(EppServer s) throws IOException {
    return connect(s, certA, keyA);
  }

  EppClient connect(EppServer s, Path cert, Path key) throws IOException {
    return EppClient.connect("127.0.0.1", s.port(), cert, key, ca);
  }

  EppClient session(EppServer s, String id) throws IOException {
    EppClient c = connect(s);
    assertThat(code(c.login(id, PW, null, OBJ, EXT))).isEqualTo(1000);
    return c;
  }

  static void awaitTrue(java.util.function.BooleanSupplier cond, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** A login with the loginSec extension; null parts are left out. */
  static String loginSec(EppClient c, String clId, String pw, String newPw, String secPw,
      String secNewPw, boolean agent, List<String> extUris) {
    StringBuilder sb = new StringBuilder("<login><clID>").append(clId).append("</clID><pw>")
        .append(pw).append("</pw>");
    if (newPw != null) {
      sb.append("<newPW>").append(newPw).append("</newPW>");
    }
    sb.append("<options><version>1.0</version><lang>en</lang></options><svcs><objURI>")
        .append(EppNs.DOMAIN).append("</objURI>");
    if (!extUris.isEmpty()) {
      sb.append("<svcExtension>");
      extUris.forEach(u -> sb.append("<extURI>").append(u).append("</extURI>"));
      sb.append("</svcExtension>");
    }
    sb.append("</svcs></login>");
    StringBuilder ext = new StringBuilder("<loginSec:loginSec xmlns:loginSec=\"")
        .append(EppNs.LOGIN_SEC).append("\">");
    if (agent) {
      ext.append("<loginSec:userAgent><loginSec:app>ops-test 1.0</loginSec:app>"
          + "<loginSec:os>Linux</loginSec:os></loginSec:userAgent>");
    }
    if (secPw != null) {
      ext.append("<loginSec:pw>").append(secPw).append("</loginSec:pw>");
    }
    if (secNewPw != null) {
      ext.append("<loginSec:newPW>").append(secNewPw).append("</loginSec:newPW>");
    }
    ext.append("</loginSec:loginSec>");
    return c.command(sb.toString(), ext.toString());
  }

  static HttpResponse<String> get(EppServer s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.healthPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---------------------------------------------------------------- session limit

  @Test
  void failure_loginOverTheSessionLimitIs2502AndCloses_andAClosedSessionFreesItsSlot()
      throws Exception {
    EppServer s = start(base().withLimits(2, 0, 0));
    EppClient one = session(s, "ops-limit");
    EppClient two = session(s, "ops-limit");
    assertThat(s.sessions().count("ops-limit")).isEqualTo(2);
    try (EppClient three = connect(s)) {
      assertThat(code(three.login("ops-limit", "wrong-pass", null, OBJ, EXT)))
          .as("authentication comes first: a wrong password is still 2200").isEqualTo(2200);
      String r = three.login("ops-limit", PW, null, OBJ, EXT);
      assertSchemaValid(r);
      assertThat(code(r)).isEqualTo(2502);
      assertThat(r).contains("session limit");
      assertThat(three.readFrame()).as("2502 closes the connection").isNull();
    }
    assertThat(s.sessions().count("ops-limit")).isEqualTo(2);
    try (EppClient other = session(s, "ops-a")) {
      assertThat(code(other.check("x.test"))).as("other registrars unaffected").isEqualTo(1000);
    }
    assertThat(code(one.logout())).isEqualTo(1500);
    one.close();
    awaitTrue(() -> s.sessions().count("ops-limit") == 1, "the slot to be given back");
    try (EppClient four = session(s, "ops-limit")) {
      assertThat(code(four.check("x.test"))).isEqualTo(1000);
    }
    two.close();
    awaitTrue(() -> s.sessions().total() == 0, "every slot back");
    assertThat(s.metrics().count("login", 2502)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- rate limit

  @Test
  void failure_overTheRateLimitIs2400WithoutClosing_andTheCommandDoesNotRun() throws Exception {
    EppServer s = start(base().withLimits(10, 2, 3));
    long balance = t.balance("ops-rate");
    try (EppClient c = session(s, "ops-rate")) {
      String check = c.command("<check><domain:check xmlns:domain=\"" + EppNs.DOMAIN + "\">"
          + "<domain:name>rate.test</domain:name></domain:check></check>", null);
      String create = EppFixtures.load("domain_create.xml").replace("created.test", "rated.test")
          .replace("ABC-create", "CL-over-limit");
      // Pipelined: all five arrive together; the bucket holds three.
      for (String frame : List.of(check, check, check, create, check)) {
        c.writeFrame(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(c.readFrame());
      }
      answers.forEach(EppFixtures::assertSchemaValid);
      assertThat(answers.stream().map(EppFixtures::code).toList())
          .containsExactly(1000, 1000, 1000, 2400, 2400);
      assertThat(answers.get(3)).contains("rate limit exceeded")
          .contains("<clTRID>CL-over-limit</clTRID>");
      assertThat(t.ctx.findDomain("rated.test")).as("the throttled create did not run").isEmpty();
      assertThat(t.balance("ops-rate")).isEqualTo(balance);

      Thread.sleep(700);
      assertThat(code(c.check("rate.test"))).as("the session stays open and recovers")
          .isEqualTo(1000);
    }
    assertThat(s.metrics().count("domain:create", 2400)).isEqualTo(1);
    assertThat(s.metrics().count("domain:check", 2400)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- login security

  @Test
  void loginSec_longPasswordAndUserAgent_withAStatEventAfterAFailedLogin() throws Exception {
    EppServer s = start(base());
    try (EppClient c = connect(s)) {
      assertThat(code(c.login("ops-long", "wrong-pass", null, OBJ, SEC))).isEqualTo(2200);
      assertMatches("login_loginsec_response.xml",
          c.send(EppFixtures.load("login_loginsec.xml")));
      assertThat(code(c.check("x.test"))).as("domain is selected; fee is not")
          .isEqualTo(1000);
    }
    try (EppClient c = connect(s)) {
      String r = c.send(loginSec(c, "ops-long", LoginSecurity.SENTINEL, null, LONG_PW, null,
          true, SEC));
      assertSchemaValid(r);
      assertThat(code(r)).isEqualTo(1000);
      assertThat(r).as("no events to report").doesNotContain("loginSecData");
    }
    try (EppClient c = connect(s)) {
      String plain = c.command("<login><clID>ops-long</clID><pw>" + LONG_PW + "</pw><options>"
          + "<version>1.0</version><lang>en</lang></options><svcs><objURI>" + EppNs.DOMAIN
          + "</objURI></svcs></login>", null);
      assertThat(code(c.send(plain)))
          .as("without the extension the long password breaks <pw>'s schema")
          .isEqualTo(2001);
      assertThat(code(c.login("ops-long", LONG_PW, null, OBJ, List.of())))
          .as("the shipped client moves a long password into the extension").isEqualTo(1000);
    }
  }

  @Test
  void loginSec_newPasswordInTheExtensionChangesIt() throws Exception {
    EppServer s = start(base());
    String next = "the next pass phrase, also quite long";
    try (EppClient c = connect(s)) {
      assertThat(code(c.send(loginSec(c, "ops-pw", PW, LoginSecurity.SENTINEL, null, next,
          false, SEC)))).isEqualTo(1000);
    }
    try (EppClient c = connect(s)) {
      assertThat(code(c.login("ops-pw", PW, null, OBJ, List.of()))).isEqualTo(2200);
      assertThat(code(c.send(loginSec(c, "ops-pw", LoginSecurity.SENTINEL, null, next, null,
          false, SEC)))).isEqualTo(1000);
    }
  }

  @Test
  void loginSec_failures_refusedNewPasswordsAndInconsistentElements() throws Exception {
    EppServer s = start(base());
    String hashBefore = t.registrar("ops-a").passwordHash();
    try (EppClient c = connect(s)) {
      String tooShort = c.send(loginSec(c, "ops-a", PW, LoginSecurity.SENTINEL, null, "short1",
          false, SEC));
      assertSchemaValid(tooShort);
      assertThat(code(tooShort)).isEqualTo(2306);
      assertThat(tooShort).contains("type=\"newPW\"").contains("level=\"error\"");

      String tooLong = c.send(loginSec(c, "ops-a", PW, LoginSecurity.SENTINEL, null,
          "x".repeat(80), false, SEC));
      assertSchemaValid(tooLong);
      assertThat(code(tooLong)).isEqualTo(2306);
      assertThat(tooLong).contains("at most 72 bytes").contains("type=\"newPW\"");

      assertThat(code(c.send(loginSec(c, "ops-a", LoginSecurity.SENTINEL, null, null, null,
          true, SEC)))).as("sentinel without loginSec:pw").isEqualTo(2003);
      assertThat(code(c.send(loginSec(c, "ops-a", PW, null, PW, null, false, SEC))))
          .as("loginSec:pw next to a real pw").isEqualTo(2005);
      assertThat(code(c.send(loginSec(c, "ops-a", LoginSecurity.SENTINEL, null, PW, null,
          false, List.of())))).as("extension without its extURI").isEqualTo(2002);
      assertThat(s.sessions().count("ops-a")).as("no slot kept by failed logins").isZero();
    }
    assertThat(t.registrar("ops-a").passwordHash()).as("password unchanged")
        .isEqualTo(hashBefore);
    try (EppClient c = session(s, "ops-a")) {
      assertThat(code(c.logout())).isEqualTo(1500);
    }
  }

  @Test
  void loginSec_certificateEvents() throws Exception {
    EppServer s = start(base());
    try (EppClient c = connect(s, certSoon, keySoon)) {
      String r = c.send(loginSec(c, "ops-soon", LoginSecurity.SENTINEL, null, PW, null, true,
          SEC));
      assertSchemaValid(r);
      assertThat(code(r)).isEqualTo(1000);
      Instant notAfter = Certificates.readCertificates(certSoon).get(0).getNotAfter().toInstant();
      assertThat(r).contains("type=\"certificate\"").contains("level=\"warning\"")
          .contains("exDate=\"" + Xml.time(notAfter) + "\"");
    }
    try (EppClient c = connect(s, certSoon, keySoon)) {
      String r = c.login("ops-soon", PW, null, OBJ, EXT);
      assertThat(code(r)).isEqualTo(1000);
      assertThat(r).as("only clients that selected loginSec get events")
          .doesNotContain("loginSec");
    }
    try (EppClient c = connect(s, certOld, keyOld)) {
      String r = c.send(loginSec(c, "ops-old", LoginSecurity.SENTINEL, null, PW, null, false,
          SEC));
      assertSchemaValid(r);
      assertThat(code(r)).as("an expired client certificate does not authenticate")
          .isEqualTo(2200);
      assertThat(r).contains("type=\"certificate\"").contains("level=\"error\"");
      assertThat(code(c.login("ops-old", PW, null, OBJ, EXT))).isEqualTo(2200);
    }
  }

  // ---------------------------------------------------------------- health, metrics, report

  @Test
  void health200WhileServing_metricsAsJson_andReportCountsFlushedOnShutdown() throws Exception {
    EppServer s = start(base().withHealth(0, Duration.ofSeconds(10)));
    HttpResponse<String> health = get(s, "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("serving");
    try (EppClient c = session(s, "ops-a")) {
      assertThat(code(c.check("one.test", "two.test"))).isEqualTo(1000);
      assertThat(code(c.check("nowhere.invalid"))).isEqualTo(1000);
      assertThat(code(c.info("missing.test"))).isEqualTo(2303);
      JsonNode m = JSON.readTree(get(s, "/metrics").body());
      assertThat(m.at("/commands/login/1000").asLong()).isEqualTo(1);
      assertThat(m.at("/commands/domain:check/1000").asLong()).isEqualTo(2);
      assertThat(m.at("/commands/domain:info/2303").asLong()).isEqualTo(1);
      assertThat(m.at("/totals/commands").asLong()).isEqualTo(4);
      assertThat(m.at("/totals/errors").asLong()).isEqualTo(1);
      assertThat(m.at("/latencyMs/domain:check/count").asLong()).isEqualTo(2);
      assertThat(m.at("/gauges/sessions").asLong()).isEqualTo(1);
      assertThat(m.at("/gauges/draining").asLong()).isZero();
      c.logout();
    }
    assertThat(get(s, "/nothing").statusCode()).isEqualTo(404);
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.healthPort()
        + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);

    ActivityCounters report = new ActivityCounters(t.ctx.store(), t.clock, "EPP");
    YearMonth month = YearMonth.from(TestRegistry.START.atZone(java.time.ZoneOffset.UTC));
    long checksBefore = report.read("test", month).getOrDefault("domain:check", 0L);
    long loginsBefore = report.read("*", month).getOrDefault("login", 0L);
    s.shutdown();
    assertThat(report.read("test", month).get("domain:check"))
        .as("counted for the TLD, flushed on shutdown").isEqualTo(checksBefore + 1);
    assertThat(report.read("test", month).get("domain:info")).isPositive();
    assertThat(report.read("*", month).get("login")).isEqualTo(loginsBefore + 1);
    assertThat(report.read(month)).as("a made-up TLD is not a report item")
        .doesNotContainKey("invalid");
  }

  // ---------------------------------------------------------------- drain

  @Test
  void drain_inFlightCommandCompletes_newConnectionsRefused_laterFramesGet2500()
      throws Exception {
    GateClock gate = new GateClock(t.clock);
    gates.add(gate);
    EppServer s = start(base().withHealth(0, Duration.ofSeconds(20)), gate);
    int port = s.port();
    EppClient c = session(s, "ops-a");
    gate.close();
    c.writeFrame(c.command("<check><domain:check xmlns:domain=\"" + EppNs.DOMAIN + "\">"
        + "<domain:name>inflight.test</domain:name></domain:check></check>", null)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    gate.awaitWaiting(1);

    long started = System.nanoTime();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(s::shutdown);
    awaitTrue(() -> !s.serving(), "draining");
    HttpResponse<String> health = get(s, "/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("draining");
    assertThatThrownBy(() -> EppClient.connect("127.0.0.1", port, certA, keyA, ca))
        .as("no new connections").isInstanceOf(IOException.class);
    Thread.sleep(200);
    c.writeFrame(c.command("<check><domain:check xmlns:domain=\"" + EppNs.DOMAIN + "\">"
        + "<domain:name>late.test</domain:name></domain:check></check>", null)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Thread.sleep(100);
    assertThat(stopping).as("waits for the in-flight command").isNotDone();

    gate.open();
    String first = c.readFrame();
    String second = c.readFrame();
    assertSchemaValid(first);
    assertSchemaValid(second);
    assertThat(code(first)).as("the in-flight command completes").isEqualTo(1000);
    assertThat(first).contains("inflight.test");
    assertThat(code(second)).isEqualTo(2500);
    assertThat(second).contains("shutting down").contains("<clTRID>CL-3</clTRID>");
    assertThat(c.readFrame()).as("then the session is closed").isNull();
    c.close();
    stopping.get(20, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("no need to wait for the drain timeout").isLessThan(Duration.ofSeconds(15));
    assertThat(s.sessions().total()).isZero();
  }

  @Test
  void drain_aCommandThatOutlastsTheTimeoutIsCut() throws Exception {
    GateClock gate = new GateClock(t.clock);
    gates.add(gate);
    EppServer s = start(base().withHealth(-1, Duration.ofSeconds(1)), gate);
    EppClient c = session(s, "ops-a");
    gate.close();
    c.writeFrame(c.command("<check><domain:check xmlns:domain=\"" + EppNs.DOMAIN + "\">"
        + "<domain:name>stuck.test</domain:name></domain:check></check>", null)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    gate.awaitWaiting(1);
    long started = System.nanoTime();
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(s::shutdown);
    c.setReadTimeout(15_000);
    String answer;
    try {
      answer = c.readFrame();
    } catch (IOException reset) {
      answer = null;
    }
    assertThat(answer).as("cut without an answer").isNull();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900))
        .isLessThan(Duration.ofSeconds(10));
    gate.open();
    stopping.get(30, TimeUnit.SECONDS);
    c.close();
  }
}
