package org.opentld.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.domain.GracePeriod;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class AutoRenewIT {
  private final Caller job = Caller.system("auto-renew", "SV-JOB");
  private TestRegistry t;
  private LifecycleFixtures f;
  private AutoRenew autoRenew;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    autoRenew = new AutoRenew(t.ctx);
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  @Test
  void success_autoRenewAtExpiryCharges900AndAddsAYear() {
    Domain d = t.createDomain("reg-a", "auto.test", 1);
    t.clock.set(d.expiresAt().minusSeconds(1));
    assertThat(autoRenew.renewIfDue(job, "auto.test").outcome()).isEqualTo(AutoRenew.Outcome.NOT_DUE);
    t.clock.set(d.expiresAt().plus(Duration.ofHours(3)));

    AutoRenew.Result r = autoRenew.renewIfDue(job, "auto.test");

    assertThat(r.outcome()).isEqualTo(AutoRenew.Outcome.RENEWED);
    assertThat(r.fee()).isEqualTo(Money.of(900, "USD"));
    Domain stored = t.ctx.domain("auto.test");
    assertThat(stored.expiresAt()).isEqualTo(DomainRules.plusYears(d.expiresAt(), 1));
    assertThat(stored.gracePeriods()).containsExactly(new GracePeriod(GracePeriod.Type.AUTO_RENEW,
        d.expiresAt().plus(Duration.ofDays(45)), "reg-a", Money.of(900, "USD")));
    assertThat(stored.rgpStatuses(t.clock.instant())).containsExactly("autoRenewPeriod");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 900);
    LedgerEntry charge = t.ledger("reg-a").get(t.ledger("reg-a").size() - 1);
    assertThat(charge.kind()).isEqualTo("auto-renew");
    assertThat(charge.amount()).isEqualTo(-900);
    assertThat(t.polls("reg-a")).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(PollMessage.Kind.AUTO_RENEW);
      assertThat(p.objectName()).isEqualTo("auto.test");
      assertThat(p.expiresAt()).isEqualTo(stored.expiresAt());
    });
    assertThat(f.historyActions(d.roid())).containsExactlyInAnyOrder("create", "autoRenew");

    // A second run does nothing.
    assertThat(autoRenew.renewIfDue(job, "auto.test").outcome()).isEqualTo(AutoRenew.Outcome.NOT_DUE);
    assertThat(t.ctx.domain("auto.test")).isEqualTo(stored);
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 900);
    assertThat(t.polls("reg-a")).hasSize(1);
  }

  @Test
  void success_deleteWithinAutoRenewGraceRefundsItAndTakesTheYearBack() {
    Domain d = t.createDomain("reg-a", "undo.test", 1);
    t.clock.set(d.expiresAt());
    autoRenew.renewIfDue(job, "undo.test");
    t.clock.advance(Duration.ofDays(44));

    DomainDelete.Result r = new DomainDelete(t.ctx).delete(TestRegistry.as("reg-a"), "undo.test");

    assertThat(r.code()).isEqualTo(ResultCode.SUCCESS_ACTION_PENDING);
    assertThat(r.refunds()).isEqualTo(Map.of("reg-a", Money.of(900, "USD")));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
    Domain stored = t.ctx.domain("undo.test");
    assertThat(stored.expiresAt()).isEqualTo(d.expiresAt());
    assertThat(stored.gracePeriods()).isEmpty();
    LedgerEntry refund = t.ledger("reg-a").get(t.ledger("reg-a").size() - 1);
    assertThat(refund.amount()).isEqualTo(900);
    assertThat(refund.description()).contains("autoRenewPeriod");
    // A deleted domain is not auto-renewed again.
    assertThat(autoRenew.renewIfDue(job, "undo.test").outcome()).isEqualTo(AutoRenew.Outcome.NOT_DUE);
  }

  @Test
  void success_deleteAfterAutoRenewGraceRefundsNothing() {
    Domain d = t.createDomain("reg-a", "kept.test", 1);
    t.clock.set(d.expiresAt());
    autoRenew.renewIfDue(job, "kept.test");
    t.clock.advance(Duration.ofDays(46));
    DomainDelete.Result r = new DomainDelete(t.ctx).delete(TestRegistry.as("reg-a"), "kept.test");
    assertThat(r.refunds()).isEmpty();
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 900);
  }

  @Test
  void failure_fundsShortLeavesDomainUnrenewedAndNotifiesOnce() {
    t.registry.tlds.putLabel(Caller.admin("ops", "SV-1"),
        new TldLabel("test", "dear", null, Map.of(BillingOperation.RENEW, 150_000L)));
    Domain d = t.createDomain("reg-a", "dear.test", 1);
    t.clock.set(d.expiresAt().plus(Duration.ofMinutes(5)));

    AutoRenew.Result r = autoRenew.renewIfDue(job, "dear.test");

    assertThat(r.outcome()).isEqualTo(AutoRenew.Outcome.FUNDS_SHORT);
    assertThat(t.ctx.domain("dear.test")).isEqualTo(d);
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
    assertThat(t.polls("reg-a")).extracting(PollMessage::kind)
        .containsExactly(PollMessage.Kind.LOW_BALANCE);
    t.clock.advance(Duration.ofDays(1));
    assertThat(autoRenew.renewIfDue(job, "dear.test").outcome())
        .isEqualTo(AutoRenew.Outcome.FUNDS_SHORT);
    assertThat(t.polls("reg-a")).hasSize(1);

    // Once funds arrive the next run renews it.
    t.registry.registrars.deposit(Caller.admin("ops", "SV-2"), "reg-a", Money.of(100_000, "USD"), "top-up");
    assertThat(autoRenew.renewIfDue(job, "dear.test").outcome()).isEqualTo(AutoRenew.Outcome.RENEWED);
    assertThat(t.balance("reg-a")).isEqualTo(200_000 - 1000 - 150_000);
  }

  @Test
  void success_dueNamesReadsTheExpiryIndexByDayAndBucket() {
    Domain one = t.createDomain("reg-a", "one.test", 1);
    for (int i = 0; i < 20; i++) {
      t.createDomain(i % 2 == 0 ? "reg-a" : "reg-b", "bulk" + i + ".test", 1);
    }
    t.clock.advance(Duration.ofHours(2));
    t.createDomain("reg-b", "later.test", 1);
    t.createDomain("reg-b", "two.test", 2);

    // Up to one hour after the first batch's expiry: all 21 of it, not later.test (2 h later).
    var upTo = one.expiresAt().plus(Duration.ofHours(1));
    var names = autoRenew.dueNames(upTo, 1000);
    assertThat(names).hasSize(21).contains("one.test", "bulk19.test")
        .doesNotContain("later.test", "two.test");
    assertThat(autoRenew.dueNames(upTo, 5)).hasSize(5);
    assertThat(autoRenew.dueNames(LocalDate.parse("2027-01-16"), upTo.plus(Duration.ofDays(3)), 1000))
        .isEmpty();
    assertThat(autoRenew.dueNames(one.expiresAt().minusSeconds(1), 1000)).isEmpty();

    t.clock.set(upTo);
    for (String n : names) {
      assertThat(autoRenew.renewIfDue(job, n).outcome()).isEqualTo(AutoRenew.Outcome.RENEWED);
    }
    // Renewed domains have moved to next year's day in the index.
    assertThat(autoRenew.dueNames(upTo, 1000)).isEmpty();
  }
}
