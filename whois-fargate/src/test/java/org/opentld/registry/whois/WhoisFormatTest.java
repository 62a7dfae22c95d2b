package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.domain.GracePeriod;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.Registrar;

class WhoisFormatTest {
  private static final Instant NOW = Instant.parse("2026-02-01T12:30:45.678Z");
  private final WhoisFormat format =
      new WhoisFormat("Terms of use: lawful purposes only.\nSecond line.");

  static Registrar registrar() {
    return new Registrar(
        "reg-a",
        "Example Registrar, Inc.",
        9045L,
        Registrar.Status.ACTIVE,
        "hash",
        Set.of(),
        List.of(),
        0,
        0,
        "USD",
        "registrar@reg-a.example",
        "+1.5555550199",
        "https://reg-a.example",
        "whois.reg-a.example",
        "abuse@reg-a.example",
        "+1.5555550100",
        NOW,
        NOW,
        1);
  }

  static Contact owner() {
    return Contact.builder()
        .id("owner-1")
        .roid("C1-TEST")
        .registrarId("reg-a")
        .postalInfo(
            List.of(
                new PostalInfo(
                    PostalInfo.Type.INT,
                    "Alice Private",
                    "Alice Widgets",
                    List.of("1 Secret Lane"),
                    "Montreal",
                    "QC",
                    "H2X 1Y4",
                    "CA")))
        .voice("+1.5145550123")
        .voiceExt("77")
        .email("alice.private@example.org")
        .build();
  }

  static Contact techDisclosingNameAndEmail() {
    return Contact.builder()
        .id("tech-1")
        .postalInfo(
            List.of(
                new PostalInfo(
                    PostalInfo.Type.INT, "Bob Tech", null, List.of(), "Oslo", null, null, "NO")))
        .voice("+47.22334455")
        .email("noc@widgets.example")
        .disclose(new Disclose(true, Set.of("name:int", "email")))
        .build();
  }

  static Domain idnDomain() {
    return Domain.builder()
        .name("xn--bcher-kva.test")
        .roid("0123456789ABCDEF012345-TEST")
        .tld("test")
        .registrarId("reg-a")
        .registrant("owner-1")
        .contacts(Map.of(Domain.ContactType.TECH, "tech-1"))
        .nameservers(List.of("ns1.example.test", "ns2.dns.example"))
        .dsData(List.of(new DsData(12345, 13, 2, "A".repeat(64))))
        .statuses(Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED, StatusValue.CLIENT_HOLD))
        .createdAt(Instant.parse("2026-01-30T10:00:00.123Z"))
        .updatedAt(Instant.parse("2026-01-31T09:15:00Z"))
        .expiresAt(Instant.parse("2027-01-30T10:00:00.123Z"))
        .gracePeriods(
            List.of(
                new GracePeriod(
                    GracePeriod.Type.ADD,
                    Instant.parse("2026-02-04T10:00:00Z"),
                    "reg-a",
                    org.opentld.registry.billing.Money.of(1000, "USD"))))
        .build();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WhoisFormatTest.class.getResourceAsStream("/whois/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\r\n", "\n")
          .replace("\n", "\r\n");
    }
  }

  @Test
  void domainRecordMatchesTheSpec4Layout() throws IOException {
    String text =
        format.domain(
            idnDomain(),
            registrar(),
            List.of(
                new WhoisFormat.RoleContact("Registrant", owner()),
                new WhoisFormat.RoleContact("Tech", techDisclosingNameAndEmail())),
            NOW);
    assertThat(text).isEqualTo(resource("domain_idn.txt"));
  }

  @Test
  void personalDataOfTheRegistrantNeverAppears() {
    String text =
        format.domain(
            idnDomain(),
            registrar(),
            List.of(new WhoisFormat.RoleContact("Registrant", owner())),
            NOW);
    assertThat(text)
        .doesNotContain(
            "Alice Private",
            "alice.private@example.org",
            "5145550123",
            "Secret Lane",
            "H2X",
            "Montreal",
            "owner-1")
        .contains(
            "Registrant Organization: Alice Widgets",
            "Registrant Country: CA",
            "Registrant State/Province: QC");
  }

  @Test
  void unsignedDomainWithoutNameserversIsInactive() {
    Domain d =
        idnDomain().toBuilder()
            .name("plain.test")
            .dsData(List.of())
            .nameservers(List.of())
            .statuses(Set.of())
            .gracePeriods(List.of())
            .build();
    String text =
        format.domain(
            d, registrar(), List.of(new WhoisFormat.RoleContact("Registrant", null)), NOW);
    assertThat(text)
        .startsWith("Domain Name: plain.test\r\nRegistry Domain ID:")
        .doesNotContain("Internationalized Domain Name", "Name Server:")
        .contains(
            "Domain Status: inactive https://icann.org/epp#inactive\r\n",
            "DNSSEC: unsigned\r\n",
            "Registrant Name:\r\n");
  }

  @Test
  void hostRecord() {
    Host h =
        Host.builder()
            .name("ns1.example.test")
            .registrarId("reg-a")
            .inetV4(List.of("1.2.3.4"))
            .inetV6(List.of("2001:4860::1"))
            .build();
    assertThat(format.host(h, registrar(), NOW))
        .startsWith(
            String.join(
                "\r\n",
                "Server Name: ns1.example.test",
                "IP Address: 1.2.3.4",
                "IP Address: 2001:4860::1",
                "Registrar: Example Registrar, Inc.",
                "Registrar WHOIS Server: whois.reg-a.example",
                "Registrar URL: https://reg-a.example",
                ">>> Last update of WHOIS database: 2026-02-01T12:30:45Z <<<",
                "",
                "Terms of use: lawful purposes only.",
                "Second line.",
                ""));
  }

  @Test
  void registrarRecord() {
    assertThat(format.registrar(registrar(), NOW))
        .startsWith(
            String.join(
                "\r\n",
                "Registrar: Example Registrar, Inc.",
                "Registrar IANA ID: 9045",
                "Phone Number: +1.5555550199",
                "Email: registrar@reg-a.example",
                "Registrar WHOIS Server: whois.reg-a.example",
                "Referral URL: https://reg-a.example",
                "Registrar Abuse Contact Email: abuse@reg-a.example",
                "Registrar Abuse Contact Phone: +1.5555550100",
                ">>> Last update of WHOIS database: 2026-02-01T12:30:45Z <<<",
                ""));
  }

  @Test
  void notFound() {
    assertThat(format.notFound("nothing.test", NOW))
        .startsWith(
            "No match for \"nothing.test\".\r\n"
                + ">>> Last update of WHOIS database: 2026-02-01T12:30:45Z <<<\r\n");
  }
}
