package org.opentld.registry.functions.jobs.rde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.TypeScan;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.Tld;

/**
 * Escrow end to end: a registry with registrars, contacts, hosts and domains in every state
 * (IDN, DS, client statuses, pending transfer, redemption) is deposited, the stored file is
 * decrypted and checked, and the deposit is imported into an empty registry where every
 * object must come back field by field (except what escrow does not carry: authInfo, grace
 * period charges, registrar credentials and money).
 */
class EscrowRoundTripIT {
  private static TestRegistry source;
  private static RdeSetup setup;
  private static JobReport report;
  private static DepositFiles.Name name;
  private static String xml;

  @BeforeAll
  static void deposit() {
    source = RdeFixtures.registry();
    setup = RdeFixtures.setup(source);
    report = new EscrowJob(setup).run(RdeFixtures.run(source, Map.of("mode", "full")));
    name = setup.files(false).list("test").get(0);
    xml = RdeFixtures.xml(setup, name);
  }

  @Test
  void success_fullDepositIsStoredSignedVerifiedAndNamedAsIcannAsks() {
    assertThat(report.ok()).as(report.notes().toString()).isTrue();
    assertThat(report.changed()).isEqualTo(1);
    assertThat(name.ryde()).isEqualTo("test_2026-03-17_full_S1_R0.ryde");
    assertThat(setup.files(false).verified(name)).isTrue();
    assertThat(report.notes().get(0)).contains("verified");
  }

  @Test
  void success_depositValidatesAndCarriesHeaderCountsAndTheRfc9022Objects() throws Exception {
    RdeSchemas.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(xml)
        .contains("<rde:deposit")
        .contains("type=\"FULL\"")
        .contains("id=\"20260317FULL\"")
        .contains("<rdeHeader:tld>test</rdeHeader:tld>")
        .contains("<rdeHeader:count uri=\"urn:ietf:params:xml:ns:rdeDomain-1.0\">8</rdeHeader:count>")
        .contains("<rdeHeader:count uri=\"urn:ietf:params:xml:ns:rdeRegistrar-1.0\">2")
        .contains("<rdeDomain:uName>bücher.test</rdeDomain:uName>")
        .contains("<secDNS:keyTag>12345</secDNS:keyTag>")
        .contains("<rdeDomain:status s=\"clientHold\"/>")
        .contains("<rdeDomain:rgpStatus s=\"redemptionPeriod\"/>")
        .contains("<rdeDomain:trStatus>pending</rdeDomain:trStatus>")
        .contains("<rdeHost:addr ip=\"v6\">2001:7fd::1</rdeHost:addr>")
        .contains("<rdeIDN:idnTableRef id=\"latn\">")
        .contains("<rdeEppParams:eppParams>")
        .contains("rdePolicy:policy");
  }

