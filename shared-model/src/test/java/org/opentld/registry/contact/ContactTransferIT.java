package org.opentld.registry.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.contact.ContactFixtures.AUTH;
import static org.opentld.registry.contact.ContactFixtures.assertCode;
import static org.opentld.registry.contact.ContactFixtures.assertFailsUnchanged;
import static org.opentld.registry.contact.ContactFixtures.create;
import static org.opentld.registry.contact.ContactFixtures.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.domain.PendingTransfer.TransferStatus;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.store.Items;
import org.opentld.registry.testing.TestRegistry;

class ContactTransferIT {
  private static final Caller A = TestRegistry.as("reg-a");
  private static final Caller B = TestRegistry.as("reg-b");
  private static final Caller C = TestRegistry.as("reg-c");
  private static final Caller ADMIN = Caller.admin("root", "SV-ADMIN");
  private static final Caller JOB = Caller.system("transfer-job", "SV-JOB");
  private static final Instant START = TestRegistry.START;

  private TestRegistry t;
  private ContactTransfer transfer;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    transfer = new ContactTransfer(t.ctx);
    create(t, "reg-a", "tr-1");
    // A fixed clock gives equal timestamps; history and polls are ordered by time.
    t.clock.advance(Duration.ofMinutes(1));
  }

  private List<String> actions(String id) {
    return history(t, t.ctx.contact(id)).stream().map(i -> Items.history(i).action()).toList();
  }

  private static void assertTransferPoll(
      PollMessage m, String id, TransferStatus status, String gaining, String losing) {
    assertThat(m.kind()).isEqualTo(PollMessage.Kind.TRANSFER);
    assertThat(m.objectType()).isEqualTo("contact");
    assertThat(m.objectName()).isEqualTo(id);
    assertThat(m.transfer().status()).isEqualTo(status);
    assertThat(m.transfer().gainingRegistrarId()).isEqualTo(gaining);
    assertThat(m.transfer().losingRegistrarId()).isEqualTo(losing);
  }

  // ---- request --------------------------------------------------------------------------

  @Test
  void success_requestIsPendingFiveDaysAndTellsTheLosingRegistrar() {
    t.clock.advance(Duration.ofMinutes(5));
    ContactTransfer.Result r = transfer.request(B, "tr-1", AUTH);

    Instant now = START.plus(Duration.ofMinutes(6));
    PendingTransfer pt = r.transfer();
    assertThat(r.pending()).isTrue();
    assertThat(pt.gainingRegistrarId()).isEqualTo("reg-b");
    assertThat(pt.losingRegistrarId()).isEqualTo("reg-a");
    assertThat(pt.requestedAt()).isEqualTo(now);
    assertThat(pt.actionBy()).isEqualTo(now.plus(Duration.ofDays(5)));
    assertThat(pt.years()).isZero();
    assertThat(pt.fee()).isNull();
    Contact stored = t.ctx.contact("tr-1");
    assertThat(stored.registrarId()).isEqualTo("reg-a");
    assertThat(stored.transfer()).isEqualTo(pt);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.effectiveStatuses()).containsExactly(StatusValue.PENDING_TRANSFER);
    assertThat(t.polls("reg-a")).singleElement()
        .satisfies(m -> assertTransferPoll(m, "tr-1", TransferStatus.PENDING, "reg-b", "reg-a"));
    assertThat(t.polls("reg-b")).isEmpty();
    assertThat(actions("tr-1")).containsExactly("create", "transfer-request");
    assertThat(t.balance("reg-b")).isEqualTo(100_000);
  }

  @Test
  void success_pendingPeriodIsAConstructorParameter() {
    PendingTransfer pt = new ContactTransfer(t.ctx, Duration.ofDays(1)).request(B, "tr-1", AUTH).transfer();
    assertThat(pt.actionBy()).isEqualTo(t.clock.instant().plus(Duration.ofDays(1)));
  }

  @Test
  void failure_requestWithWrongOrNoAuthInfoIs2202() {
    assertFailsUnchanged(t, "tr-1", ResultCode.INVALID_AUTH_INFO, () -> transfer.request(B, "tr-1", "wrong"));
    assertFailsUnchanged(t, "tr-1", ResultCode.INVALID_AUTH_INFO, () -> transfer.request(B, "tr-1", null));
    assertThat(t.ctx.contact("tr-1").transfer()).isNull();
  }

  @Test
  void failure_requestForOwnContactIs2106_unknownIs2303_registryIs2201() {
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_ELIGIBLE_FOR_TRANSFER, () -> transfer.request(A, "tr-1", AUTH));
    assertFailsUnchanged(t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST, () -> transfer.request(B, "nobody", AUTH));
    assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.request(ADMIN, "tr-1", AUTH));
  }

  @Test
  void failure_requestWhilePendingIs2300() {
    transfer.request(B, "tr-1", AUTH);
    assertFailsUnchanged(t, "tr-1", ResultCode.PENDING_TRANSFER, () -> transfer.request(C, "tr-1", AUTH));
    assertThat(t.ctx.contact("tr-1").transfer().gainingRegistrarId()).isEqualTo("reg-b");
  }

  @Test
  void failure_requestOfTransferProhibitedContactIs2304() {
    ContactUpdate update = new ContactUpdate(t.ctx);
    update.update(A, new ContactUpdate.Command("tr-1", Set.of(StatusValue.CLIENT_TRANSFER_PROHIBITED), null, null));
    assertFailsUnchanged(t, "tr-1", ResultCode.STATUS_PROHIBITS_OPERATION, () -> transfer.request(B, "tr-1", AUTH));

    create(t, "reg-a", "tr-2");
    update.update(ADMIN, new ContactUpdate.Command("tr-2", Set.of(StatusValue.SERVER_TRANSFER_PROHIBITED), null, null));
    assertFailsUnchanged(t, "tr-2", ResultCode.STATUS_PROHIBITS_OPERATION, () -> transfer.request(B, "tr-2", AUTH));
  }

  // ---- query ----------------------------------------------------------------------------

  @Test
  void success_queryBySponsorGainingAndAuthInfoHolder() {
    PendingTransfer pt = transfer.request(B, "tr-1", AUTH).transfer();
    assertThat(transfer.query(A, "tr-1", null).transfer()).isEqualTo(pt);
    assertThat(transfer.query(B, "tr-1", null).transfer()).isEqualTo(pt);
    assertThat(transfer.query(C, "tr-1", AUTH).transfer()).isEqualTo(pt);
    assertThat(transfer.query(ADMIN, "tr-1", null).transfer()).isEqualTo(pt);
  }

  @Test
  void failure_queryByStrangerIs2201WithoutAndIs2202WithWrongAuthInfo() {
    transfer.request(B, "tr-1", AUTH);
    assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.query(C, "tr-1", null));
    assertFailsUnchanged(t, "tr-1", ResultCode.INVALID_AUTH_INFO, () -> transfer.query(C, "tr-1", "wrong"));
  }

  @Test
  void failure_queryOfNeverTransferredContactIs2301_unknownIs2303() {
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.query(A, "tr-1", null));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.query(B, "tr-1", AUTH));
    assertFailsUnchanged(t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST, () -> transfer.query(A, "nobody", null));
  }

  // ---- approve, reject, cancel ---------------------------------------------------------

  @Test
  void success_approveMovesSponsorshipKeepsAuthInfoAndTellsTheGainingRegistrar() {
    transfer.request(B, "tr-1", AUTH);
    t.clock.advance(Duration.ofDays(1));
    ContactTransfer.Result r = transfer.approve(A, "tr-1");

    Instant now = START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1));
    assertThat(r.pending()).isFalse();
    assertThat(r.transfer().status()).isEqualTo(TransferStatus.CLIENT_APPROVED);
    assertThat(r.transfer().actionBy()).isEqualTo(now);
    Contact c = t.ctx.contact("tr-1");
    assertThat(c.registrarId()).isEqualTo("reg-b");
    assertThat(c.transferredAt()).isEqualTo(now);
    assertThat(c.transfer()).isEqualTo(r.transfer());
    assertThat(c.effectiveStatuses()).containsExactly(StatusValue.OK);
    assertThat(PasswordHasher.verify(AUTH, c.authInfoHash())).isTrue();
    assertThat(t.polls("reg-b")).singleElement()
        .satisfies(m -> assertTransferPoll(m, "tr-1", TransferStatus.CLIENT_APPROVED, "reg-b", "reg-a"));
    assertThat(t.polls("reg-a")).hasSize(1);
    assertThat(actions("tr-1")).containsExactly("create", "transfer-request", "transfer-approve");
    // The new sponsor now acts on it; the old one no longer may.
    assertThat(transfer.query(A, "tr-1", null).transfer().status()).isEqualTo(TransferStatus.CLIENT_APPROVED);
    new ContactUpdate(t.ctx).update(B, new ContactUpdate.Command("tr-1", null, null,
        new ContactUpdate.Change(null, null, null, null, null, "b@example.net", null, null)));
    assertCode(() -> new ContactDelete(t.ctx).delete(A, "tr-1"), ResultCode.AUTHORIZATION_ERROR);
  }

  @Test
  void success_rejectKeepsSponsorAndTellsTheGainingRegistrar() {
    transfer.request(B, "tr-1", AUTH);
    t.clock.advance(Duration.ofMinutes(1));
    ContactTransfer.Result r = transfer.reject(A, "tr-1");
    assertThat(r.transfer().status()).isEqualTo(TransferStatus.CLIENT_REJECTED);
    Contact c = t.ctx.contact("tr-1");
    assertThat(c.registrarId()).isEqualTo("reg-a");
    assertThat(c.transferredAt()).isNull();
    assertThat(c.transferPending()).isFalse();
    assertThat(t.polls("reg-b")).singleElement()
        .satisfies(m -> assertTransferPoll(m, "tr-1", TransferStatus.CLIENT_REJECTED, "reg-b", "reg-a"));
    assertThat(t.polls("reg-a")).hasSize(1);
    assertThat(actions("tr-1")).containsExactly("create", "transfer-request", "transfer-reject");
    // A rejected transfer can be asked for again.
    assertThat(transfer.request(B, "tr-1", AUTH).pending()).isTrue();
  }

  @Test
  void success_cancelByGainingRegistrarTellsBothSides() {
    transfer.request(B, "tr-1", AUTH);
    t.clock.advance(Duration.ofMinutes(1));
    ContactTransfer.Result r = transfer.cancel(B, "tr-1");
    assertThat(r.transfer().status()).isEqualTo(TransferStatus.CLIENT_CANCELLED);
    Contact c = t.ctx.contact("tr-1");
    assertThat(c.registrarId()).isEqualTo("reg-a");
    assertThat(c.transferPending()).isFalse();
    assertThat(t.polls("reg-b")).singleElement()
        .satisfies(m -> assertTransferPoll(m, "tr-1", TransferStatus.CLIENT_CANCELLED, "reg-b", "reg-a"));
    assertThat(t.polls("reg-a")).extracting(m -> m.transfer().status())
        .containsExactly(TransferStatus.PENDING, TransferStatus.CLIENT_CANCELLED);
    assertThat(actions("tr-1")).containsExactly("create", "transfer-request", "transfer-cancel");
  }

  @Test
  void success_registryMayApproveAndBothSidesAreTold() {
    transfer.request(B, "tr-1", AUTH);
    assertThat(transfer.approve(ADMIN, "tr-1").transfer().status()).isEqualTo(TransferStatus.SERVER_APPROVED);
    assertThat(t.ctx.contact("tr-1").registrarId()).isEqualTo("reg-b");
    assertThat(t.polls("reg-a")).hasSize(2);
    assertThat(t.polls("reg-b")).hasSize(1);
  }

  @Test
  void failure_approveOrRejectByOtherThanLosingRegistrarIs2201() {
    transfer.request(B, "tr-1", AUTH);
    for (Caller who : List.of(B, C)) {
      assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.approve(who, "tr-1"));
      assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.reject(who, "tr-1"));
    }
    assertThat(t.ctx.contact("tr-1").transferPending()).isTrue();
  }

  @Test
  void failure_cancelByOtherThanGainingRegistrarIs2201() {
    transfer.request(B, "tr-1", AUTH);
    for (Caller who : List.of(A, C)) {
      assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.cancel(who, "tr-1"));
    }
  }

  @Test
  void failure_actingWithoutPendingTransferIs2301() {
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.approve(A, "tr-1"));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.reject(A, "tr-1"));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.cancel(B, "tr-1"));
    transfer.request(B, "tr-1", AUTH);
    transfer.reject(A, "tr-1");
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.approve(A, "tr-1"));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.cancel(B, "tr-1"));
    assertFailsUnchanged(t, "nobody", ResultCode.OBJECT_DOES_NOT_EXIST, () -> transfer.approve(A, "nobody"));
  }

  // ---- automatic approval ---------------------------------------------------------------

  @Test
  void success_autoApproveActsOnlyAfterThePendingPeriodAndOnlyOnce() {
    PendingTransfer pt = transfer.request(B, "tr-1", AUTH).transfer();
    t.clock.advance(Duration.ofDays(5).minusSeconds(1));
    var before = ContactFixtures.snapshot(t, "tr-1");
    assertThat(transfer.autoApprove(JOB, "tr-1")).isFalse();
    assertThat(ContactFixtures.snapshot(t, "tr-1")).isEqualTo(before);

    t.clock.advance(Duration.ofHours(2));
    assertThat(transfer.autoApprove(JOB, "tr-1")).isTrue();
    Contact c = t.ctx.contact("tr-1");
    assertThat(c.registrarId()).isEqualTo("reg-b");
    assertThat(c.transferredAt()).isEqualTo(pt.actionBy());
    assertThat(c.transfer().status()).isEqualTo(TransferStatus.SERVER_APPROVED);
    assertThat(c.transfer().actionBy()).isEqualTo(pt.actionBy());
    assertThat(t.polls("reg-b")).singleElement()
        .satisfies(m -> assertTransferPoll(m, "tr-1", TransferStatus.SERVER_APPROVED, "reg-b", "reg-a"));
    assertThat(t.polls("reg-a")).extracting(m -> m.transfer().status())
        .containsExactly(TransferStatus.PENDING, TransferStatus.SERVER_APPROVED);
    assertThat(actions("tr-1")).containsExactly("create", "transfer-request", "transfer-auto-approve");

    var after = ContactFixtures.snapshot(t, "tr-1");
    assertThat(transfer.autoApprove(JOB, "tr-1")).isFalse();
    assertThat(transfer.autoApprove(JOB, "nobody")).isFalse();
    assertThat(ContactFixtures.snapshot(t, "tr-1")).isEqualTo(after);
  }

  @Test
  void failure_afterThePendingPeriodTheLosingRegistrarCanNoLongerAct() {
    transfer.request(B, "tr-1", AUTH);
    t.clock.advance(Duration.ofDays(6));
    assertThat(transfer.query(A, "tr-1", null).transfer().status()).isEqualTo(TransferStatus.SERVER_APPROVED);
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.reject(A, "tr-1"));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.approve(A, "tr-1"));
    assertFailsUnchanged(t, "tr-1", ResultCode.NOT_PENDING_TRANSFER, () -> transfer.cancel(B, "tr-1"));
    assertThat(transfer.autoApprove(JOB, "tr-1")).isTrue();
    assertThat(t.ctx.contact("tr-1").registrarId()).isEqualTo("reg-b");
  }

  @Test
  void failure_autoApproveByARegistrarIs2201() {
    transfer.request(B, "tr-1", AUTH);
    t.clock.advance(Duration.ofDays(6));
    assertFailsUnchanged(t, "tr-1", ResultCode.AUTHORIZATION_ERROR, () -> transfer.autoApprove(B, "tr-1"));
  }
}
