package org.opentld.registry.functions.jobs.rde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.testing.TestRegistry;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The escrow job over days: a differential deposit holds exactly what changed since the
 * previous one, a day's deposit is made once, a resend makes a new revision, and the verifier
 * fails loudly on a tampered, unsigned, schema-invalid or unrestorable deposit.
 */
class EscrowJobIT {
  /** A registry with one verified full deposit, shared by the tests that only read it. */
  private static TestRegistry shared;
  private static RdeSetup sharedSetup;
  private static String good;

  @org.junit.jupiter.api.BeforeAll
  static void deposit() {
    shared = RdeFixtures.registry();
    sharedSetup = RdeFixtures.setup(shared);
    new EscrowJob(sharedSetup).run(RdeFixtures.run(shared, Map.of("mode", "full")));
    good = RdeFixtures.xml(sharedSetup, sharedSetup.files(false).list("test").get(0));
  }

  @Test
  void success_differentialDepositHoldsOnlyObjectsChangedSinceThePreviousDeposit()
      throws Exception {
    TestRegistry t = RdeFixtures.registry();
    RdeSetup s = RdeFixtures.setup(t);
    assertThat(new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full"))).ok()).isTrue();

    t.clock.advance(Duration.ofDays(1));
    t.createDomain("reg-a", "fresh.test", 1);
    new DomainUpdate(t.ctx).update(TestRegistry.as("reg-a"), new DomainUpdate.Command(
        "example.test", List.of(), List.of(), List.of(), List.of(),
        Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), Set.of(), null, null, List.of(),
        List.of(), false));
    t.createDomain("reg-b", "gone.test", 1);
    new DomainDelete(t.ctx).delete(TestRegistry.as("reg-b"), "gone.test");
    t.clock.advance(Duration.ofMinutes(5));

    JobReport report = new EscrowJob(s).run(RdeFixtures.run(t, Map.of()));

    assertThat(report.ok()).as(report.notes().toString()).isTrue();
    DepositFiles.Name diff = s.files(false).list("test").get(1);
    assertThat(diff.ryde()).isEqualTo("test_2026-03-18_diff_S1_R0.ryde");
    String xml = RdeFixtures.xml(s, diff);
    assertThat(xml).contains("type=\"DIFF\"").contains("prevId=\"20260317FULL\"")
        .contains("<rdeHeader:count uri=\"urn:ietf:params:xml:ns:rdeDomain-1.0\">9<");
    List<String> contents = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    DepositReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
        new DepositReader.Handler() {
          @Override
          public void content(DepositReader.Node n) {
            if (!n.name().equals("header")) {
              contents.add(n.name() + " " + (n.text("name") != null ? n.text("name")
                  : n.text("id")));
            }
          }

          @Override
          public void delete(DepositReader.Node n) {
            deletes.add(n.name() + " " + n.text("name"));
          }
        });
    assertThat(contents).containsExactlyInAnyOrder("domain fresh.test", "domain example.test");
    assertThat(deletes).containsExactly("delete gone.test");
  }

  @Test
  void success_brdaIsAThinDepositOfDomainsAndRegistrarsVerifiedLikeEscrow() {
    JobReport report = new BrdaJob(sharedSetup).run(RdeFixtures.run(shared, Map.of()));

    assertThat(report.ok()).as(report.notes().toString()).isTrue();
    DepositFiles.Name thin = sharedSetup.files(true).latest("test",
        java.time.LocalDate.of(2026, 3, 17), DepositMode.THIN).orElseThrow();
    assertThat(thin.ryde()).isEqualTo("test_2026-03-17_thin_S1_R0.ryde");
    assertThat(sharedSetup.files(true).verified(thin)).isTrue();
    String xml = RdeFixtures.xml(sharedSetup, thin);
    assertThat(xml).contains("id=\"20260317THIN\"")
        .contains("<rdeDomain:name>example.test</rdeDomain:name>")
        .contains("<rdeRegistrar:gurid>9097</rdeRegistrar:gurid>")
        .contains("<rdeHeader:count uri=\"urn:ietf:params:xml:ns:rdeDomain-1.0\">8<")
        .doesNotContain("rdeContact:contact").doesNotContain("rdeHost:host")
        .doesNotContain("<rdeDomain:registrant>");
  }

  @Test
  void success_aDaysDepositIsMadeOnceAndAResendMakesTheNextRevision() {
    TestRegistry t = RdeFixtures.registry();
    RdeSetup s = RdeFixtures.setup(t);
    new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full")));

    JobReport again = new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full")));
    assertThat(again.ok()).isTrue();
    assertThat(again.changed()).isZero();
    assertThat(again.notes()).singleElement().asString().contains("already deposited");

    JobReport resend =
        new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full", "resend", "true")));
    assertThat(resend.ok()).as(resend.notes().toString()).isTrue();
    assertThat(s.files(false).list("test")).extracting(DepositFiles.Name::ryde)
        .containsExactly("test_2026-03-17_full_S1_R0.ryde", "test_2026-03-17_full_S1_R1.ryde");
    assertThat(RdeFixtures.xml(s, s.files(false).list("test").get(1))).contains("resend=\"1\"");
  }

  @Test
  void failure_tamperedDepositFailsVerificationAndIsNotMarkedVerified() {
    TestRegistry t = RdeFixtures.registry();
    RdeSetup s = RdeFixtures.setup(t);
    new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full")));
    DepositFiles.Name n = s.files(false).list("test").get(0);
    byte[] ryde = s.s3().getObjectAsBytes(r -> r.bucket(s.escrowBucket()).key(n.ryde()))
        .asByteArray();
    ryde[ryde.length / 2] ^= 0x01;
    s.s3().putObject(r -> r.bucket(s.escrowBucket()).key(n.ryde()), RequestBody.fromBytes(ryde));
    s.s3().deleteObject(r -> r.bucket(s.escrowBucket()).key(n.verified()));

    // The next run finds the day's deposit stored but not verified, and verifies it again.
    JobReport report = new EscrowJob(s).run(RdeFixtures.run(t, Map.of("mode", "full")));

    assertThat(report.ok()).isFalse();
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.notes()).singleElement().asString()
        .contains("VERIFICATION FAILED at decrypt and check signature");
    assertThat(s.files(false).verified(n)).isFalse();
  }

  @Test
  void failure_depositSignedByAnotherKeyFailsVerification() throws Exception {
    TestRegistry t = shared;
    RdeSetup s = sharedSetup;
    DepositFiles.Name n = new DepositFiles.Name("test", java.time.LocalDate.of(2026, 3, 17),
        DepositMode.FULL, 1, 4);
    PgpKeys.Generated other = PgpKeys.generate("someone else", 2048, java.time.Instant.now());
    store(s, n, good, PgpKeys.privateKey(PgpKeys.secretKey(other.secretArmored()), new char[0]));

    DepositVerifier.Result r = s.verifier(false).verify(n, t.registry.tlds.find("test").get());

    assertThat(r.ok()).isFalse();
    assertThat(r.step()).isEqualTo("decrypt and check signature");
    assertThat(r.reason()).contains("signed by another key");
  }

  @Test
  void failure_schemaInvalidDepositFailsAtValidation() throws Exception {
    TestRegistry t = shared;
    RdeSetup s = sharedSetup;
    DepositFiles.Name n = new DepositFiles.Name("test", java.time.LocalDate.of(2026, 3, 17),
        DepositMode.FULL, 1, 5);
    store(s, n, good.replaceFirst("<rdeDomain:clID>", "<rdeDomain:clid>")
        .replaceFirst("</rdeDomain:clID>", "</rdeDomain:clid>"), RdeFixtures.keys().signingKey());

    DepositVerifier.Result r = s.verifier(false).verify(n, t.registry.tlds.find("test").get());

    assertThat(r.ok()).isFalse();
    assertThat(r.step()).isEqualTo("validate against the RFC 8909/9022 schemas");
  }

  @Test
  void failure_depositThatCannotBeRestoredFailsTheTrialRestore() throws Exception {
    TestRegistry t = shared;
    RdeSetup s = sharedSetup;
    // Valid XML, but reg-b is gone: its contacts and domains cannot be restored.
    String noRegB = good.replaceFirst(
        "<rdeRegistrar:registrar><rdeRegistrar:id>reg-b</rdeRegistrar:id>.*?"
            + "</rdeRegistrar:registrar>", "");
    assertThat(noRegB).isNotEqualTo(good);
    DepositFiles.Name n = new DepositFiles.Name("test", java.time.LocalDate.of(2026, 3, 17),
        DepositMode.FULL, 1, 6);
    store(s, n, noRegB, RdeFixtures.keys().signingKey());

    DepositVerifier.Result r = s.verifier(false).verify(n, t.registry.tlds.find("test").get());

    assertThat(r.ok()).isFalse();
    assertThat(r.step()).isEqualTo("compare restored objects with the header");
    assertThat(r.reason()).contains("not restored").contains("reg-b is not in the deposit");
  }

  /** Stores XML as a signed, encrypted deposit under {@code n}, as the maker would. */
  private static void store(RdeSetup s, DepositFiles.Name n, String xml,
      org.bouncycastle.openpgp.PGPPrivateKey signer) throws Exception {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream ryde = new ByteArrayOutputStream();
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    Ryde.write(ryde, sig, n.base() + ".xml", bytes.length, new ByteArrayInputStream(bytes),
        java.time.Instant.now(), List.of(s.keys().escrowAgentKey(), s.keys().receiverKey()),
        signer);
    s.s3().putObject(r -> r.bucket(s.escrowBucket()).key(n.ryde()),
        RequestBody.fromBytes(ryde.toByteArray()));
    s.s3().putObject(r -> r.bucket(s.escrowBucket()).key(n.sig()),
        RequestBody.fromBytes(sig.toByteArray()));
  }
}
