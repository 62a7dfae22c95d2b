package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainCreate;

class LocalRegistryIT {
  @TempDir Path dir;

  @Test
  void startsSeedsAndKeepsDataAcrossRestart() throws Exception {
    var options = new LocalRegistry.Options(false, dir.resolve("data"), 0, "TEST");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LocalRegistry first = new LocalRegistry(options).start(new PrintStream(out, true))) {
      assertThat(first.seeded().createdNow()).isTrue();
      var reg = first.registry();
      assertThat(reg.tlds.find("test")).isPresent();
      String fingerprint = org.opentld.registry.epp.Certificates.fingerprint(
          org.opentld.registry.epp.Certificates.readCertificates(first.epp().clientPem()).get(0));
      assertThat(reg.auth.authenticate(DemoData.REGISTRAR_ID, DemoData.REGISTRAR_PASSWORD, fingerprint, "127.0.0.1").id())
          .isEqualTo(DemoData.REGISTRAR_ID);
      reg.domainCreate.create(
          Caller.registrar(DemoData.REGISTRAR_ID, "c1", "s1"),
          new DomainCreate.Command("kept.test", 1, null, Map.of(), List.of(), List.of(), "x-auth-123", null));
      first.printSummary(new PrintStream(out, true));
    }
    assertThat(out.toString()).contains("[1/3]", "demo-registrar", "admin");
    assertThat(Files.list(dir.resolve("data")).count()).isPositive();

    try (LocalRegistry second = new LocalRegistry(options).start(new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(second.seeded().createdNow()).isFalse();
      assertThat(second.registry().context().findDomain("kept.test")).isPresent();
    }
  }

  @Test
  void inMemoryStartsEmptyEachTime() throws Exception {
    var options = new LocalRegistry.Options(true, dir, 0, "TEST");
    try (LocalRegistry a = new LocalRegistry(options).start(new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(a.seeded().createdNow()).isTrue();
    }
    try (LocalRegistry b = new LocalRegistry(options).start(new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(b.seeded().createdNow()).isTrue();
    }
  }

  @Test
  void unknownOptionSaysWhatToDo() {
    assertThatThrownBy(() -> LocalRegistry.Options.parse(new String[] {"--bogus"}))
        .hasMessageContaining("unknown option '--bogus'")
        .hasMessageContaining("usage:");
  }
}
