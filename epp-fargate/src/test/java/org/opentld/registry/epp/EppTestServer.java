package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
 * An EPP server over TLS on 127.0.0.1 on its own seeded registry (DynamoDB Local), with
 * registrars {@code epp-a} and {@code epp-b} (one client certificate each, 1,000.00 USD), for
 * the object command tests.
 */
final class EppTestServer implements AutoCloseable {
  static final String PW = "epp-pass-123";
  static final List<String> ALL_OBJ = List.of(EppNs.DOMAIN, EppNs.HOST, EppNs.CONTACT);

  final TestRegistry t;
  private final EppServer server;
  private final int port;
  private final Path ca;
  private final Map<String, Path[]> certs = new HashMap<>();

  EppTestServer(Path dir) throws Exception {
    t = TestRegistry.seeded();
    Certificates.Issued root = Certificates.ca("Test EPP CA");
    Certificates.Issued srv = Certificates.server(root, "localhost", "localhost", "127.0.0.1");
    ca = dir.resolve("ca.pem");
    root.write(ca, dir.resolve("ca.key"));
    srv.write(dir.resolve("server.pem"), dir.resolve("server.key"));
    for (String id : List.of("epp-a", "epp-b")) {
      Certificates.Issued c = Certificates.client(root, "registrar " + id);
      Path cert = dir.resolve(id + ".pem");
      Path key = dir.resolve(id + ".key");
      c.write(cert, key);
      certs.put(id, new Path[] {cert, key});
      Caller admin = Caller.admin("test-admin", "SV-SEED-" + id);
      t.registry.registrars.create(admin, id, "Registrar " + id, null, PW, Set.of(c.fingerprint()),
          List.of(), "USD", 0, id + "@example.net", "abuse@example.net");
      t.registry.registrars.deposit(admin, id, Money.of(100_000, "USD"), "opening deposit");
    }
    server = new EppServer(EppServerIT.config(dir, Duration.ofMinutes(5), false), t.registry,
        t.clock);
    port = server.start();
  }

  /** A session of registrar {@code id} logged in for {@code objUris} and no extension. */
  EppClient session(String id, List<String> objUris) throws IOException {
    Path[] c = certs.get(id);
    EppClient client = EppClient.connect("127.0.0.1", port, c[0], c[1], ca);
    assertThat(code(client.login(id, PW, null, objUris, List.of()))).isEqualTo(1000);
    return client;
  }

  EppClient session(String id) throws IOException {
    return session(id, ALL_OBJ);
  }

  /** The history of one object (by ROID), oldest first. */
  List<HistoryRecord> history(String roid) {
    return t.ctx.store().queryPrefix(Keys.history(roid), "", 1000).stream()
        .map(Items::history)
        .toList();
  }

  @Override
  public void close() {
    server.close();
  }
}
