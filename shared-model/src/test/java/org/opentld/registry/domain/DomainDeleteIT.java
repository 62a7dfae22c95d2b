package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.domain.Domain.ContactType.ADMIN;
import static org.opentld.registry.domain.Domain.ContactType.TECH;
import static org.opentld.registry.testing.LifecycleFixtures.day;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;

class DomainDeleteIT {
  private TestRegistry t;
  private LifecycleFixtures f;
  private DomainDelete delete;
  private final Caller a = TestRegistry.as("reg-a");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    delete = new DomainDelete(t.ctx);
    f.host("reg-a", "ns1.example.net");
    f.contact("reg-a", "c-one");
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  private Domain linkedDomain(String name, int years) {
    return f.domain("reg-a", name, years, "c-one", Map.of(ADMIN, "c-one", TECH, "c-one"),
        List.of("ns1.example.net"));
  }

  @Test
  void success_addGraceDeleteRefundsAndFreesNameAtOnce() {
    Domain d = linkedDomain("quick.test", 2);
    assertThat(f.contactLinks("c-one")).isEqualTo(1);
    t.clock.advance(Duration.ofDays(4));

    DomainDelete.Result r = delete.delete(a, "quick.test");

    assertThat(r.code()).isEqualTo(ResultCode.SUCCESS);
    assertThat(r.deletedNow()).isTrue();
    assertThat(r.refunds()).isEqualTo(Map.of("reg-a", Money.of(2000, "USD")));
    assertThat(t.ctx.findDomain("quick.test")).isEmpty();
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
    LedgerEntry refund = t.ledger("reg-a").get(t.ledger("reg-a").size() - 1);
    assertThat(refund.kind()).isEqualTo("refund");
    assertThat(refund.amount()).isEqualTo(2000);
    assertThat(refund.description()).contains("addPeriod");
    assertThat(f.hostLinks("ns1.example.net")).isZero();
    assertThat(f.linkItems(Keys.host("ns1.example.net"))).isEmpty();
    assertThat(f.contactLinks("c-one")).isZero();
    assertThat(f.linkItems(Keys.contact("c-one"))).isEmpty();
    assertThat(f.historyActions(d.roid())).containsExactlyInAnyOrder("create", "delete");
    assertThat(t.polls("reg-a")).isEmpty();

    // Another registrar can register the name right away.
    Domain again = t.createDomain("reg-b", "quick.test", 1);
    assertThat(again.registrarId()).isEqualTo("reg-b");
    assertThat(again.roid()).isNotEqualTo(d.roid());
  }

  @Test
  void success_addGraceDeleteAlsoRefundsRenewGrace() {
    Domain d = t.createDomain("reg-a", "twice.test", 1);
    new DomainRenew(t.ctx).renew(a, new DomainRenew.Command("twice.test", day(d), 2, null));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 1800);

    DomainDelete.Result r = delete.delete(a, "twice.test");

