package org.opentld.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.domain.Domain.ContactType.ADMIN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainRestore;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;

/** Redemption, pendingDelete and purge, and the restore report deadline (RFC 3915 §3.2). */
class RedemptionLifecycleIT {
  private final Caller job = Caller.system("lifecycle", "SV-JOB");
  private final Caller a = TestRegistry.as("reg-a");
  private TestRegistry t;
  private LifecycleFixtures f;
  private Purge purge;
  private RestoreDeadline deadline;
  private Due due;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    purge = new Purge(t.ctx);
    deadline = new RestoreDeadline(t.ctx);
    due = new Due(t.ctx);
    f.host("reg-a", "ns1.example.net");
    f.contact("reg-a", "c-one");
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  private Domain deleteAfter(String name, int days) {
    f.domain("reg-a", name, 1, "c-one", Map.of(ADMIN, "c-one"), List.of("ns1.example.net"));
    t.clock.advance(Duration.ofDays(days));
    new DomainDelete(t.ctx).delete(a, name);
    return t.ctx.domain(name);
  }

  @Test
  void success_redemptionThenPendingDeleteThenPurgeFreesTheName() {
    Domain del = deleteAfter("old.test", 10);
    assertThat(due.names(del.purgeAt().minusSeconds(1), 100)).isEmpty();

    t.clock.set(del.redemptionEndsAt());
    assertThat(t.ctx.domain("old.test").rgpStatuses(t.clock.instant()))
        .containsExactly("pendingDelete");
    f.assertUnchanged("old.test", () -> new DomainRestore(t.ctx).request(a, "old.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);
    assertThat(purge.purgeIfDue(job, "old.test")).isFalse();

    t.clock.set(del.purgeAt());
    assertThat(due.names(t.clock.instant(), 100))
        .containsExactly(new Due.Entry("domain", "old.test", del.purgeAt()));

    assertThat(purge.purgeIfDue(job, "old.test")).isTrue();

    assertThat(t.ctx.findDomain("old.test")).isEmpty();
    assertThat(f.hostLinks("ns1.example.net")).isZero();
    assertThat(f.linkItems(Keys.host("ns1.example.net"))).isEmpty();
    assertThat(f.contactLinks("c-one")).isZero();
    assertThat(t.polls("reg-a")).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(PollMessage.Kind.PURGED);
      assertThat(p.objectName()).isEqualTo("old.test");
    });
    assertThat(f.historyActions(del.roid())).containsExactlyInAnyOrder("create", "delete", "purge");
    assertThat(due.names(t.clock.instant(), 100)).isEmpty();
    assertThat(purge.purgeIfDue(job, "old.test")).isFalse();

    // The name is available: another registrar registers it.
    Domain fresh = t.createDomain("reg-b", "old.test", 1);
    assertThat(fresh.registrarId()).isEqualTo("reg-b");
    assertThat(fresh.isDeleted()).isFalse();
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
    assertThat(t.balance("reg-b")).isEqualTo(100_000 - 1000);
  }

  @Test
  void success_missedRestoreReportRevertsToRedemptionWithoutRefund() {
    Domain del = deleteAfter("miss.test", 10);
    t.clock.advance(Duration.ofDays(3));
    new DomainRestore(t.ctx).request(a, "miss.test");
    Domain pending = t.ctx.domain("miss.test");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 4000);

    // Not purged and not reverted while the restore is pending and its report not yet due.
    t.clock.advance(Duration.ofDays(6));
    assertThat(deadline.expireIfDue(job, "miss.test")).isFalse();
    assertThat(purge.purgeIfDue(job, "miss.test")).isFalse();

    t.clock.set(pending.restoreReportDueBy());
    assertThat(due.names(t.clock.instant(), 100))
        .containsExactly(new Due.Entry("domain", "miss.test", pending.restoreReportDueBy()));
    assertThat(deadline.expireIfDue(job, "miss.test")).isTrue();

    Domain back = t.ctx.domain("miss.test");
    assertThat(back.restoreRequestedAt()).isNull();
    assertThat(back.restoreReportDueBy()).isNull();
    assertThat(back.deletedAt()).isEqualTo(del.deletedAt());
    assertThat(back.rgpStatuses(t.clock.instant())).containsExactly("redemptionPeriod");
    assertThat(back.nextActionAt()).isEqualTo(del.purgeAt());
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 4000);
    assertThat(t.polls("reg-a")).extracting(PollMessage::kind)
        .containsExactly(PollMessage.Kind.INFO);
    assertThat(deadline.expireIfDue(job, "miss.test")).isFalse();
    f.assertUnchanged("miss.test",
        () -> new DomainRestore(t.ctx).report(a, "miss.test", null),
        ResultCode.MISSING_PARAMETER);

    // Still restorable while redemption lasts; then purged on schedule.
    t.clock.set(del.purgeAt());
    assertThat(purge.purgeIfDue(job, "miss.test")).isTrue();
    assertThat(t.ctx.findDomain("miss.test")).isEmpty();
  }

  @Test
  void success_restoreReportInTimeStopsThePurge() {
    Domain del = deleteAfter("keep.test", 10);
    new DomainRestore(t.ctx).request(a, "keep.test");
    new DomainRestore(t.ctx).report(a, "keep.test", new DomainRestore.RestoreReport(
        "pre", "post", del.deletedAt(), t.clock.instant(), "mistake", List.of("s1", "s2"), null));
    t.clock.set(del.purgeAt().plus(Duration.ofDays(1)));
    assertThat(purge.purgeIfDue(job, "keep.test")).isFalse();
    assertThat(deadline.expireIfDue(job, "keep.test")).isFalse();
    assertThat(t.ctx.domain("keep.test").isDeleted()).isFalse();
    assertThat(due.names(t.clock.instant(), 100)).isEmpty();
    assertThat(f.hostLinks("ns1.example.net")).isEqualTo(1);
  }

  @Test
  void success_dueIndexSkipsLiveDomainsAndRespectsTheBound() {
    t.createDomain("reg-a", "live.test", 1);
    Domain del = deleteAfter("dead.test", 10);
    Instant at = del.purgeAt();
    assertThat(due.names(at, 100)).extracting(Due.Entry::name).containsExactly("dead.test");
    assertThat(due.names(at.minusNanos(1000), 100)).isEmpty();
    assertThat(due.names(at.minusSeconds(1).atZone(java.time.ZoneOffset.UTC).toLocalDate()
        .plusDays(1), at.plus(Duration.ofDays(2)), 100)).isEmpty();
  }
}
