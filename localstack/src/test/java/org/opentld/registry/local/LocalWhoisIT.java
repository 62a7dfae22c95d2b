package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainCreate;

class LocalWhoisIT {
  @TempDir Path dir;

  static String whois(int port, String query) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write((query + "\r\n").getBytes(StandardCharsets.UTF_8));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void whoisAnswersFromTheLocalRegistry() throws Exception {
    var options = new LocalRegistry.Options(true, dir, 0, "TEST");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LocalRegistry local = new LocalRegistry(options).start(new PrintStream(out, true))) {
      local
          .registry()
          .domainCreate
          .create(
              Caller.registrar(DemoData.REGISTRAR_ID, "c1", "s1"),
              new DomainCreate.Command(
                  "whois-demo.test", 1, null, Map.of(), List.of(), List.of(), "x-auth-123", null));
      local.printSummary(new PrintStream(out, true));
      int port = local.whoisPort();
      assertThat(port).isPositive();
      assertThat(out.toString()).contains("WHOIS on 127.0.0.1:" + port, "-p " + port);
      assertThat(whois(port, "whois-demo.test"))
          .startsWith("Domain Name: whois-demo.test\r\n")
          .contains("Registrar: Demo Registrar LLC\r\n", "Registrar IANA ID: 9999\r\n");
      assertThat(whois(port, "registrar 9999")).startsWith("Registrar: Demo Registrar LLC\r\n");
    }
  }

  @Test
  void whoisPortOptionDefaultsTo4343() {
    assertThat(LocalRegistry.Options.parse(new String[0]).whoisPort()).isEqualTo(4343);
    assertThat(LocalRegistry.Options.parse(new String[] {"--whois-port", "0"}).whoisPort())
        .isZero();
  }
}