    assertThat(r.deletedNow()).isTrue();
    assertThat(r.refunds()).isEqualTo(Map.of("reg-a", Money.of(2800, "USD")));
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
    assertThat(t.ctx.findDomain("twice.test")).isEmpty();
  }

  @Test
  void success_deleteOutsideGraceGoesToRedemptionKeepingLinks() {
    Domain d = linkedDomain("slow.test", 1);
    t.clock.advance(Duration.ofDays(20));
    Instant now = t.clock.instant();

    DomainDelete.Result r = delete.delete(a, "slow.test");

    assertThat(r.code()).isEqualTo(ResultCode.SUCCESS_ACTION_PENDING);
    assertThat(r.deletedNow()).isFalse();
    assertThat(r.refunds()).isEmpty();
    Domain stored = t.ctx.domain("slow.test");
    assertThat(stored).isEqualTo(r.domain());
    assertThat(stored.deletedAt()).isEqualTo(now);
    assertThat(stored.redemptionEndsAt()).isEqualTo(now.plus(Duration.ofDays(30)));
    assertThat(stored.purgeAt()).isEqualTo(now.plus(Duration.ofDays(35)));
    assertThat(stored.gracePeriods()).isEmpty();
    assertThat(stored.expiresAt()).isEqualTo(d.expiresAt());
    assertThat(stored.rgpStatuses(now)).containsExactly("redemptionPeriod");
    assertThat(stored.effectiveStatuses()).contains(StatusValue.PENDING_DELETE);
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
    assertThat(f.hostLinks("ns1.example.net")).isEqualTo(1);
    assertThat(f.contactLinks("c-one")).isEqualTo(1);
    assertThat(f.historyActions(d.roid())).containsExactlyInAnyOrder("create", "delete");
    // The name is not free while the domain can still be restored.
    LifecycleFixtures.assertCode(() -> t.createDomain("reg-b", "slow.test", 1),
        ResultCode.OBJECT_EXISTS);
  }

  @Test
  void success_deleteInRenewGraceRefundsOnlyTheRenewal() {
    Domain d = t.createDomain("reg-a", "rg.test", 1);
    t.clock.advance(Duration.ofDays(30));
    new DomainRenew(t.ctx).renew(a, new DomainRenew.Command("rg.test", day(d), 1, null));
    t.clock.advance(Duration.ofDays(2));

    DomainDelete.Result r = delete.delete(a, "rg.test");

    assertThat(r.code()).isEqualTo(ResultCode.SUCCESS_ACTION_PENDING);
    assertThat(r.refunds()).isEqualTo(Map.of("reg-a", Money.of(900, "USD")));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
    assertThat(t.ctx.domain("rg.test").gracePeriods()).isEmpty();
  }

  @Test
  void success_registryDeleteTellsTheSponsor() {
    t.createDomain("reg-a", "ops.test", 1);
    t.clock.advance(Duration.ofDays(10));
    delete.delete(Caller.admin("ops", "SV-OPS"), "ops.test");
    assertThat(t.polls("reg-a")).extracting(PollMessage::kind)
        .containsExactly(PollMessage.Kind.DELETED);
  }

  @Test
  void failure_prohibitingStatusesAndStatesAre2304() {
    t.createDomain("reg-a", "no.test", 1);
    for (StatusValue s : List.of(StatusValue.CLIENT_DELETE_PROHIBITED,
        StatusValue.SERVER_DELETE_PROHIBITED)) {
      f.rewrite("no.test", b -> b.statuses(Set.of(s)));
      f.assertUnchanged("no.test", () -> delete.delete(a, "no.test"),
          ResultCode.STATUS_PROHIBITS_OPERATION);
    }
    Instant now = t.clock.instant();
    f.rewrite("no.test", b -> b.statuses(null).transfer(new PendingTransfer(
        PendingTransfer.TransferStatus.PENDING, "reg-b", now, "reg-a",
        now.plus(Duration.ofDays(5)), 1, null, null)));
    f.assertUnchanged("no.test", () -> delete.delete(a, "no.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    f.rewrite("no.test", b -> b.transfer(null));
    t.clock.advance(Duration.ofDays(6));
    delete.delete(a, "no.test");
    f.assertUnchanged("no.test", () -> delete.delete(a, "no.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);
  }

  @Test
  void failure_subordinateHostsAre2305() {
    t.createDomain("reg-a", "parent.test", 1);
    f.rewrite("parent.test", b -> b.subordinateHosts(List.of("ns1.parent.test")));
    f.assertUnchanged("parent.test", () -> delete.delete(a, "parent.test"),
        ResultCode.ASSOCIATION_PROHIBITS_OPERATION);
  }

  @Test
  void failure_notSponsorIs2201AndMissingIs2303() {
    t.createDomain("reg-a", "mine.test", 1);
    f.assertUnchanged("mine.test", () -> delete.delete(TestRegistry.as("reg-b"), "mine.test"),
        ResultCode.AUTHORIZATION_ERROR);
    f.assertUnchanged("gone.test", () -> delete.delete(a, "gone.test"),
        ResultCode.OBJECT_DOES_NOT_EXIST);
  }
}
