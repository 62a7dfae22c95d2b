package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.testing.TestRegistry;

/**
 * Hostile and broken input over real TLS: bad frame lengths, truncated frames, non-XML,
 * DTDs and entities, schema-invalid XML; the server answers 2001 or drops the connection,
 * leaks nothing, and keeps serving new sessions. Also idle timeout and PROXY protocol v2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EppHostileInputIT {
  static final String PW = "epp-pass-123";
  Path dir;
  TestRegistry t;
  EppServer server;
  int port;
  Path ca;
  Path cert;
  Path key;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    t = TestRegistry.seeded();
    Certificates.Issued root = Certificates.ca("Test EPP CA");
    Certificates.server(root, "localhost", "localhost", "127.0.0.1")
        .write(dir.resolve("server.pem"), dir.resolve("server.key"));
    Certificates.Issued a = Certificates.client(root, "registrar A");
    ca = dir.resolve("ca.pem");
    root.write(ca, dir.resolve("ca.key"));
    cert = dir.resolve("a.pem");
    key = dir.resolve("a.key");
    a.write(cert, key);
    Caller admin = Caller.admin("test-admin", "SV-SEED");
    t.registry.registrars.create(admin, "epp-a", "A", null, PW, Set.of(a.fingerprint()),
        List.of(), "USD", 0, "a@example.net", "abuse@example.net");
    t.registry.registrars.create(admin, "epp-net", "Net", null, PW, Set.of(a.fingerprint()),
        List.of("192.0.2.0/24"), "USD", 0, "n@example.net", "abuse@example.net");
    server = new EppServer(EppServerIT.config(dir, Duration.ofMinutes(5), false), t.registry,
        t.clock);
    port = server.start();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** After every hostile input the server still greets and logs in a new session. */
  @AfterEach
  void serverStillServes() throws IOException {
    try (EppClient c = connect()) {
      assertThat(c.greeting()).contains("<greeting>");
      assertThat(code(c.login("epp-a", PW, null, List.of(EppNs.DOMAIN), List.of())))
          .isEqualTo(1000);
    }
  }

  EppClient connect() throws IOException {
    return EppClient.connect("127.0.0.1", port, cert, key, ca);
  }

  static byte[] header(int length) {
    return ByteBuffer.allocate(4).putInt(length).array();
  }

  @Test
  void frameLengthZeroOrBelowFourClosesTheConnection() throws IOException {
    for (int len : new int[] {0, 2, -5}) {
      try (EppClient c = connect()) {
        c.writeRaw(header(len));
        assertThat(c.readFrame()).as("length " + len).isNull();
      }
    }
  }

  @Test
  void frameOverTheMaximumClosesTheConnection() throws IOException {
    try (EppClient c = connect()) {
      c.writeRaw(header(8193));
      c.writeRaw(new byte[100]);
      assertThat(c.readFrame()).isNull();
    }
  }

  @Test
  void truncatedFrameThenClientCloses() throws IOException {
    try (EppClient c = connect()) {
      c.writeRaw(header(500));
      c.writeRaw("<?xml version=\"1.0\"?><epp".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void emptyFrameAndNonXmlAre2001_andTheSessionGoesOn() throws IOException {
    try (EppClient c = connect()) {
      assertThat(code(c.send(""))).isEqualTo(2001);
      assertThat(code(c.send("this is not XML at all"))).isEqualTo(2001);
      assertThat(code(c.send("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>"))).isEqualTo(2001);
      assertThat(code(c.login("epp-a", PW, null, List.of(EppNs.DOMAIN), List.of()))).isEqualTo(1000);
    }
  }

  @Test
  void billionLaughsIs2001WithoutExpansion() throws IOException {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      sb.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    sb.append("]><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello>&lol9;</hello></epp>");
    try (EppClient c = connect()) {
      String r = c.send(sb.toString());
      assertThat(code(r)).isEqualTo(2001);
      assertThat(r).doesNotContain("lollol").hasSizeLessThan(2000);
    }
  }

  @Test
  void externalEntityIs2001AndLeaksNothing() throws IOException {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE epp [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><login><clID>&x;</clID>"
        + "<pw>abcdefgh</pw><options><version>1.0</version><lang>en</lang></options><svcs>"
        + "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"
        + "<clTRID>XXE-1</clTRID></command></epp>";
    try (EppClient c = connect()) {
      String r = c.send(xxe);
      assertThat(code(r)).isEqualTo(2001);
      assertThat(r).doesNotContain("root:").doesNotContain("/bin/");
      String param = "<?xml version=\"1.0\"?><!DOCTYPE epp [<!ENTITY % p SYSTEM "
          + "\"http://127.0.0.1:9/x.dtd\"> %p;]><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">"
          + "<hello/></epp>";
      assertThat(code(c.send(param))).isEqualTo(2001);
    }
  }

  @Test
  void schemaInvalidIs2001BeforeAnyRegistryCode() throws IOException {
    try (EppClient c = connect()) {
      assertThat(code(c.login("epp-a", PW, null, List.of(EppNs.DOMAIN), List.of())))
          .isEqualTo(1000);
      String noAuthInfo = c.command("<create><domain:create xmlns:domain=\"" + EppNs.DOMAIN
          + "\"><domain:name>invalid.test</domain:name></domain:create></create>", null);
      String r = c.send(noAuthInfo);
      assertThat(code(r)).isEqualTo(2001);
      assertThat(r).contains("<clTRID>CL-2</clTRID>");
      String badPeriod = c.command("<create><domain:create xmlns:domain=\"" + EppNs.DOMAIN
          + "\"><domain:name>invalid.test</domain:name><domain:period unit=\"y\">100"
          + "</domain:period><domain:authInfo><domain:pw>x</domain:pw></domain:authInfo>"
          + "</domain:create></create>", null);
      assertThat(code(c.send(badPeriod))).isEqualTo(2001);
      String deep = "<a>".repeat(100) + "</a>".repeat(100);
      assertThat(code(c.send(deep))).isEqualTo(2001);
      assertThat(t.ctx.findDomain("invalid.test")).isEmpty();
    }
  }

  @Test
  void idleSessionIsClosedWithoutAResponse() throws Exception {
    try (EppServer idle = new EppServer(
        EppServerIT.config(dir, Duration.ofMillis(300), false), t.registry, t.clock)) {
      int p = idle.start();
      try (EppClient c = EppClient.connect("127.0.0.1", p, cert, key, ca)) {
        c.setReadTimeout(5000);
        assertThat(c.readFrame()).isNull();
      }
    }
  }

  @Test
  void proxyProtocolV2GivesTheSourceAddressForTheAllowlist() throws Exception {
    try (EppServer proxied = new EppServer(
        EppServerIT.config(dir, Duration.ofMinutes(1), true), t.registry, t.clock)) {
      int p = proxied.start();
      try (EppClient c = EppClient.connect("127.0.0.1", p, cert, key, ca,
          proxyV2("192.0.2.55"))) {
        assertThat(code(c.login("epp-net", PW, null, List.of(EppNs.DOMAIN), List.of())))
            .isEqualTo(1000);
      }
      try (EppClient c = EppClient.connect("127.0.0.1", p, cert, key, ca,
          proxyV2("198.51.100.7"))) {
        assertThat(code(c.login("epp-net", PW, null, List.of(EppNs.DOMAIN), List.of())))
            .isEqualTo(2200);
      }
    }
  }

  /** A PROXY protocol v2 header for TCP over IPv4 from {@code source} (spec §2.2). */
  static byte[] proxyV2(String source) throws IOException {
    byte[] sig = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    ByteBuffer b = ByteBuffer.allocate(16 + 12);
    b.put(sig).put((byte) 0x21).put((byte) 0x11).putShort((short) 12);
    b.put(((Inet4Address) InetAddress.getByName(source)).getAddress());
    b.put(InetAddress.getByName("10.0.0.1").getAddress());
    b.putShort((short) 40000).putShort((short) 700);
    return b.array();
  }
}
