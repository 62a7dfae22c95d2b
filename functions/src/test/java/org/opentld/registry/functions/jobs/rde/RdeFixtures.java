package org.opentld.registry.functions.jobs.rde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.Disclose;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.functions.jobs.S3Local;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.testing.TestRegistry;

/**
 * Escrow test data: keys generated once per test JVM (RSA 2048, in a temporary key folder, as
 * the local stack does on first use), a fresh S3Mock bucket per setup, and a registry with
 * registrars, contacts, hosts and domains in every state a deposit must carry.
 */
public final class RdeFixtures {
  private static KeyFolderRdeKeys keys;
  private static Path keyFolder;

  private RdeFixtures() {}

  public static synchronized KeyFolderRdeKeys keys() {
    if (keys == null) {
      try {
        keyFolder = Files.createTempDirectory("rde-keys");
        keys = KeyFolderRdeKeys.open(keyFolder, 2048);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  /** The folder of {@link #keys()}, for a child JVM. */
  public static Path keyFolder() {
    keys();
    return keyFolder;
  }

  /** Escrow set up against S3Mock (fresh bucket) and DynamoDB Local, scratch tables by table. */
  public static RdeSetup setup(TestRegistry t) {
    String bucket = S3Local.bucket("escrow");
    try {
      return new RdeSetup(S3Local.client(), DynamoDbLocal.client(), keys(), bucket, bucket, 2,
          DayOfWeek.SUNDAY, "https://nic.{tld}/idn/", t.table + "scratch-",
          Files.createTempDirectory("rde-tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JobRun run(TestRegistry t, Map<String, String> params) {
    return new JobRun(t.registry, t.clock.instant(), 0, 1, params, null);
  }

  /**
   * {@link Fixtures#registry()} (contacts holder-1 and tech-1, external ns1.example.net, signed
   * example.test with its glue host ns1.example.test, second.test, the IDN bücher.test,
   * search1..5.test) plus: a reg-b contact with a loc address and disclose flags, reg-a's postal
   * address, phone, URL and WHOIS server, client statuses on second.test, search1.test pending
   * transfer to reg-a (61 days later), search2.test in redemption.
   */
  public static TestRegistry registry() {
    TestRegistry t = Fixtures.registry();
    Caller admin = Caller.admin("test-admin", "SV-RDE");
    Registrar a = t.registrar("reg-a");
    t.registry.registrars.update(admin, new Registrar(a.id(), a.name(), a.ianaId(), a.status(),
        a.passwordHash(), a.certFingerprints(), a.ipAllowlist(), a.balance(), a.creditLimit(),
        a.currency(), a.email(), "+1.7035555555", "https://reg-a.example", "whois.reg-a.example",
        a.abuseEmail(), a.abusePhone(), a.createdAt(), a.updatedAt(), a.version(),
        new PostalInfo(PostalInfo.Type.INT, null, null, List.of("1 Main St", "Suite 2"),
            "Dulles", "VA", "20166", "US")));
    new ContactCreate(t.ctx).create(TestRegistry.as("reg-b"), new ContactCreate.Command(
        "loc-b1",
        List.of(new PostalInfo(PostalInfo.Type.LOC, "Jürgen Müller", "Bücher GmbH",
            List.of("Hauptstraße 1"), "München", null, "80331", "DE")),
        "+49.8912345", "12", "+49.8912346", null, "jm@example.de", "contact-auth-2",
        new Disclose(false, Set.of("voice", "email", "name:loc"))));
    new DomainUpdate(t.ctx).update(TestRegistry.as("reg-a"), new DomainUpdate.Command(
        "second.test", List.of(), List.of(), List.of(), List.of(),
        Set.of(StatusValue.CLIENT_HOLD, StatusValue.CLIENT_TRANSFER_PROHIBITED), Set.of(),
        null, null, List.of(), List.of(), false));
    t.clock.advance(java.time.Duration.ofDays(61));
    new DomainTransfer(t.ctx).request(TestRegistry.as("reg-a"),
        new DomainTransfer.Request("search1.test", 1, "secret-auth-1", null));
    new DomainDelete(t.ctx).delete(TestRegistry.as("reg-b"), "search2.test");
    t.clock.advance(java.time.Duration.ofHours(1));
    return t;
  }

  /** The XML inside a stored deposit, checked and decrypted with the registry's keys. */
  public static String xml(RdeSetup s, DepositFiles.Name n) {
    try (InputStream ryde = s.s3().getObject(r -> r.bucket(s.escrowBucket()).key(n.ryde()));
        InputStream sig = s.s3().getObject(r -> r.bucket(s.escrowBucket()).key(n.sig()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Ryde.read(ryde, sig, keys().signingPublicKey(), keys().receiverPrivateKey(), out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Ryde.Rejected e) {
      throw new AssertionError(e);
    }
  }

  public static Path write(String xml) {
    try {
      Path p = Files.createTempFile("deposit", ".xml");
      Files.writeString(p, xml, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
