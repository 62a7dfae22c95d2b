package org.opentld.registry.functions.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.functions.jobs.JobTesting.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.functions.jobs.JobTesting.Totals;
import org.opentld.registry.functions.mail.MailFolder;
import org.opentld.registry.testing.TestRegistry;

/** E-mail notices: expiry reminders, pending transfers and low balances, each sent once. */
class NotificationsJobIT {
  private static final Caller ADMIN = Caller.admin("test-admin", "SV-T");
  @TempDir Path tmp;
  private TestRegistry t;
  private MailFolder mail;
  private NotificationsJob job;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    mail = new MailFolder(tmp.resolve("mail"));
    job = new NotificationsJob(mail, "registry@nic.test");
  }

  private String text(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> subjects() {
    return mail.messages().stream()
        .map(this::text)
        .map(m -> m.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElseThrow())
        .toList();
  }

  @Test
  void success_expiryRemindersThirtyAndSevenDaysAheadAreEachSentOnce() {
    Domain d = t.createDomain("reg-a", "soon.test", 1);

    t.clock.set(d.expiresAt().minus(Duration.ofDays(31)));
    assertThat(run(t, job, 1)).isEqualTo(new Totals(2, 0, 0)); // the two registrars' balances
    assertThat(mail.messages()).isEmpty();

    t.clock.set(d.expiresAt().minus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 1, 0));
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 0, 0));
    assertThat(mail.messages()).hasSize(1);
    String first = text(mail.messages().get(0));
    assertThat(first)
        .startsWith("Date: Wed, 16 Dec 2026 11:00:00 +0000\r\nFrom: registry@nic.test\r\n")
        .contains("\r\nTo: reg-a@example.net\r\n")
        .contains("\r\nSubject: [registry] soon.test expires in 30 days (2027-01-15)\r\n")
        .contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
        .contains("The domain soon.test, sponsored by reg-a, expires at 2027-01-15T10:00:00Z.");
    assertThat(first.replace("\r\n", "")).doesNotContain("\n");

    t.clock.set(d.expiresAt().minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    assertThat(run(t, job, 1).changed()).isEqualTo(1);
    assertThat(run(t, job, 1).changed()).isZero();
    assertThat(subjects())
        .containsExactly(
            "Subject: [registry] soon.test expires in 30 days (2027-01-15)",
            "Subject: [registry] soon.test expires in 7 days (2027-01-15)");

    // Renewed by its sponsor: next year's reminders are new notices, this year's stay sent.
    t.registry.domainRenew.renew(
        TestRegistry.as("reg-a"),
        new DomainRenew.Command("soon.test", LocalDate.of(2027, 1, 15), 1, null));
    t.clock.set(d.expiresAt().minus(Duration.ofDays(6)));
    assertThat(run(t, job, 1).changed()).isZero();
    assertThat(mail.messages()).hasSize(2);
  }

  @Test
  void success_domainFirstSeenInsideSevenDaysGetsOnlyTheSevenDayReminder() {
    Domain d = t.createDomain("reg-b", "late-notice.test", 1);
    t.clock.set(d.expiresAt().minus(Duration.ofDays(6)));
    assertThat(run(t, job, 1).changed()).isEqualTo(1);
    assertThat(subjects())
        .containsExactly("Subject: [registry] late-notice.test expires in 7 days (2027-01-15)");
    assertThat(text(mail.messages().get(0))).contains("\r\nTo: reg-b@example.net\r\n");
  }

  @Test
  void success_pendingTransferIsToldToTheLosingRegistrarOnce() {
    t.createDomain("reg-a", "move.test", 1);
    t.clock.advance(Duration.ofDays(61));
    DomainTransfer.Result r =
        t.registry.domainTransfer.request(
            TestRegistry.as("reg-b"),
            new DomainTransfer.Request("move.test", null, "secret-auth-1", null));

    assertThat(run(t, job, 2)).isEqualTo(new Totals(3, 1, 0));
    t.clock.advance(Duration.ofDays(1));
    assertThat(run(t, job, 2)).isEqualTo(new Totals(3, 0, 0));

    assertThat(mail.messages())
        .singleElement()
        .satisfies(
            p ->
                assertThat(text(p))
                    .contains("\r\nTo: reg-a@example.net\r\n")
                    .contains(
                        "Subject: [registry] transfer of domain move.test requested by reg-b:"
                            + " answer")
                    .contains("before " + r.transfer().actionBy()));
  }

  @Test
  void success_lowBalanceIsToldOncePerEpisode() {
    t.registry.registrars.create(
        ADMIN,
        "reg-c",
        "Registrar C",
        9003L,
        TestRegistry.PASSWORD,
        Set.of(),
        List.of(),
        "USD",
        0,
        "billing@reg-c.example",
        "abuse@reg-c.example");

    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 1, 0));
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 0, 0));
    assertThat(subjects())
        .containsExactly("Subject: [registry] reg-c: low balance (0.00 USD available)");

    // Funded above the threshold (50.00): the notice is re-armed; spent below it: told again.
    t.registry.registrars.deposit(ADMIN, "reg-c", Money.of(6000, "USD"), "deposit");
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 0, 0));
    t.createDomain("reg-c", "spend1.test", 1);
    t.createDomain("reg-c", "spend2.test", 1);
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 1, 0));
    assertThat(subjects())
        .containsExactly(
            "Subject: [registry] reg-c: low balance (0.00 USD available)",
            "Subject: [registry] reg-c: low balance (40.00 USD available)");
  }

  @Test
  void success_twoOverlappingRunsSendEachNoticeOnce() throws Exception {
    Domain last = null;
    for (int i = 0; i < 12; i++) {
      last = t.createDomain(i % 2 == 0 ? "reg-a" : "reg-b", "many" + i + ".test", 1);
    }
    t.clock.set(last.expiresAt().minus(Duration.ofDays(30)));
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Totals>> runs = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return run(t, job, 2);
              }));
    }
    long sent = runs.get(0).get().changed() + runs.get(1).get().changed();
    assertThat(sent).isEqualTo(12);
    assertThat(mail.messages()).hasSize(12);
  }

  @Test
  void failure_aMailThatCannotBeDeliveredIsRetriedByTheNextRun() throws IOException {
    Domain d = t.createDomain("reg-a", "retry.test", 1);
    t.clock.set(d.expiresAt().minus(Duration.ofDays(7)));
    Files.writeString(tmp.resolve("mail"), "a file where the mail folder should be");

    Totals broken = run(t, job, 1);
    assertThat(broken.failed()).isEqualTo(1);
    assertThat(broken.changed()).isZero();

    Files.delete(tmp.resolve("mail"));
    assertThat(run(t, job, 1)).isEqualTo(new Totals(3, 1, 0));
    assertThat(mail.messages()).hasSize(1);
  }
}
