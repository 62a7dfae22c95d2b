package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.PendingTransfer.TransferStatus;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class DomainTransferIT {
  private static final String AUTH = "secret-auth-1";
  private static final long START_FUNDS = 100_000;

  private TestRegistry t;
  private DomainTransfer transfer;
  private final Caller a = TestRegistry.as("reg-a");
  private final Caller b = TestRegistry.as("reg-b");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    transfer = new DomainTransfer(t.ctx);
  }

  // ---- helpers ------------------------------------------------------------------------

  /** A domain of reg-a created at START, with the clock moved past the 60-day lock. */
  private Domain transferable(String name) {
    Domain d = t.createDomain("reg-a", name, 1);
    t.clock.advance(Duration.ofDays(61));
    return d;
  }

  private DomainTransfer.Request req(String name) {
    return new DomainTransfer.Request(name, null, AUTH, null);
  }

  private static Instant plusYears(Instant at, int years) {
    return DomainRules.plusYears(at, years);
  }

  private void assertCode(Runnable r, ResultCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
  }

  private List<HistoryRecord> history(String roid) {
    return t.ctx.store().queryPrefix(Keys.history(roid), "", 100).stream()
        .map(Items::history)
        .toList();
  }

  private void assertLedgersBalance() {
    for (String id : List.of("reg-a", "reg-b")) {
      assertThat(t.ledgerSum(id)).as("ledger of " + id).isEqualTo(t.balance(id));
    }
  }

  /** Everything a failing command must leave alone. */
  private record Snapshot(Domain domain, long balanceA, long balanceB, int ledgerA, int ledgerB,
      int pollsA, int pollsB, int history) {}

  private Snapshot snapshot(String name) {
    Domain d = t.ctx.domain(name);
    return new Snapshot(d, t.balance("reg-a"), t.balance("reg-b"), t.ledger("reg-a").size(),
        t.ledger("reg-b").size(), t.polls("reg-a").size(), t.polls("reg-b").size(),
        history(d.roid()).size());
  }

  private void failsWithoutChange(String name, Runnable r, ResultCode code) {
    Snapshot before = snapshot(name);
    assertCode(r, code);
    assertThat(snapshot(name)).isEqualTo(before);
    assertLedgersBalance();
  }

  private static PollMessage last(List<PollMessage> polls) {
    return polls.get(polls.size() - 1);
  }

  private TransferStatus lastStatus(String registrarId) {
    return last(t.polls(registrarId)).transfer().status();
  }

  // ---- the three endings --------------------------------------------------------------

  @Test
  void success_requestThenApproveMovesSponsorAddsYearAndChargesGainingOnce() {
    Domain created = transferable("move.test");

    DomainTransfer.Result r = transfer.request(b, req("move.test"));

    assertThat(r.code()).isEqualTo(ResultCode.SUCCESS_ACTION_PENDING);
    PendingTransfer pt = r.transfer();
    assertThat(pt.status()).isEqualTo(TransferStatus.PENDING);
    assertThat(pt.gainingRegistrarId()).isEqualTo("reg-b");
    assertThat(pt.losingRegistrarId()).isEqualTo("reg-a");
    assertThat(pt.requestedAt()).isEqualTo(t.clock.instant());
    assertThat(pt.actionBy()).isEqualTo(t.clock.instant().plus(Duration.ofDays(5)));
    assertThat(pt.newExpiresAt()).isEqualTo(plusYears(created.expiresAt(), 1));
    assertThat(pt.fee()).isEqualTo(Money.of(800, "USD"));
    Domain pending = t.ctx.domain("move.test");
    assertThat(pending.transferPending()).isTrue();
    assertThat(pending.effectiveStatuses()).contains(StatusValue.PENDING_TRANSFER);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 800);
    assertThat(t.polls("reg-a")).singleElement()
        .satisfies(m -> assertThat(m.transfer().status()).isEqualTo(TransferStatus.PENDING));
    assertThat(t.polls("reg-b")).singleElement()
        .satisfies(m -> assertThat(m.transfer().status()).isEqualTo(TransferStatus.PENDING));
    assertLedgersBalance();

    t.clock.advance(Duration.ofDays(1));
    Instant approvedAt = t.clock.instant();
    DomainTransfer.Result ok = transfer.approve(a, "move.test");

    assertThat(ok.code()).isEqualTo(ResultCode.SUCCESS);
    assertThat(ok.transfer().status()).isEqualTo(TransferStatus.CLIENT_APPROVED);
    Domain moved = t.ctx.domain("move.test");
    assertThat(moved.registrarId()).isEqualTo("reg-b");
    assertThat(moved.expiresAt()).isEqualTo(plusYears(created.expiresAt(), 1));
    assertThat(moved.transferredAt()).isEqualTo(approvedAt);
    assertThat(moved.authInfoHash()).isNull();
    assertThat(moved.transferPending()).isFalse();
    assertThat(moved.transfer().status()).isEqualTo(TransferStatus.CLIENT_APPROVED);
    assertThat(moved.transfer().actionBy()).isEqualTo(approvedAt);
    assertThat(moved.gracePeriods()).containsExactly(new GracePeriod(GracePeriod.Type.TRANSFER,
        approvedAt.plus(Duration.ofDays(5)), "reg-b", Money.of(800, "USD")));
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 800);
    assertThat(t.ledger("reg-b")).filteredOn(e -> "transfer".equals(e.kind())).singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualTo(-800));
    assertThat(t.balance("reg-a")).isEqualTo(START_FUNDS - 1000);
    assertThat(t.polls("reg-a")).hasSize(2);
    assertThat(t.polls("reg-b")).hasSize(2);
    for (String id : List.of("reg-a", "reg-b")) {
      PollMessage m = last(t.polls(id));
      assertThat(m.kind()).isEqualTo(PollMessage.Kind.TRANSFER);
      assertThat(m.objectName()).isEqualTo("move.test");
      assertThat(m.transfer().status()).isEqualTo(TransferStatus.CLIENT_APPROVED);
      assertThat(m.expiresAt()).isEqualTo(moved.expiresAt());
    }
    assertThat(history(created.roid())).extracting(HistoryRecord::action)
        .containsExactly("create", "transfer-request", "transfer-approve");
    assertLedgersBalance();
    assertThat(transfer.query(b, "move.test", null).transfer().status())
        .isEqualTo(TransferStatus.CLIENT_APPROVED);
  }

  @Test
  void success_rejectRefundsGainingAndChangesNothingElse() {
    Domain created = transferable("keep.test");
    transfer.request(b, req("keep.test"));
    t.clock.advance(Duration.ofHours(2));

    DomainTransfer.Result r = transfer.reject(a, "keep.test");

    assertThat(r.transfer().status()).isEqualTo(TransferStatus.CLIENT_REJECTED);
    Domain d = t.ctx.domain("keep.test");
    assertThat(d.registrarId()).isEqualTo("reg-a");
    assertThat(d.expiresAt()).isEqualTo(created.expiresAt());
    assertThat(d.authInfoHash()).isEqualTo(created.authInfoHash());
    assertThat(d.transferredAt()).isNull();
    assertThat(d.transferPending()).isFalse();
    assertThat(d.transfer().status()).isEqualTo(TransferStatus.CLIENT_REJECTED);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS);
    assertThat(t.ledger("reg-b")).extracting(e -> e.kind())
        .containsExactly("deposit", "transfer", "transfer-refund");
    assertThat(t.balance("reg-a")).isEqualTo(START_FUNDS - 1000);
    assertThat(lastStatus("reg-a")).isEqualTo(TransferStatus.CLIENT_REJECTED);
    assertThat(lastStatus("reg-b")).isEqualTo(TransferStatus.CLIENT_REJECTED);
    assertThat(history(created.roid())).extracting(HistoryRecord::action)
        .containsExactly("create", "transfer-request", "transfer-reject");
    assertLedgersBalance();
  }

  @Test
  void success_cancelByGainingRefundsIt() {
    Domain created = transferable("oops.test");
    transfer.request(b, req("oops.test"));
    t.clock.advance(Duration.ofHours(2));

    DomainTransfer.Result r = transfer.cancel(b, "oops.test");

    assertThat(r.transfer().status()).isEqualTo(TransferStatus.CLIENT_CANCELLED);
    Domain d = t.ctx.domain("oops.test");
    assertThat(d.registrarId()).isEqualTo("reg-a");
    assertThat(d.expiresAt()).isEqualTo(created.expiresAt());
    assertThat(d.transfer().status()).isEqualTo(TransferStatus.CLIENT_CANCELLED);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS);
    assertThat(lastStatus("reg-a")).isEqualTo(TransferStatus.CLIENT_CANCELLED);
    assertThat(lastStatus("reg-b")).isEqualTo(TransferStatus.CLIENT_CANCELLED);
    assertLedgersBalance();
    // The domain can be requested again at once; the lock counts from transfers, not requests.
    assertThat(transfer.request(b, req("oops.test")).transfer().pending()).isTrue();
    assertLedgersBalance();
  }

  @Test
  void success_silenceApprovesAfterPendingDaysAndOnlyOnce() {
    Domain created = transferable("quiet.test");
    Instant actionBy = transfer.request(b, req("quiet.test")).transfer().actionBy();
    Caller job = Caller.system("transfer-job", "SV-JOB");

    t.clock.advance(Duration.ofDays(5).minusSeconds(1));
    assertThat(transfer.autoApprove(job, "quiet.test")).isFalse();
    assertThat(t.ctx.domain("quiet.test").registrarId()).isEqualTo("reg-a");
    assertThat(t.polls("reg-a")).hasSize(1);

    // The job runs a little late; the transfer still takes effect at actionBy.
    t.clock.advance(Duration.ofHours(3).plusSeconds(1));
    assertThat(transfer.autoApprove(job, "quiet.test")).isTrue();
    Domain d = t.ctx.domain("quiet.test");
    assertThat(d.registrarId()).isEqualTo("reg-b");
    assertThat(d.transferredAt()).isEqualTo(actionBy);
    assertThat(d.transfer().actionBy()).isEqualTo(actionBy);
    assertThat(d.gracePeriods()).extracting(GracePeriod::endsAt)
        .containsExactly(actionBy.plus(Duration.ofDays(5)));
    assertThat(d.expiresAt()).isEqualTo(plusYears(created.expiresAt(), 1));
    assertThat(d.transfer().status()).isEqualTo(TransferStatus.SERVER_APPROVED);
    assertThat(lastStatus("reg-a")).isEqualTo(TransferStatus.SERVER_APPROVED);
    assertThat(lastStatus("reg-b")).isEqualTo(TransferStatus.SERVER_APPROVED);

    t.clock.advance(Duration.ofMinutes(1));
    assertThat(transfer.autoApprove(job, "quiet.test")).isFalse();
    assertThat(t.ctx.domain("quiet.test")).isEqualTo(d);
    assertThat(t.polls("reg-a")).hasSize(2);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 800);
    assertThat(transfer.autoApprove(job, "never-existed.test")).isFalse();
    assertLedgersBalance();
  }

  @Test
  void success_subordinateHostsMoveWithTheDomain() {
    Domain parent = transferable("parent.test");
    Host host = Host.builder().name("ns1.parent.test").roid(t.ctx.newRoid()).registrarId("reg-a")
        .createdBy("reg-a").inetV4(List.of("192.0.2.53")).superordinateDomain("parent.test")
        .createdAt(t.clock.instant()).version(1).build();
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.host(host), 0, null);
    tx.putNew(Items.linkCounter(Keys.host(host.name())), null);
    Domain withHost = parent.toBuilder().subordinateHosts(List.of(host.name()))
        .version(parent.version() + 1).build();
    t.ctx.putVersioned(tx, Items.domain(withHost), parent.version(), null);
    tx.execute();

    transfer.request(b, req("parent.test"));
    t.clock.advance(Duration.ofDays(1));
    transfer.approve(a, "parent.test");

    Host moved = t.ctx.host("ns1.parent.test");
    assertThat(moved.registrarId()).isEqualTo("reg-b");
    assertThat(moved.transferredAt()).isEqualTo(t.clock.instant());
    assertThat(moved.version()).isEqualTo(2);
    assertThat(moved.inetV4()).containsExactly("192.0.2.53");
    assertThat(history(host.roid())).extracting(HistoryRecord::action).containsExactly("transfer");
    assertThat(t.ctx.domain("parent.test").subordinateHosts()).containsExactly("ns1.parent.test");
    assertLedgersBalance();
  }

  @Test
  void success_transferInAutoRenewGraceRefundsThatYearAndDoesNotAddItTwice() {
    Domain d = t.createDomain("reg-a", "renewed.test", 1);
    Instant oldExpiry = d.expiresAt();
    t.clock.set(oldExpiry.plus(Duration.ofDays(1)));
    // What the auto-renew job does at expiry: one more year, charged to the sponsor.
    Domain renewed = d.toBuilder().expiresAt(plusYears(oldExpiry, 1))
        .gracePeriods(List.of(new GracePeriod(GracePeriod.Type.AUTO_RENEW,
            oldExpiry.plus(Duration.ofDays(45)), "reg-a", Money.of(900, "USD"))))
        .version(d.version() + 1).build();
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.domain(renewed), d.version(), null);
    t.ctx.debit(tx, a, "reg-a", Money.of(900, "USD"), "autorenew", "test", d.name(), 1);
    tx.execute();
    assertThat(t.balance("reg-a")).isEqualTo(START_FUNDS - 1000 - 900);

    assertThat(transfer.request(b, req("renewed.test")).transfer().newExpiresAt())
        .isEqualTo(plusYears(oldExpiry, 1));
    transfer.approve(a, "renewed.test");

    Domain moved = t.ctx.domain("renewed.test");
    assertThat(moved.expiresAt()).isEqualTo(plusYears(oldExpiry, 1));
    assertThat(moved.gracePeriods()).extracting(GracePeriod::type)
        .containsExactly(GracePeriod.Type.TRANSFER);
    assertThat(t.balance("reg-a")).isEqualTo(START_FUNDS - 1000);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 800);
    assertLedgersBalance();
  }

  @Test
  void success_premiumNameCostsItsTransferPrice() {
    t.registry.tlds.putLabel(Caller.admin("root", "SV-1"), new TldLabel("test", "gold", null,
        Map.of(BillingOperation.CREATE, 5_000L, BillingOperation.TRANSFER, 3_000L)));
    transferable("gold.test");

    DomainTransfer.Result r = transfer.request(b, req("gold.test"));

    assertThat(r.premium()).isTrue();
    assertThat(r.transfer().fee()).isEqualTo(Money.of(3_000, "USD"));
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 3_000);
    failsWithoutChange("gold.test",
        () -> transfer.request(b, new DomainTransfer.Request("gold.test", 1, AUTH, null)),
        ResultCode.PENDING_TRANSFER);
  }

  // ---- refusals -----------------------------------------------------------------------

  @Test
  void failure_withinLockOfCreationOrLastTransferIs2106() {
    t.createDomain("reg-a", "young.test", 1);
    t.clock.advance(Duration.ofDays(59));
    failsWithoutChange("young.test", () -> transfer.request(b, req("young.test")),
        ResultCode.NOT_ELIGIBLE_FOR_TRANSFER);

    t.clock.advance(Duration.ofDays(2));
    transfer.request(b, req("young.test"));
    transfer.approve(a, "young.test");
    // reg-b gives the domain a new authInfo; reg-a may not take it back within 60 days.
    Domain d = t.ctx.domain("young.test");
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.domain(d.toBuilder().authInfoHash(DomainRules.hashAuthInfo(AUTH))
        .version(d.version() + 1).build()), d.version(), null);
    tx.execute();
    t.clock.advance(Duration.ofDays(30));
    failsWithoutChange("young.test", () -> transfer.request(a, req("young.test")),
        ResultCode.NOT_ELIGIBLE_FOR_TRANSFER);
  }

  @Test
  void failure_wrongOrMissingAuthInfoIs2202() {
    transferable("guarded.test");
    failsWithoutChange("guarded.test",
        () -> transfer.request(b, new DomainTransfer.Request("guarded.test", 1, "wrong-1", null)),
        ResultCode.INVALID_AUTH_INFO);
    failsWithoutChange("guarded.test",
        () -> transfer.request(b, new DomainTransfer.Request("guarded.test", 1, null, null)),
        ResultCode.INVALID_AUTH_INFO);
  }

  @Test
  void failure_ownDomainIs2106() {
    transferable("mine.test");
    failsWithoutChange("mine.test", () -> transfer.request(a, req("mine.test")),
        ResultCode.NOT_ELIGIBLE_FOR_TRANSFER);
  }

  @Test
  void failure_alreadyPendingIs2300() {
    transferable("busy.test");
    transfer.request(b, req("busy.test"));
    failsWithoutChange("busy.test", () -> transfer.request(b, req("busy.test")),
        ResultCode.PENDING_TRANSFER);
    assertThat(t.balance("reg-b")).isEqualTo(START_FUNDS - 800);
  }

  @Test
  void failure_onlyTheRightPartyMayActIs2201() {
    transferable("party.test");
    transfer.request(b, req("party.test"));
    failsWithoutChange("party.test", () -> transfer.approve(b, "party.test"),
        ResultCode.AUTHORIZATION_ERROR);
    failsWithoutChange("party.test", () -> transfer.reject(b, "party.test"),
        ResultCode.AUTHORIZATION_ERROR);
    failsWithoutChange("party.test", () -> transfer.cancel(a, "party.test"),
        ResultCode.AUTHORIZATION_ERROR);
    assertCode(() -> transfer.autoApprove(a, "party.test"), ResultCode.AUTHORIZATION_ERROR);
    assertThat(t.ctx.domain("party.test").transferPending()).isTrue();
  }

  @Test
  void failure_approveRejectCancelWithoutPendingTransferIs2301() {
    transferable("idle.test");
    failsWithoutChange("idle.test", () -> transfer.approve(a, "idle.test"),
        ResultCode.NOT_PENDING_TRANSFER);
    failsWithoutChange("idle.test", () -> transfer.reject(a, "idle.test"),
        ResultCode.NOT_PENDING_TRANSFER);
    failsWithoutChange("idle.test", () -> transfer.cancel(b, "idle.test"),
        ResultCode.NOT_PENDING_TRANSFER);
    transfer.request(b, req("idle.test"));
    transfer.reject(a, "idle.test");
    failsWithoutChange("idle.test", () -> transfer.approve(a, "idle.test"),
        ResultCode.NOT_PENDING_TRANSFER);
  }

  @Test
  void failure_transferProhibitedOrDeletedIs2304() {
    Domain d = transferable("locked.test");
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.domain(d.toBuilder()
        .statuses(Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED)).version(2).build()), 1, null);
    tx.execute();
    failsWithoutChange("locked.test", () -> transfer.request(b, req("locked.test")),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    Domain e = transferable("gone.test");
    tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.domain(e.toBuilder().deletedAt(t.clock.instant())
        .redemptionEndsAt(t.clock.instant().plus(Duration.ofDays(30))).version(2).build()),
        1, null);
    tx.execute();
    failsWithoutChange("gone.test", () -> transfer.request(b, req("gone.test")),
        ResultCode.STATUS_PROHIBITS_OPERATION);
  }

  @Test
  void failure_insufficientFundsIs2104AndWritesNothing() {
    t.registry.tlds.putLabel(Caller.admin("root", "SV-1"), new TldLabel("test", "costly", null,
        Map.of(BillingOperation.CREATE, 1_000L, BillingOperation.TRANSFER, 200_000L)));
    transferable("costly.test");
    failsWithoutChange("costly.test", () -> transfer.request(b, req("costly.test")),
        ResultCode.BILLING_FAILURE);
    assertThat(t.ctx.domain("costly.test").transfer()).isNull();
    assertThat(t.polls("reg-a")).isEmpty();
    assertThat(t.polls("reg-b")).isEmpty();
  }

  @Test
  void failure_periodOrFeeOutOfRangeIs2004() {
    transferable("range.test");
    for (int years : new int[] {0, 11}) {
      failsWithoutChange("range.test",
          () -> transfer.request(b, new DomainTransfer.Request("range.test", years, AUTH, null)),
          ResultCode.PARAMETER_VALUE_RANGE);
    }
    failsWithoutChange("range.test",
        () -> transfer.request(b,
            new DomainTransfer.Request("range.test", 1, AUTH, Money.of(799, "USD"))),
        ResultCode.PARAMETER_VALUE_RANGE);
    assertThat(transfer.request(b,
        new DomainTransfer.Request("range.test", 2, AUTH, Money.of(1600, "USD"))).transfer().fee())
        .isEqualTo(Money.of(1600, "USD"));
  }

  // ---- query --------------------------------------------------------------------------

  @Test
  void query_partiesSeeTheTransferOthersNeedAuthInfo() {
    transferable("asked.test");
    assertCode(() -> transfer.query(a, "asked.test", null), ResultCode.NOT_PENDING_TRANSFER);
    assertCode(() -> transfer.query(b, "asked.test", null), ResultCode.AUTHORIZATION_ERROR);
    assertCode(() -> transfer.query(b, "asked.test", "wrong-1"), ResultCode.INVALID_AUTH_INFO);
    assertCode(() -> transfer.query(b, "asked.test", AUTH), ResultCode.NOT_PENDING_TRANSFER);
    assertCode(() -> transfer.query(b, "nothing.test", AUTH), ResultCode.OBJECT_DOES_NOT_EXIST);

    transfer.request(b, req("asked.test"));
    assertThat(transfer.query(a, "asked.test", null).transfer().status())
        .isEqualTo(TransferStatus.PENDING);
    assertThat(transfer.query(b, "asked.test", null).transfer().gainingRegistrarId())
        .isEqualTo("reg-b");
  }
}
