package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class DomainRestoreIT {
  private TestRegistry t;
  private LifecycleFixtures f;
  private DomainRestore restore;
  private final Caller a = TestRegistry.as("reg-a");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    restore = new DomainRestore(t.ctx);
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  private DomainRestore.RestoreReport report() {
    return new DomainRestore.RestoreReport(
        "<domain:name>x.test</domain:name>", "<domain:name>x.test</domain:name>",
        t.clock.instant().minus(Duration.ofDays(3)), t.clock.instant(),
        "Registrant error.",
        List.of("This registrar has not restored the Registered Name in order to assume the"
                + " rights to use or sell the Registered Name for itself or for any third party.",
            "The information in this report is true to best of this registrar's knowledge."),
        null);
  }

  /** A one-year domain created at START and deleted {@code afterDays} later. */
  private Domain deleted(String name, int afterDays) {
    t.createDomain("reg-a", name, 1);
    t.clock.advance(Duration.ofDays(afterDays));
    new DomainDelete(t.ctx).delete(a, name);
    return t.ctx.domain(name);
  }

  @Test
  void success_redemptionRestoreRequestAndReportBringDomainBack() {
    Domain del = deleted("back.test", 20);
    t.clock.advance(Duration.ofDays(10));
    Instant requested = t.clock.instant();

    DomainRestore.Result r = restore.request(a, "back.test");

    assertThat(r.fee()).isEqualTo(Money.of(4000, "USD"));
    assertThat(r.renewed()).isFalse();
    Domain pending = t.ctx.domain("back.test");
    assertThat(pending.restoreRequestedAt()).isEqualTo(requested);
    assertThat(pending.restoreReportDueBy()).isEqualTo(requested.plus(Duration.ofDays(7)));
    assertThat(pending.rgpStatuses(requested)).containsExactly("pendingRestore");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 4000);
    LedgerEntry charge = t.ledger("reg-a").get(t.ledger("reg-a").size() - 1);
    assertThat(charge.kind()).isEqualTo("restore");
    assertThat(charge.amount()).isEqualTo(-4000);

    t.clock.advance(Duration.ofDays(2));
    Domain back = restore.report(a, "back.test", report());

    assertThat(t.ctx.domain("back.test")).isEqualTo(back);
    assertThat(back.isDeleted()).isFalse();
    assertThat(back.redemptionEndsAt()).isNull();
    assertThat(back.purgeAt()).isNull();
    assertThat(back.restoreRequestedAt()).isNull();
    assertThat(back.restoreReportDueBy()).isNull();
    assertThat(back.expiresAt()).isEqualTo(del.expiresAt());
    assertThat(back.rgpStatuses(t.clock.instant())).isEmpty();
    assertThat(back.nextActionAt()).isNull();
    assertThat(f.historyActions(del.roid())).containsExactlyInAnyOrder(
        "create", "delete", "restoreRequest", "restoreReport", "restore");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 4000);
  }

  @Test
  void success_restoreOfExpiredDomainChargesRenewalAndAddsTheYear() {
    // Deleted 10 days before expiry, restored 5 days after it.
    Domain del = deleted("late.test", 355);
    t.clock.set(del.expiresAt().plus(Duration.ofDays(5)));

    DomainRestore.Result r = restore.request(a, "late.test", Money.of(4900, "USD"));

    assertThat(r.renewed()).isTrue();
    assertThat(r.fee()).isEqualTo(Money.of(4900, "USD"));
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000 - 4900);
    Domain back = restore.report(a, "late.test", report());
    assertThat(back.expiresAt()).isEqualTo(DomainRules.plusYears(del.expiresAt(), 1));
  }

  @Test
  void failure_requestOutsideRedemptionIs2304() {
    t.createDomain("reg-a", "live.test", 1);
    f.assertUnchanged("live.test", () -> restore.request(a, "live.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    deleted("red.test", 10);
    f.assertUnchanged("red.test", () -> restore.request(TestRegistry.as("reg-b"), "red.test"),
        ResultCode.AUTHORIZATION_ERROR);
    f.assertUnchanged("red.test", () -> restore.request(a, "red.test", Money.of(3999, "USD")),
        ResultCode.PARAMETER_VALUE_RANGE);
    restore.request(a, "red.test");
    f.assertUnchanged("red.test", () -> restore.request(a, "red.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    deleted("pd.test", 10);
    t.clock.advance(Duration.ofDays(30));
    assertThat(t.ctx.domain("pd.test").rgpStatuses(t.clock.instant()))
        .containsExactly("pendingDelete");
    f.assertUnchanged("pd.test", () -> restore.request(a, "pd.test"),
        ResultCode.STATUS_PROHIBITS_OPERATION);
    f.assertUnchanged("nope.test", () -> restore.request(a, "nope.test"),
        ResultCode.OBJECT_DOES_NOT_EXIST);
  }

  @Test
  void failure_fundsShortIs2104() {
    t.registry.tlds.putLabel(Caller.admin("ops", "SV-1"),
        new TldLabel("test", "dear", null, Map.of(BillingOperation.RESTORE, 500_000L)));
    deleted("dear.test", 10);
    f.assertUnchanged("dear.test", () -> restore.request(a, "dear.test"),
        ResultCode.BILLING_FAILURE);
  }

  @Test
  void failure_reportRules() {
    deleted("rep.test", 10);
    f.assertUnchanged("rep.test", () -> restore.report(a, "rep.test", report()),
        ResultCode.STATUS_PROHIBITS_OPERATION);
    restore.request(a, "rep.test");

    DomainRestore.RestoreReport full = report();
    List<DomainRestore.RestoreReport> incomplete = List.of(
        new DomainRestore.RestoreReport(null, full.postData(), full.delTime(), full.resTime(),
            full.resReason(), full.statements(), null),
        new DomainRestore.RestoreReport(full.preData(), " ", full.delTime(), full.resTime(),
            full.resReason(), full.statements(), null),
        new DomainRestore.RestoreReport(full.preData(), full.postData(), null, full.resTime(),
            full.resReason(), full.statements(), null),
        new DomainRestore.RestoreReport(full.preData(), full.postData(), full.delTime(), null,
            full.resReason(), full.statements(), null),
        new DomainRestore.RestoreReport(full.preData(), full.postData(), full.delTime(),
            full.resTime(), "", full.statements(), null),
        new DomainRestore.RestoreReport(full.preData(), full.postData(), full.delTime(),
            full.resTime(), full.resReason(), List.of(), null));
    for (DomainRestore.RestoreReport r : incomplete) {
      f.assertUnchanged("rep.test", () -> restore.report(a, "rep.test", r),
          ResultCode.MISSING_PARAMETER);
    }
    f.assertUnchanged("rep.test", () -> restore.report(a, "rep.test", null),
        ResultCode.MISSING_PARAMETER);
    f.assertUnchanged("rep.test", () -> restore.report(TestRegistry.as("reg-b"), "rep.test", full),
        ResultCode.AUTHORIZATION_ERROR);

    t.clock.advance(Duration.ofDays(7));
    f.assertUnchanged("rep.test", () -> restore.report(a, "rep.test", full),
        ResultCode.STATUS_PROHIBITS_OPERATION);
  }
}