  @Test
  void failure_schemaRefusesADepositWithoutItsRequiredParts() {
    String broken = xml.replaceFirst("<rdeDomain:roid>[^<]*</rdeDomain:roid>", "");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RdeSchemas.validate(
            new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(RdeSchemas.Invalid.class)
        .hasMessageContaining("line");
  }

  @Test
  void success_importIntoAnEmptyRegistryRestoresEveryObjectFieldByField() {
    TestRegistry target = new TestRegistry();
    target.clock.set(source.clock.instant());
    Tld tld = source.registry.tlds.find("test").orElseThrow();
    target.registry.tlds.create(Caller.admin("test-admin", "SV-T"), tld);
    Path file = RdeFixtures.write(xml);

    RdeImport.Report r = RdeImport.run(target.registry, file, RdeImport.Options.MIGRATION);

    assertThat(r.skipped()).isEmpty();
    assertThat(r.imported()).containsEntry("domain", 8L).containsEntry("host", 2L)
        .containsEntry("contact", 3L).containsEntry("registrar", 2L);
    assertThat(r.notes()).anyMatch(n -> n.contains("authInfo"));

    for (Domain d : domains(source)) {
      Domain back = target.ctx.domain(d.name());
      assertThat(back).usingRecursiveComparison()
          .ignoringFields("authInfoHash", "gracePeriods", "version", "transfer.fee",
              "subordinateHosts")
          .isEqualTo(d);
      assertThat(back.subordinateHosts()).containsExactlyInAnyOrderElementsOf(
          d.subordinateHosts());
      assertThat(back.authInfoHash()).isNull();
      assertThat(back.effectiveStatuses()).isEqualTo(d.effectiveStatuses());
    }
    for (Host h : hosts(source)) {
      assertThat(target.ctx.host(h.name())).usingRecursiveComparison()
          .ignoringFields("version").isEqualTo(h);
    }
    for (Contact c : contacts(source)) {
      assertThat(target.ctx.contact(c.id())).usingRecursiveComparison()
          .ignoringFields("authInfoHash", "version").isEqualTo(c);
    }
    for (Registrar g : source.registry.registrars.list()) {
      assertThat(target.ctx.registrar(g.id())).usingRecursiveComparison()
          .comparingOnlyFields("id", "name", "ianaId", "status", "email", "phone", "url",
              "whoisServer", "createdAt", "updatedAt", "address.type", "address.street",
              "address.city", "address.sp", "address.pc", "address.cc")
          .isEqualTo(g);
      assertThat(target.ctx.registrar(g.id()).passwordHash()).isNull();
      assertThat(target.ctx.registrar(g.id()).balance()).isZero();
    }
  }

  @Test
  void success_importJobLoadsASignedDepositFromTheBucket() {
    TestRegistry target = new TestRegistry();
    target.registry.tlds.create(Caller.admin("test-admin", "SV-T"),
        source.registry.tlds.find("test").orElseThrow());

    JobReport r = new RdeImportJob(setup).run(new org.opentld.registry.functions.jobs.JobRun(
        target.registry, target.clock.instant(), 0, 1,
        Map.of("bucket", setup.escrowBucket(), "key", name.ryde()), null));

    assertThat(r.ok()).as(r.notes().toString()).isTrue();
    assertThat(r.changed()).isEqualTo(8 + 2 + 3 + 2);
    assertThat(r.notes().get(0)).contains("20260317FULL").contains("FULL");
    assertThat(target.ctx.host("ns1.example.test").linkCount()).isEqualTo(1);
    assertThat(target.ctx.domain("example.test").subordinateHosts())
        .containsExactly("ns1.example.test");
  }

  @Test
  void failure_importJobRefusesADepositWhoseSignatureDoesNotMatch() {
    TestRegistry target = new TestRegistry();
    target.registry.tlds.create(Caller.admin("test-admin", "SV-T"),
        source.registry.tlds.find("test").orElseThrow());
    byte[] ryde = setup.s3().getObjectAsBytes(r -> r.bucket(setup.escrowBucket())
        .key(name.ryde())).asByteArray();
    ryde[ryde.length - 10] ^= 0x40;
    String bad = "tampered_2026-03-17_full_S1_R0";
    setup.s3().putObject(r -> r.bucket(setup.escrowBucket()).key(bad + ".ryde"),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(ryde));
    setup.s3().copyObject(r -> r.sourceBucket(setup.escrowBucket()).sourceKey(name.sig())
        .destinationBucket(setup.escrowBucket()).destinationKey(bad + ".sig"));

    JobReport r = new RdeImportJob(setup).run(new org.opentld.registry.functions.jobs.JobRun(
        target.registry, target.clock.instant(), 0, 1,
        Map.of("bucket", setup.escrowBucket(), "key", bad + ".ryde"), null));

    assertThat(r.ok()).isFalse();
    assertThat(r.notes()).singleElement().asString().startsWith("import failed");
    assertThat(target.registry.registrars.list()).isEmpty();
  }

  @Test
  void failure_importRefusesARegistryThatIsNotEmpty() {
    Path file = RdeFixtures.write(xml);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RdeImport.run(source.registry, file, RdeImport.Options.MIGRATION))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not empty");
  }

  static List<Domain> domains(TestRegistry t) {
    List<Domain> out = new ArrayList<>();
    new TypeScan(t.ctx.store(), 1).forEach("domain", Map.of(), i -> out.add(Items.domain(i)));
    out.sort(Comparator.comparing(Domain::name));
    return out;
  }

  static List<Host> hosts(TestRegistry t) {
    List<Host> out = new ArrayList<>();
    new TypeScan(t.ctx.store(), 1).forEach("host", Map.of(),
        i -> out.add(t.ctx.host(Items.host(i, 0).name())));
    return out;
  }

  static List<Contact> contacts(TestRegistry t) {
    List<Contact> out = new ArrayList<>();
    new TypeScan(t.ctx.store(), 1).forEach("contact", Map.of(),
        i -> out.add(t.ctx.contact(Items.contact(i, 0).id())));
    return out;
  }

  static Set<StatusValue> none() {
    return Set.of();
  }
}
