package org.opentld.registry.whois;

import java.util.List;
import java.util.Map;
import org.opentld.registry.common.Caller;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.testing.TestRegistry;

/**
 * The data the WHOIS tests and the benchmark query: reg-a with public contact data; contacts
 * owner-1, admin-1, tech-1; external hosts ns1/ns2.dns.example; {@code example.test} (all three
 * contacts, two nameservers, one DS record); host {@code ns1.example.test} with glue; and the IDN
 * {@code bücher.test} delegated to it.
 */
final class WhoisFixtures {
  static final String OWNER_NAME = "Alice Private";
  static final String OWNER_EMAIL = "alice.private@example.org";
  static final String OWNER_PHONE = "+1.5145550123";

  private WhoisFixtures() {}

  /** Seeds the data; returns {@code example.test}. */
  static Domain seed(TestRegistry t) {
    Caller admin = Caller.admin("test-admin", "SV-WHOIS");
    Registrar r = t.registrar("reg-a");
    t.registry.registrars.update(
        admin,
        new Registrar(
            r.id(),
            r.name(),
            r.ianaId(),
            r.status(),
            r.passwordHash(),
            r.certFingerprints(),
            r.ipAllowlist(),
            r.balance(),
            r.creditLimit(),
            r.currency(),
            r.email(),
            "+1.5555550199",
            "https://reg-a.example",
            "whois.reg-a.example",
            r.abuseEmail(),
            "+1.5555550100",
            r.createdAt(),
            r.updatedAt(),
            r.version()));
    Caller a = TestRegistry.as("reg-a");
    ContactCreate contacts = new ContactCreate(t.ctx);
    contacts.create(a, contact("owner-1", OWNER_NAME, OWNER_EMAIL, OWNER_PHONE));
    contacts.create(a, contact("admin-1", "Adam Admin", "adam@example.org", "+1.5145550124"));
    contacts.create(a, contact("tech-1", "Tess Tech", "tess@example.org", "+1.5145550125"));
    HostCreate hosts = new HostCreate(t.ctx);
    hosts.create(a, new HostCreate.Command("ns1.dns.example", List.of()));
    hosts.create(a, new HostCreate.Command("ns2.dns.example", List.of()));
    Domain example =
        t.registry
            .domainCreate
            .create(
                a,
                new DomainCreate.Command(
                    "example.test",
                    1,
                    "owner-1",
                    Map.of(Domain.ContactType.ADMIN, "admin-1", Domain.ContactType.TECH, "tech-1"),
                    List.of("ns1.dns.example", "ns2.dns.example"),
                    List.of(new DsData(12345, 13, 2, "AB".repeat(32))),
                    "auth-code-1",
                    null))
            .domain();
    hosts.create(a, new HostCreate.Command("ns1.example.test", List.of("1.2.3.4", "2001:4860::1")));
    t.registry.domainCreate.create(
        a,
        new DomainCreate.Command(
            "bücher.test",
            1,
            "owner-1",
            Map.of(),
            List.of("ns1.example.test"),
            List.of(),
            "auth-code-2",
            null));
    return example;
  }

  static ContactCreate.Command contact(String id, String name, String email, String voice) {
    return new ContactCreate.Command(
        id,
        List.of(
            new PostalInfo(
                PostalInfo.Type.INT,
                name,
                "Widgets Ltd",
                List.of("1 Secret Lane"),
                "Montreal",
                "QC",
                "H2X 1Y4",
                "CA")),
        voice,
        null,
        null,
        null,
        email,
        "contact-auth-1",
        null);
  }
}
