package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.testing.TestRegistry;

/** WHOIS over real TCP sockets against DynamoDB Local. */
class WhoisServerIT {
  private static final String OWNER_NAME = WhoisFixtures.OWNER_NAME;
  private static final String OWNER_EMAIL = WhoisFixtures.OWNER_EMAIL;
  private static final String OWNER_PHONE = WhoisFixtures.OWNER_PHONE;

  static TestRegistry t;
  static WhoisServer server;
  static Domain example;

  @BeforeAll
  static void seed() throws Exception {
    t = TestRegistry.seeded();
    example = WhoisFixtures.seed(t);
    server = start(base());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static WhoisConfig base() {
    return WhoisConfig.defaults().withBind("127.0.0.1", 0).withRateLimit(100_000, 100_000);
  }

  static WhoisServer start(WhoisConfig config) throws Exception {
    return new WhoisServer(config, new WhoisResponder(t.ctx, config.termsOfUse())).start();
  }

  static String query(int port, String q) throws IOException {
    return send(port, (q + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends bytes and reads until the server closes (RFC 3912: the close ends the answer). */
  static String send(int port, byte[] bytes) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      return readToEnd(s.getInputStream());
    }
  }

  static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // a server that closes an unread connection may reset it: the answer ends there too
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void domainQuery_showsIcannLabelsAndRedactsPersonalData() throws IOException {
    String text = query(server.port(), "example.test");
    assertThat(text)
        .startsWith("Domain Name: example.test\r\nRegistry Domain ID: " + example.roid() + "\r\n")
        .contains(
            "Registrar WHOIS Server: whois.reg-a.example\r\n",
            "Registrar URL: https://reg-a.example\r\n",
            "Updated Date: 2026-01-15T10:00:00Z\r\n",
            "Creation Date: 2026-01-15T10:00:00Z\r\n",
            "Registry Expiry Date: 2027-01-15T10:00:00Z\r\n",
            "Registrar: Registrar reg-a\r\n",
            "Registrar IANA ID: 9097\r\n",
            "Registrar Abuse Contact Email: abuse@reg-a.example\r\n",
            "Registrar Abuse Contact Phone: +1.5555550100\r\n",
            "Domain Status: ok https://icann.org/epp#ok\r\n",
            "Domain Status: addPeriod https://icann.org/epp#addPeriod\r\n",
            "Registry Registrant ID: REDACTED FOR PRIVACY\r\n",
            "Registrant Name: REDACTED FOR PRIVACY\r\n",
            "Registrant Organization: Widgets Ltd\r\n",
            "Registrant Country: CA\r\n",
            "Registrant Phone: REDACTED FOR PRIVACY\r\n",
            "Registrant Email: " + WhoisFormat.EMAIL_VIA_REGISTRAR + "\r\n",
            "Registry Admin ID: REDACTED FOR PRIVACY\r\n",
            "Registry Tech ID: REDACTED FOR PRIVACY\r\n",
            "Name Server: ns1.dns.example\r\nName Server: ns2.dns.example\r\n",
            "DNSSEC: signedDelegation\r\n",
            "URL of the ICANN Whois Inaccuracy Complaint Form: https://icann.org/wicf/\r\n",
            ">>> Last update of WHOIS database: 2026-01-15T10:00:00Z <<<\r\n",
            "Terms of Use:")
        .doesNotContain(
            OWNER_NAME,
            OWNER_EMAIL,
            OWNER_PHONE,
            "5145550123",
            "owner-1",
            "1 Secret Lane",
            "Montreal",
            "Adam Admin",
            "adam@example.org",
            "Tess Tech",
            "tess@example.org");
    assertThat(query(server.port(), "domain EXAMPLE.test.")).isEqualTo(text);
  }

  @Test
  void idnDomain_answersToBothFormsAndShowsBoth() throws IOException {
    String byULabel = query(server.port(), "bücher.test");
    assertThat(byULabel)
        .startsWith(
            "Domain Name: xn--bcher-kva.test\r\nInternationalized Domain Name: bücher.test\r\n")
        .contains("Name Server: ns1.example.test\r\n", "DNSSEC: unsigned\r\n");
    assertThat(query(server.port(), "xn--bcher-kva.test")).isEqualTo(byULabel);
    assertThat(query(server.port(), "domain BÜCHER.TEST")).isEqualTo(byULabel);
  }

  @Test
  void nameserverQuery_showsAddressesAndSponsor() throws IOException {
    String text = query(server.port(), "nameserver ns1.example.test");
    assertThat(text)
        .startsWith(
            "Server Name: ns1.example.test\r\nIP Address: 1.2.3.4\r\nIP Address: 2001:4860::1\r\n"
                + "Registrar: Registrar reg-a\r\nRegistrar WHOIS Server: whois.reg-a.example\r\n"
                + "Registrar URL: https://reg-a.example\r\n"
                + ">>> Last update of WHOIS database: 2026-01-15T10:00:00Z <<<\r\n");
    // A bare name that is no domain of ours but a host gets the host record.
    assertThat(query(server.port(), "NS1.example.test")).isEqualTo(text);
    assertThat(query(server.port(), "domain ns1.example.test"))
        .startsWith("No match for \"ns1.example.test\".\r\n");
    assertThat(query(server.port(), "nameserver ns1.dns.example"))
        .startsWith("Server Name: ns1.dns.example\r\nRegistrar: Registrar reg-a\r\n");
  }

  @Test
  void registrarQuery_byIanaIdClientIdOrName() throws IOException {
    String text = query(server.port(), "registrar 9097");
    assertThat(text)
        .startsWith(
            "Registrar: Registrar reg-a\r\n"
                + "Registrar IANA ID: 9097\r\n"
                + "Phone Number: +1.5555550199\r\n"
                + "Email: reg-a@example.net\r\n"
                + "Registrar WHOIS Server: whois.reg-a.example\r\n"
                + "Referral URL: https://reg-a.example\r\n");
    assertThat(query(server.port(), "registrar reg-a")).isEqualTo(text);
    assertThat(query(server.port(), "REGISTRAR registrar REG-A")).isEqualTo(text);
    assertThat(query(server.port(), "registrar 1")).startsWith("No match for \"1\".\r\n");
  }

  @Test
  void unknownName_saysNoMatchWithTheUpdateLine() throws IOException {
    assertThat(query(server.port(), "nothing-here.test"))
        .startsWith(
            "No match for \"nothing-here.test\".\r\n"
                + ">>> Last update of WHOIS database: 2026-01-15T10:00:00Z <<<\r\n");
    assertThat(query(server.port(), "example.com")).startsWith("No match for \"example.com\".");
  }

  @Test
  void malformedName_isANoticeNotAnError() throws IOException {
    assertThat(query(server.port(), "-bad-.test"))
        .startsWith("%% Invalid query: ")
        .contains("hyphen");
    assertThat(query(server.port(), "")).startsWith("%% Empty query.");
  }

  @Test
  void tooLongQuery_isRefusedAndTheServerKeepsServing() throws IOException {
    assertThat(query(server.port(), "a".repeat(300) + ".test"))
        .isEqualTo("%% Query too long: at most 255 bytes are accepted.\r\n");
    assertThat(query(server.port(), "example.test")).startsWith("Domain Name: example.test");
  }

  @Test
  void rateLimit_saysWhenToComeBack() throws Exception {
    try (WhoisServer limited = start(base().withRateLimit(2, 1))) {
      assertThat(query(limited.port(), "example.test")).startsWith("Domain Name:");
      assertThat(query(limited.port(), "nothing.test")).startsWith("No match");
      assertThat(query(limited.port(), "example.test"))
          .isEqualTo("%% Query rate limit exceeded. Try again in 60 seconds.\r\n");
      assertThat(limited.metrics().get("rateLimited")).isEqualTo(1);
      assertThat(limited.metrics().get("queries")).isEqualTo(3);
    }
  }

  @Test
  void proxyProtocolV2_clientAddressFromTheHeaderIsRateLimited() throws Exception {
    try (WhoisServer proxied = start(base().withProxyProtocol(true).withRateLimit(1, 1))) {
      int port = proxied.port();
      assertThat(send(port, withQuery(ProxyV2.proxy("198.51.100.7", 40000), "example.test")))
          .startsWith("Domain Name: example.test");
      assertThat(send(port, withQuery(ProxyV2.proxy("198.51.100.7", 40001), "example.test")))
          .startsWith("%% Query rate limit exceeded.");
      // Same real peer (127.0.0.1), another client in the header: not limited.
      assertThat(send(port, withQuery(ProxyV2.proxy("198.51.100.8", 40002), "example.test")))
          .startsWith("Domain Name: example.test");
      // Without a header the connection did not come through the load balancer: closed unanswered.
      assertThat(query(port, "example.test and some more text")).isEmpty();
      // The load balancer's health check (LOCAL) is served, keyed by the peer address.
      assertThat(send(port, withQuery(ProxyV2.local(), "registrar 9097")))
          .startsWith("Registrar: Registrar reg-a");
      assertThat(send(port, withQuery(ProxyV2.proxy("198.51.100.9", 40003), "bücher.test")))
          .startsWith("Domain Name: xn--bcher-kva.test");
    }
  }

  static byte[] withQuery(byte[] header, String q) {
    byte[] query = (q + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[header.length + query.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(query, 0, out, header.length, query.length);
    return out;
  }

  @Test
  void readTimeout_closesSilentAndTricklingClients() throws Exception {
    try (WhoisServer quick = start(base().withReadTimeout(Duration.ofMillis(300)))) {
      long started = System.nanoTime();
      assertThat(send(quick.port(), new byte[0])).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      try (Socket s = new Socket("127.0.0.1", quick.port())) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write("exam".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(200);
        out.write("ple".getBytes(StandardCharsets.US_ASCII));
        assertThat(readToEnd(s.getInputStream())).isEmpty();
      }
      assertThat(quick.metrics().get("timeouts")).isEqualTo(2);
      assertThat(query(quick.port(), "example.test")).startsWith("Domain Name: example.test");
    }
  }

  @Test
  void metrics_countQueriesByTypeAndRefusals() throws Exception {
    try (WhoisServer counted = start(base())) {
      int port = counted.port();
      query(port, "example.test");
      query(port, "nothing.test");
      query(port, "nameserver ns1.example.test");
      query(port, "registrar reg-a");
      query(port, "-bad-.test");
      query(port, "x".repeat(256));
      assertThat(counted.metrics().snapshot())
          .containsEntry("queries", 6L)
          .containsEntry("domain", 2L)
          .containsEntry("nameserver", 1L)
          .containsEntry("registrar", 1L)
          .containsEntry("notFound", 1L)
          .containsEntry("invalid", 1L)
          .containsEntry("tooLong", 1L)
          .containsEntry("rateLimited", 0L)
          .containsEntry("errors", 0L);
    }
  }

  @Test
  void shutdown_finishesTheQueryInFlightAndTurnsHealthDown() throws Exception {
    WhoisServer s = start(base().withHealthPort(DynamoDbLocal.freePort()));
    int port = s.port();
    URI health = URI.create("http://127.0.0.1:" + s.healthPort() + "/health");
    assertThat(status(health)).isEqualTo(200);
    try (Socket inFlight = new Socket("127.0.0.1", port)) {
      inFlight.setSoTimeout(10_000);
      inFlight.getOutputStream().write("example.te".getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(100);
      Thread closer = new Thread(s::close);
      closer.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (s.serving() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(status(health)).isEqualTo(503);
      Thread.sleep(200);
      assertThatThrownBy(() -> query(port, "example.test")).isInstanceOf(ConnectException.class);
      inFlight.getOutputStream().write("st\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(readToEnd(inFlight.getInputStream())).startsWith("Domain Name: example.test");
      closer.join(5000);
      assertThat(closer.isAlive()).isFalse();
    }
    assertThatThrownBy(() -> status(health)).isInstanceOf(ConnectException.class);
  }

  static int status(URI uri) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setConnectTimeout(2000);
    c.setReadTimeout(2000);
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  @Test
  void portInUse_failsToStartAndLeavesNoThreadRunning() throws Exception {
    long before = nonDaemonThreads();
    WhoisServer second =
        new WhoisServer(
            base().withBind("127.0.0.1", server.port()),
            new WhoisResponder(t.ctx, WhoisConfig.DEFAULT_TERMS));
    assertThatThrownBy(second::start).isInstanceOf(java.net.BindException.class);
    second.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (nonDaemonThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(nonDaemonThreads()).isLessThanOrEqualTo(before);
    assertThat(query(server.port(), "example.test")).startsWith("Domain Name: example.test");
  }

  static long nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(th -> th.isAlive() && !th.isDaemon())
        .count();
  }

  @Test
  void debianWhoisClient_readsTheAnswer() throws Exception {
    Path whois = Path.of("/usr/bin/whois");
    assumeTrue(
        Files.isExecutable(whois), "the whois command (Debian package whois) is not installed");
    Process p =
        new ProcessBuilder(
                whois.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(server.port()),
                "bücher.test")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out)
        .contains(
            "Domain Name: xn--bcher-kva.test",
            "Internationalized Domain Name: bücher.test",
            "DNSSEC: unsigned");
  }
}
