package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EppConfigTest {
  private static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  @Test
  void pemTextFromSecretsManagerBecomesAnOwnerOnlyFile() throws Exception {
    EppConfig c =
        EppConfig.fromEnvironment(
            Map.of("EPP_CERT_PEM", CERT, "EPP_KEY_PEM", "-----BEGIN PRIVATE KEY-----\\nAAA\\n"));
    assertThat(Files.readString(c.certPem())).isEqualTo(CERT);
    assertThat(Files.readString(c.keyPem())).isEqualTo("-----BEGIN PRIVATE KEY-----\nAAA\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.keyPem())))
        .isEqualTo("rw-------");
  }

  @Test
  void pathsStayPaths() {
    EppConfig c =
        EppConfig.fromEnvironment(Map.of("EPP_CERT_PEM", "/run/cert.pem", "EPP_KEY_PEM", "k.pem"));
    assertThat(c.certPem()).isEqualTo(Path.of("/run/cert.pem"));
    assertThat(c.keyPem()).isEqualTo(Path.of("k.pem"));
  }
}
