package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.TestRegistry;

/**
 * One EPP server over TLS on 127.0.0.1 with a fresh registry (its own table, fixed clock) and
 * registrars {@code epp-a} and {@code epp-b} (1,000.00 USD each, certificate A and B) and
 * {@code epp-poor} (10.00 USD: one create, certificate A). The
 * certificates are made once per test class ({@link Certs}); a bed per test keeps every test's
 * clock and data its own, so fixture dates do not depend on test order.
 */
final class EppTestBed implements AutoCloseable {
  static final String PW = "epp-pass-123";
  static final List<String> OBJ = List.of(EppNs.DOMAIN);
  static final List<String> EXT = List.of(EppNs.FEE, EppNs.SEC_DNS, EppNs.RGP);

  /** CA, server and two client certificates written under a directory. */
  record Certs(Path dir, Path ca, Path certA, Path keyA, String fpA, Path certB, Path keyB,
      String fpB) {
    static Certs make(Path dir) throws IOException {
      Certificates.Issued root = Certificates.ca("Test EPP CA");
      Certificates.Issued srv = Certificates.server(root, "localhost", "localhost", "127.0.0.1");
      Certificates.Issued a = Certificates.client(root, "registrar A");
      Certificates.Issued b = Certificates.client(root, "registrar B");
      root.write(dir.resolve("ca.pem"), dir.resolve("ca.key"));
      srv.write(dir.resolve("server.pem"), dir.resolve("server.key"));
      a.write(dir.resolve("a.pem"), dir.resolve("a.key"));
      b.write(dir.resolve("b.pem"), dir.resolve("b.key"));
      return new Certs(dir, dir.resolve("ca.pem"), dir.resolve("a.pem"), dir.resolve("a.key"),
          a.fingerprint(), dir.resolve("b.pem"), dir.resolve("b.key"), b.fingerprint());
    }
  }

  final Certs certs;
  final TestRegistry t;
  final EppServer server;
  final int port;

  EppTestBed(Certs certs) throws Exception {
    this.certs = certs;
    this.t = TestRegistry.seeded();
    registrar("epp-a", certs.fpA(), 100_000);
    registrar("epp-b", certs.fpB(), 100_000);
    registrar("epp-poor", certs.fpA(), 1_000);
    EppConfig config = new EppConfig("127.0.0.1", 0, certs.dir().resolve("server.pem"),
        certs.dir().resolve("server.key"), 8192, Duration.ofMinutes(5), false, 3, 4,
        "OpenTLD EPP test");
    this.server = new EppServer(config, t.registry, t.clock);
    this.port = server.start();
  }

  private void registrar(String id, String fingerprint, long deposit) {
    Caller admin = Caller.admin("test-admin", "SV-SEED-" + id);
    t.registry.registrars.create(admin, id, "Registrar " + id, null, PW, Set.of(fingerprint),
        List.of(), "USD", 0, id + "@example.net", "abuse@example.net");
    if (deposit > 0) {
      t.registry.registrars.deposit(admin, id, Money.of(deposit, "USD"), "opening deposit");
    }
  }

  /** A logged-in session of {@code epp-a} or {@code epp-poor} (certificate A) or {@code epp-b}. */
  EppClient session(String id) {
    return session(id, OBJ, EXT);
  }

  EppClient session(String id, List<String> obj, List<String> ext) {
    try {
      boolean b = id.equals("epp-b");
      EppClient c = EppClient.connect("127.0.0.1", port, b ? certs.certB() : certs.certA(),
          b ? certs.keyB() : certs.keyA(), certs.ca());
      assertThat(code(c.login(id, PW, null, obj, ext))).isEqualTo(1000);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The history of an object, oldest first. */
  List<HistoryRecord> history(String roid) {
    return t.ctx.store().queryPrefix(Keys.history(roid), "", 1000).stream()
        .map(Items::history)
        .toList();
  }

  /** Fixture {@code name} with {@code key -> value} replacements applied in order. */
  static String fixture(String name, Map<String, String> replace) {
    String s = EppFixtures.load(name);
    for (var e : replace.entrySet()) {
      assertThat(s).as(name + " contains " + e.getKey()).contains(e.getKey());
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  @Override
  public void close() {
    server.close();
  }
}
