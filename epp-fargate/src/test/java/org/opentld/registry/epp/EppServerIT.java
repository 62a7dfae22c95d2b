package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.testing.TestRegistry;

/** The EPP server over real TLS sockets on 127.0.0.1 against DynamoDB Local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EppServerIT {
  static final String PW = "epp-pass-123";
  static final List<String> OBJ = List.of(EppNs.DOMAIN);
  static final List<String> EXT = List.of(EppNs.FEE, EppNs.SEC_DNS, EppNs.RGP);
  /** An object service the server does not implement (RFC 8543 organizations). */
  static final String ORG = "urn:ietf:params:xml:ns:epp:org-1.0";

  Path dir;
  TestRegistry t;
  EppServer server;
  int port;
  Path ca;
  Path certA;
  Path keyA;
  Path certB;
  Path keyB;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    t = TestRegistry.seeded();
    Certificates.Issued root = Certificates.ca("Test EPP CA");
    Certificates.Issued srv = Certificates.server(root, "localhost", "localhost", "127.0.0.1");
    Certificates.Issued a = Certificates.client(root, "registrar A");
    Certificates.Issued b = Certificates.client(root, "registrar B");
    ca = dir.resolve("ca.pem");
    root.write(ca, dir.resolve("ca.key"));
    srv.write(dir.resolve("server.pem"), dir.resolve("server.key"));
    certA = dir.resolve("a.pem");
    keyA = dir.resolve("a.key");
    a.write(certA, keyA);
    certB = dir.resolve("b.pem");
    keyB = dir.resolve("b.key");
    b.write(certB, keyB);
    registrar("epp-a", a.fingerprint(), 100_000);
    registrar("epp-b", b.fingerprint(), 100_000);
    registrar("epp-poor", a.fingerprint(), 0);
    registrar("epp-pw", a.fingerprint(), 0);
    server = new EppServer(config(dir, Duration.ofMinutes(5), false), t.registry, t.clock);
    port = server.start();
  }

  static EppConfig config(Path dir, Duration idle, boolean proxy) {
    return new EppConfig("127.0.0.1", 0, dir.resolve("server.pem"), dir.resolve("server.key"),
        8192, idle, proxy, 3, 4, "OpenTLD EPP test");
  }

  void registrar(String id, String fingerprint, long deposit) {
    Caller admin = Caller.admin("test-admin", "SV-SEED-" + id);
    t.registry.registrars.create(admin, id, "Registrar " + id, null, PW, Set.of(fingerprint),
        List.of(), "USD", 0, id + "@example.net", "abuse@example.net");
    if (deposit > 0) {
      t.registry.registrars.deposit(admin, id, Money.of(deposit, "USD"), "opening deposit");
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  EppClient connect(Path cert, Path key) throws IOException {
    return EppClient.connect("127.0.0.1", port, cert, key, ca);
  }

  EppClient session(String id) throws IOException {
    EppClient c = connect(certA, keyA);
    assertThat(code(c.login(id, PW, null, OBJ, EXT))).isEqualTo(1000);
    return c;
  }

  @Test
  void greetingOnConnectAndForHello_advertisesExactlyWhatIsImplemented() throws IOException {
    try (EppClient c = connect(certA, keyA)) {
      assertMatches("greeting.xml", c.greeting());
      assertMatches("greeting.xml", c.hello());
    }
  }

  @Test
  void failure_commandBeforeLoginIs2002() throws IOException {
    try (EppClient c = connect(certA, keyA)) {
      String r = c.check("free.test");
      assertThat(code(r)).isEqualTo(2002);
      assertThat(r).contains("<clTRID>CL-1</clTRID>").contains("<svTRID>SV-");
      assertThat(code(c.logout())).isEqualTo(2002);
    }
  }

  @Test
  void failure_wrongPasswordIs2200_andThirdFailureIs2501AndCloses() throws IOException {
    try (EppClient c = connect(certA, keyA)) {
      assertMatches("login_failed_response.xml", c.login("epp-a", "wrong-pass", null, OBJ, EXT));
      assertThat(code(c.login("epp-a", "wrong-pass", null, OBJ, EXT))).isEqualTo(2200);
      assertThat(code(c.login("epp-a", "wrong-pass", null, OBJ, EXT))).isEqualTo(2501);
      assertThat(c.readFrame()).isNull();
    }
    try (EppClient c = session("epp-a")) {
      assertThat(code(c.logout())).isEqualTo(1500);
    }
  }

  @Test
  void failure_certificateNotRegisteredForRegistrarIs2200() throws IOException {
    try (EppClient c = connect(certB, keyB)) {
      assertThat(code(c.login("epp-a", PW, null, OBJ, EXT))).isEqualTo(2200);
      assertThat(code(c.login("epp-b", PW, null, OBJ, EXT))).isEqualTo(1000);
    }
  }

  @Test
  void failure_loginOptionsAndServicesTheServerDoesNotImplement() throws IOException {
    try (EppClient c = connect(certA, keyA)) {
      assertThat(code(c.login("epp-a", PW, null, List.of(EppNs.DOMAIN, ORG), EXT)))
          .isEqualTo(2307);
      assertThat(code(c.login("epp-a", PW, null, OBJ, List.of("urn:ietf:params:xml:ns:launch-1.0"))))
          .isEqualTo(2103);
      String login = c.command("<login><clID>epp-a</clID><pw>" + PW + "</pw><options><version>"
          + "%s</version><lang>%s</lang></options><svcs><objURI>" + EppNs.DOMAIN
          + "</objURI></svcs></login>", null);
      assertThat(code(c.send(login.formatted("2.0", "en")))).isEqualTo(2100);
      assertThat(code(c.send(login.formatted("1.0", "fr")))).isEqualTo(2102);
      assertThat(code(c.send(login.formatted("1.0", "en")))).isEqualTo(1000);
      assertThat(code(c.send(login.formatted("1.0", "en")))).as("second login").isEqualTo(2002);
    }
  }

  @Test
  void success_loginWithNewPasswordChangesIt() throws IOException {
    try (EppClient c = connect(certA, keyA)) {
      assertThat(code(c.login("epp-pw", PW, "new-pass-456", OBJ, EXT))).isEqualTo(1000);
    }
    try (EppClient c = connect(certA, keyA)) {
      assertThat(code(c.login("epp-pw", PW, null, OBJ, EXT))).isEqualTo(2200);
      assertThat(code(c.login("epp-pw", "new-pass-456", null, OBJ, EXT))).isEqualTo(1000);
    }
  }

  @Test
  void success_logoutIs1500AndCloses() throws IOException {
    try (EppClient c = session("epp-a")) {
      assertMatches("logout_response.xml", c.logout());
      assertThat(c.readFrame()).isNull();
    }
  }

  @Test
  void domainCheck_withFee() throws IOException {
    t.createDomain("reg-b", "taken-check.test", 1);
    try (EppClient c = session("epp-a")) {
      assertMatches("domain_check_response.xml", c.send(EppFixtures.load("domain_check.xml")));
      assertThat(code(c.send(EppFixtures.load("domain_check.xml").replace("USD", "EUR"))))
          .as("fee currency other than the TLD's").isEqualTo(2004);
    }
  }

  @Test
  void domainCreate_withFeeAndDsData_thenInfoAndFailures() throws IOException {
    long before = t.balance("epp-a");
    try (EppClient c = session("epp-a")) {
      String create = EppFixtures.load("domain_create.xml");
      assertMatches("domain_create_response.xml", c.send(create));
      assertThat(t.balance("epp-a")).isEqualTo(before - 2000);
      assertThat(t.ctx.domain("created.test").dsData()).hasSize(1);
      assertThat(code(c.send(create))).as("taken").isEqualTo(2302);
      assertThat(code(c.send(create.replace("created.test", "fee-low.test")
          .replace("<fee:fee>20.00</fee:fee>", "<fee:fee>5.00</fee:fee>")))).isEqualTo(2004);
      assertThat(code(c.send(create.replace("created.test", "bad_name.test")))).isEqualTo(2005);
      assertThat(code(c.send(create.replace("created.test", "other.example")))).isEqualTo(2306);
      assertThat(code(c.send(create.replace("created.test", "no-contact.test")
          .replace("<domain:authInfo>", "<domain:registrant>nobody</domain:registrant>"
              + "<domain:authInfo>")))).isEqualTo(2303);
      assertThat(t.balance("epp-a")).as("failures charge nothing").isEqualTo(before - 2000);
      assertThat(t.ctx.findDomain("fee-low.test")).isEmpty();

      assertMatches("domain_info_response.xml", c.send(EppFixtures.load("domain_info.xml")));
      assertThat(code(c.info("nothing-here.test"))).isEqualTo(2303);
    }
    try (EppClient b = connect(certB, keyB)) {
      assertThat(code(b.login("epp-b", PW, null, OBJ, EXT))).isEqualTo(1000);
      assertMatches("domain_info_limited_response.xml", b.info("created.test"));
    }
    try (EppClient c = session("epp-poor")) {
      assertThat(code(c.send(EppFixtures.load("domain_create.xml")
          .replace("created.test", "poor.test")))).isEqualTo(2104);
    }
  }

  @Test
  void commandsAndServicesOutsideTheSession() throws IOException {
    try (EppClient c = session("epp-a")) {
      String hostCheck = c.command("<check><host:check xmlns:host=\"" + EppNs.HOST + "\">"
          + "<host:name>ns1.x.test</host:name></host:check></check>", null);
      assertThat(code(c.send(hostCheck))).as("host-1.0 not selected at login").isEqualTo(2002);
      String orgCheck = c.command("<check><org:check xmlns:org=\"" + ORG + "\">"
          + "<org:id>x</org:id></org:check></check>", null);
      assertThat(code(c.send(orgCheck))).isEqualTo(2307);
      String unknownExt = c.command("<check><domain:check xmlns:domain=\"" + EppNs.DOMAIN + "\">"
          + "<domain:name>x.test</domain:name></domain:check></check>",
          "<launch:check xmlns:launch=\"urn:ietf:params:xml:ns:launch-1.0\"/>");
      assertThat(code(c.send(unknownExt))).isEqualTo(2103);
      String feeOnInfo = c.command("<info><domain:info xmlns:domain=\"" + EppNs.DOMAIN + "\">"
          + "<domain:name>x.test</domain:name></domain:info></info>",
          "<fee:check xmlns:fee=\"" + EppNs.FEE + "\"><fee:command name=\"create\"/></fee:check>");
      assertThat(code(c.send(feeOnInfo))).isEqualTo(2103);
    }
    try (EppClient c = connect(certA, keyA)) {
      assertThat(code(c.login("epp-a", PW, null, OBJ, List.of()))).isEqualTo(1000);
      assertThat(code(c.send(EppFixtures.load("domain_check.xml"))))
          .as("fee extension not selected at login").isEqualTo(2002);
    }
  }
}
