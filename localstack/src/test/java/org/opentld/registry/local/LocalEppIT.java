package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.epp.Certificates;
import org.opentld.registry.epp.client.EppClient;

/** The local stack's EPP server, reached with the shipped {@link EppClient}. */
class LocalEppIT {
  static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";

  @TempDir Path dir;

  @Test
  void inMemoryStackServesEpp_withTheDemoRegistrarsCertificate() throws Exception {
    var options = new LocalRegistry.Options(true, dir, 0, "TEST");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (LocalRegistry local = new LocalRegistry(options).start(new PrintStream(log, true))) {
      LocalEpp epp = local.epp();
      assertThat(epp.generatedCertificates()).isTrue();
      String fp = Certificates.fingerprint(Certificates.readCertificates(epp.clientPem()).get(0));
      assertThat(local.registry().context().registrar(DemoData.REGISTRAR_ID).certFingerprints())
          .contains(fp);

      try (EppClient c = EppClient.connect("127.0.0.1", epp.port(), epp.clientPem(),
          epp.clientKey(), epp.caPem())) {
        String login = c.login(DemoData.REGISTRAR_ID, DemoData.REGISTRAR_PASSWORD, null,
            List.of(DOMAIN), List.of());
        assertThat(login).contains("code=\"1000\"");
        String check = c.check("free-name.test", "example.test");
        assertThat(check).contains("code=\"1000\"")
            .contains("<domain:name avail=\"1\">free-name.test</domain:name>")
            .contains("<domain:name avail=\"0\">example.test</domain:name>");
        assertThat(c.logout()).contains("code=\"1500\"");
      }

      local.printSummary(new PrintStream(log, true));
      String summary = log.toString(StandardCharsets.UTF_8);
      assertThat(summary).contains("EPP on 127.0.0.1:" + epp.port())
          .contains("org.opentld.registry.epp.client.EppClient --host 127.0.0.1 --port "
              + epp.port());

      // The printed command line, run in this JVM (the classpath part aside).
      String cmd = epp.clientCommand("check", "example.test", "free.test");
      assertThat(Files.readString(epp.certDir().resolve("classpath.txt"))).isNotBlank();
      String[] args = cmd.substring(cmd.indexOf("EppClient ") + "EppClient ".length())
          .split(" ");
      PrintStream stdout = System.out;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        EppClient.main(args);
      } finally {
        System.setOut(stdout);
      }
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("code=\"1000\"")
          .contains("<domain:name avail=\"1\">free.test</domain:name>");
    }
  }

  @Test
  void aStackOnADataFolderKeepsItsCertificates() throws Exception {
    var options = new LocalRegistry.Options(false, dir.resolve("data"), 0, "TEST");
    String firstCert;
    try (LocalRegistry first = new LocalRegistry(options).start(new PrintStream(
        new ByteArrayOutputStream()))) {
      assertThat(first.epp().certDir()).isEqualTo(dir.resolve("data").resolve("epp-certs"));
      assertThat(first.epp().generatedCertificates()).isTrue();
      firstCert = Files.readString(first.epp().clientPem());
    }
    try (LocalRegistry second = new LocalRegistry(options).start(new PrintStream(
        new ByteArrayOutputStream()))) {
      assertThat(second.epp().generatedCertificates()).isFalse();
      assertThat(Files.readString(second.epp().clientPem())).isEqualTo(firstCert);
      assertThat(second.registry().context().registrar(DemoData.REGISTRAR_ID)
          .certFingerprints()).hasSize(1);
      try (EppClient c = EppClient.connect("127.0.0.1", second.epp().port(),
          second.epp().clientPem(), second.epp().clientKey(), second.epp().caPem())) {
        assertThat(c.login(DemoData.REGISTRAR_ID, DemoData.REGISTRAR_PASSWORD, null,
            List.of(DOMAIN), List.of())).contains("code=\"1000\"");
      }
    }
  }

  @Test
  void eppPortOption() {
    assertThat(LocalRegistry.Options.parse(new String[] {}).eppPort()).isEqualTo(7000);
    assertThat(LocalRegistry.Options.parse(new String[] {"--epp-port", "0"}).eppPort()).isZero();
  }
}
