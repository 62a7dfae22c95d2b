package org.opentld.registry.functions.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.functions.jobs.JobTesting.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.PostalInfo;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.functions.jobs.JobTesting.Totals;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;

/**
 * Domains driven through their whole life by the scheduled jobs on a fixed clock: each job run
 * twice (the second changes nothing), overlapping runs, and sharding.
 */
class LifecycleJobsIT {
  private final Job autoRenew = new AutoRenewJob();
  private final Job transfer = new TransferAutoApproveJob();
  private final Job purge = new PurgeJob();
  private final Job restoreDeadline = new RestoreDeadlineJob();
  private TestRegistry t;
  private LifecycleFixtures f;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  private List<LedgerEntry> charges(String registrarId, String kind) {
    return t.ledger(registrarId).stream().filter(e -> kind.equals(e.kind())).toList();
  }

  @Test
  void success_createExpireAutoRenewDeletePurgeFreesTheName() {
    Domain d = t.createDomain("reg-a", "life.test", 1);

    t.clock.set(d.expiresAt().minusSeconds(1));
    assertThat(run(t, autoRenew, 4)).isEqualTo(new Totals(0, 0, 0));

    t.clock.set(d.expiresAt().plus(Duration.ofHours(1)));
    assertThat(run(t, autoRenew, 4)).isEqualTo(new Totals(1, 1, 0));
    assertThat(run(t, autoRenew, 4)).isEqualTo(new Totals(0, 0, 0));
    Domain renewed = t.ctx.domain("life.test");
    assertThat(renewed.expiresAt()).isEqualTo(DomainRules.plusYears(d.expiresAt(), 1));
    assertThat(charges("reg-a", "auto-renew"))
        .singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualTo(-900));
    assertThat(t.polls("reg-a"))
        .extracting(PollMessage::kind)
        .containsExactly(PollMessage.Kind.AUTO_RENEW);

