package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.testing.LifecycleFixtures.day;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.lifecycle.AutoRenew;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class DomainRenewIT {
  private TestRegistry t;
  private LifecycleFixtures f;
  private DomainRenew renew;
  private final Caller a = TestRegistry.as("reg-a");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    renew = new DomainRenew(t.ctx);
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  private DomainRenew.Command cmd(Domain d, int years) {
    return new DomainRenew.Command(d.name(), day(d), years, null);
  }

  @Test
  void success_extendsExpiryChargesAndStartsRenewGrace() {
    Domain d = t.createDomain("reg-a", "ren.test", 1);
    t.clock.advance(Duration.ofDays(10));

    DomainRenew.Result r = renew.renew(a, cmd(d, 3));

    assertThat(r.fee()).isEqualTo(Money.of(2700, "USD"));
    assertThat(r.premium()).isFalse();
    Domain stored = t.ctx.domain("ren.test");
    assertThat(stored.expiresAt()).isEqualTo(DomainRules.plusYears(d.expiresAt(), 3));
    assertThat(stored.version()).isEqualTo(d.version() + 1);
    // The add grace has ended and is dropped; the renew grace carries the charge.
    assertThat(stored.gracePeriods())
        .containsExactly(new GracePeriod(GracePeriod.Type.RENEW,
            t.clock.instant().plus(Duration.ofDays(5)), "reg-a", Money.of(2700, "USD")));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 2700);
    LedgerEntry last = t.ledger("reg-a").get(t.ledger("reg-a").size() - 1);
    assertThat(last.kind()).isEqualTo("renew");
    assertThat(last.amount()).isEqualTo(-2700);
    assertThat(last.years()).isEqualTo(3);
    assertThat(f.historyActions(d.roid())).containsExactly("create", "renew");
  }

  @Test
  void success_premiumNameRenewsAtItsPrice() {
    t.registry.tlds.putLabel(Caller.admin("ops", "SV-1"),
        new TldLabel("test", "gold", null, Map.of(BillingOperation.RENEW, 5_000L)));
    Domain d = t.createDomain("reg-a", "gold.test", 1);
    DomainRenew.Result r = renew.renew(a, cmd(d, 2));
    assertThat(r.premium()).isTrue();
    assertThat(r.fee()).isEqualTo(Money.of(10_000, "USD"));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 10_000);
  }

  @Test
  void success_renewDuringAutoRenewGraceKeepsBothGracePeriods() {
    Domain d = t.createDomain("reg-a", "both.test", 1);
    t.clock.set(d.expiresAt());
    new AutoRenew(t.ctx).renewIfDue(Caller.system("auto-renew", "SV-JOB"), "both.test");
    t.clock.advance(Duration.ofDays(3));
    Domain auto = t.ctx.domain("both.test");

    renew.renew(a, cmd(auto, 1));

    Domain stored = t.ctx.domain("both.test");
    assertThat(stored.gracePeriods()).extracting(GracePeriod::type)
        .containsExactly(GracePeriod.Type.AUTO_RENEW, GracePeriod.Type.RENEW);
    assertThat(stored.expiresAt()).isEqualTo(DomainRules.plusYears(d.expiresAt(), 2));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 900 - 900);
  }

  @Test
  void failure_wrongCurExpDateIs2004() {
    Domain d = t.createDomain("reg-a", "cur.test", 1);
    f.assertUnchanged("cur.test",
        () -> renew.renew(a, new DomainRenew.Command("cur.test", day(d).plusDays(1), 1, null)),
        ResultCode.PARAMETER_VALUE_RANGE);
    // A retried renew (the client's idea of the expiry is now stale) does not renew twice.
    renew.renew(a, cmd(d, 1));
    f.assertUnchanged("cur.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.PARAMETER_VALUE_RANGE);
  }

  @Test
  void failure_pastTenYearsOrBadPeriodIs2004() {
    Domain d = t.createDomain("reg-a", "ten.test", 5);
    f.assertUnchanged("ten.test", () -> renew.renew(a, cmd(d, 6)), ResultCode.PARAMETER_VALUE_RANGE);
    f.assertUnchanged("ten.test", () -> renew.renew(a, cmd(d, 0)), ResultCode.PARAMETER_VALUE_RANGE);
    f.assertUnchanged("ten.test", () -> renew.renew(a, cmd(d, 11)), ResultCode.PARAMETER_VALUE_RANGE);
    Domain five = renew.renew(a, cmd(d, 5)).domain();
    assertThat(five.expiresAt()).isEqualTo(DomainRules.plusYears(TestRegistry.START, 10));
  }

  @Test
  void failure_feeBelowPriceIs2004() {
    Domain d = t.createDomain("reg-a", "fee.test", 1);
    f.assertUnchanged("fee.test",
        () -> renew.renew(a, new DomainRenew.Command("fee.test", day(d), 2, Money.of(1700, "USD"))),
        ResultCode.PARAMETER_VALUE_RANGE);
    renew.renew(a, new DomainRenew.Command("fee.test", day(d), 2, Money.of(1800, "USD")));
  }

  @Test
  void failure_fundsShortIs2104AndWritesNothing() {
    t.registry.tlds.putLabel(Caller.admin("ops", "SV-1"),
        new TldLabel("test", "dear", null, Map.of(BillingOperation.RENEW, 200_000L)));
    Domain d = t.createDomain("reg-a", "dear.test", 1);
    f.assertUnchanged("dear.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.BILLING_FAILURE);
  }

  @Test
  void failure_statusesSponsorAndExistence() {
    Domain d = t.createDomain("reg-a", "st.test", 1);
    f.assertUnchanged("st.test", () -> renew.renew(TestRegistry.as("reg-b"), cmd(d, 1)),
        ResultCode.AUTHORIZATION_ERROR);
    f.assertUnchanged("none.test",
        () -> renew.renew(a, new DomainRenew.Command("none.test", day(d), 1, null)),
        ResultCode.OBJECT_DOES_NOT_EXIST);

    f.rewrite("st.test", b -> b.statuses(java.util.Set.of(StatusValue.CLIENT_RENEW_PROHIBITED)));
    f.assertUnchanged("st.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.STATUS_PROHIBITS_OPERATION);
    f.rewrite("st.test", b -> b.statuses(java.util.Set.of(StatusValue.SERVER_RENEW_PROHIBITED)));
    f.assertUnchanged("st.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.STATUS_PROHIBITS_OPERATION);

    Instant now = t.clock.instant();
    f.rewrite("st.test", b -> b.statuses(null).transfer(new PendingTransfer(
        PendingTransfer.TransferStatus.PENDING, "reg-b", now, "reg-a",
        now.plus(Duration.ofDays(5)), 1, null, null)));
    f.assertUnchanged("st.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.STATUS_PROHIBITS_OPERATION);

    f.rewrite("st.test", b -> b.transfer(null).deletedAt(now)
        .redemptionEndsAt(now.plus(Duration.ofDays(30))).purgeAt(now.plus(Duration.ofDays(35))));
    f.assertUnchanged("st.test", () -> renew.renew(a, cmd(d, 1)), ResultCode.STATUS_PROHIBITS_OPERATION);
    f.assertUnchanged("st.test",
        () -> renew.renew(a, new DomainRenew.Command("st.test", null, 1, null)),
        ResultCode.MISSING_PARAMETER);
  }
}