    // Deleted by its sponsor inside the auto-renew grace period: refunded, then redemption.
    t.clock.advance(Duration.ofDays(1));
    t.registry.domainDelete.delete(TestRegistry.as("reg-a"), "life.test");
    Domain deleted = t.ctx.domain("life.test");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);

    t.clock.set(deleted.purgeAt().minusSeconds(1));
    assertThat(run(t, purge, 2)).isEqualTo(new Totals(0, 0, 0));

    t.clock.set(deleted.purgeAt());
    // The other deadline jobs see the due domain and leave it: the rules decide, not the jobs.
    assertThat(run(t, transfer, 2)).isEqualTo(new Totals(1, 0, 0));
    assertThat(run(t, restoreDeadline, 1)).isEqualTo(new Totals(1, 0, 0));
    assertThat(run(t, purge, 2)).isEqualTo(new Totals(1, 1, 0));
    assertThat(run(t, purge, 2)).isEqualTo(new Totals(0, 0, 0));

    assertThat(t.ctx.findDomain("life.test")).isEmpty();
    assertThat(f.historyActions(d.roid()))
        .containsExactlyInAnyOrder("create", "autoRenew", "delete", "purge");
    assertThat(t.polls("reg-a")).extracting(PollMessage::kind).contains(PollMessage.Kind.PURGED);
    Domain again = t.createDomain("reg-b", "life.test", 1);
    assertThat(again.registrarId()).isEqualTo("reg-b");
    assertThat(again.roid()).isNotEqualTo(d.roid());
  }

  @Test
  void success_transferRequestIsApprovedBySilenceAfterFiveDays() {
    t.createDomain("reg-a", "move.test", 1);
    createContact("reg-a", "c-move");
    t.clock.advance(Duration.ofDays(61));
    t.registry.domainTransfer.request(
        TestRegistry.as("reg-b"),
        new DomainTransfer.Request("move.test", null, "secret-auth-1", null));
    t.registry.contactTransfer.request(TestRegistry.as("reg-b"), "c-move", "contact-auth-1");
    Domain pending = t.ctx.domain("move.test");

    t.clock.advance(Duration.ofDays(4));
    assertThat(run(t, transfer, 2)).isEqualTo(new Totals(0, 0, 0));
    assertThat(t.ctx.domain("move.test").registrarId()).isEqualTo("reg-a");

    t.clock.advance(Duration.ofDays(1));
    assertThat(run(t, transfer, 2)).isEqualTo(new Totals(2, 2, 0));
    assertThat(run(t, transfer, 2)).isEqualTo(new Totals(0, 0, 0));

    Domain moved = t.ctx.domain("move.test");
    assertThat(moved.registrarId()).isEqualTo("reg-b");
    assertThat(moved.transferPending()).isFalse();
    assertThat(moved.transferredAt()).isEqualTo(pending.transfer().actionBy());
    assertThat(t.ctx.contact("c-move").registrarId()).isEqualTo("reg-b");
    assertThat(charges("reg-b", "transfer")).hasSize(1);
    assertThat(f.historyActions(moved.roid()))
        .containsExactly("create", "transfer-request", "transfer-auto-approve");
  }

  @Test
  void success_restoreWithoutReportIsCancelledAtTheDeadline() {
    Domain d = t.createDomain("reg-a", "late.test", 1);
    t.clock.advance(Duration.ofDays(10));
    t.registry.domainDelete.delete(TestRegistry.as("reg-a"), "late.test");
    t.clock.advance(Duration.ofDays(2));
    t.registry.domainRestore.request(TestRegistry.as("reg-a"), "late.test");
    Domain requested = t.ctx.domain("late.test");

    t.clock.set(requested.restoreReportDueBy().minusSeconds(1));
    assertThat(run(t, restoreDeadline, 1)).isEqualTo(new Totals(0, 0, 0));
    t.clock.set(requested.restoreReportDueBy());
    assertThat(run(t, purge, 2)).isEqualTo(new Totals(1, 0, 0));
    assertThat(run(t, restoreDeadline, 1)).isEqualTo(new Totals(1, 1, 0));
    assertThat(run(t, restoreDeadline, 1)).isEqualTo(new Totals(0, 0, 0));

    Domain back = t.ctx.domain("late.test");
    assertThat(back.restoreRequestedAt()).isNull();
    assertThat(back.rgpStatuses(t.clock.instant())).containsExactly("redemptionPeriod");
    assertThat(charges("reg-a", "restore")).hasSize(1);
    assertThat(f.historyActions(d.roid()))
        .containsExactly("create", "delete", "restoreRequest", "restoreExpired");

    // The purge job then frees the name on schedule.
    t.clock.set(back.purgeAt());
    assertThat(run(t, purge, 2)).isEqualTo(new Totals(1, 1, 0));
    assertThat(t.ctx.findDomain("late.test")).isEmpty();
  }

  @Test
  void success_twoOverlappingRunsRenewEachDomainOnce() throws Exception {
    List<Domain> domains = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      domains.add(t.createDomain(i % 2 == 0 ? "reg-a" : "reg-b", "over" + i + ".test", 1));
    }
    t.clock.set(domains.get(domains.size() - 1).expiresAt().plus(Duration.ofMinutes(5)));
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Totals>> runs = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      runs.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return run(t, autoRenew, 4);
              }));
    }
    Totals one = runs.get(0).get();
    Totals two = runs.get(1).get();

    assertThat(one.failed() + two.failed()).isZero();
    assertThat(one.changed() + two.changed()).isEqualTo(24);
    assertThat(charges("reg-a", "auto-renew")).hasSize(12);
    assertThat(charges("reg-b", "auto-renew")).hasSize(12);
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 12 * 1000 - 12 * 900);
    for (Domain d : domains) {
      assertThat(t.ctx.domain(d.name()).expiresAt())
          .isEqualTo(DomainRules.plusYears(d.expiresAt(), 1));
    }
    assertThat(t.polls("reg-a"))
        .filteredOn(p -> p.kind() == PollMessage.Kind.AUTO_RENEW)
        .hasSize(12);
  }

  @Test
  void success_segmentsCoverEveryDomainExactlyOnce() {
    Set<String> names = new HashSet<>();
    Domain last = null;
    for (int i = 0; i < 40; i++) {
      last = t.createDomain("reg-a", "shard" + i + ".test", 1);
      names.add(last.name());
    }
    t.clock.set(last.expiresAt().minusSeconds(1));
    for (int segments : List.of(1, 3, 4, 16)) {
      Map<Integer, Set<String>> seen = new ConcurrentHashMap<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        Set<String> mine = ConcurrentHashMap.newKeySet();
        seen.put(s, mine);
        // Nothing is due yet: the job examines the shard's names and changes none. A one-day
        // look-ahead via the clock would renew them; here only the coverage matters.
        JobRun run =
            new JobRun(
                t.registry,
                last.expiresAt(),
                segment,
                segments,
                Map.of(),
                (done, total, note) -> {
                  if (note != null) {
                    mine.add(note);
                  }
                });
        JobReport r = autoRenew.run(run);
        assertThat(r.changed()).isZero();
        assertThat(r.examined()).isEqualTo(mine.size());
      }
      List<String> all = seen.values().stream().flatMap(Set::stream).toList();
      assertThat(all).as(segments + " segments").doesNotHaveDuplicates();
      assertThat(new HashSet<>(all)).as(segments + " segments").isEqualTo(names);
    }
    assertThat(charges("reg-a", "auto-renew")).isEmpty();
  }

  private void createContact(String registrarId, String id) {
    t.registry.contactCreate.create(
        TestRegistry.as(registrarId),
        new ContactCreate.Command(
            id,
            List.of(
                new PostalInfo(
                    PostalInfo.Type.INT,
                    "Jo Doe",
                    null,
                    List.of("1 Main St"),
                    "Dulles",
                    "VA",
                    "20166",
                    "US")),
            "+1.7035555555",
            null,
            null,
            null,
            id + "@example.com",
            "contact-auth-1",
            null));
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
