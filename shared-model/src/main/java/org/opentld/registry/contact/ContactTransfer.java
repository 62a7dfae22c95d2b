package org.opentld.registry.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.domain.PendingTransfer.TransferStatus;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Tx;

/**
 * Contact transfer (RFC 5733 §3.1.3 query, §3.2.4 request, approve, reject, cancel) and its
 * automatic approval when the losing registrar stays silent for the pending period (five days
 * by default, the same for every TLD since contacts belong to none). A contact transfer costs
 * nothing and moves only the sponsorship; each step writes the contact (versioned), history and
 * the poll messages in one transaction.
 *
 * <p>Poll messages: the losing registrar on request; the gaining registrar on approve, reject,
 * cancel and automatic approval; and the losing registrar too whenever someone else ended the
 * transfer (the gaining registrar's cancel, the registry's approve or reject, automatic
 * approval), since it was told of the request and must learn its outcome.
 *
 * <p>The authInfo is kept on approval, as RFC 5733 leaves it unchanged; the losing registrar
 * knows it, so the gaining registrar should set a new one with an update.
 *
 * <p>Once the pending period has passed the transfer counts as approved by the server even
 * before the job has recorded it: query shows it serverApproved, and approve, reject or
 * cancel answer 2301 without writing.
 *
 * <p>Errors: 2005 malformed id; 2303 no such contact; 2106 request for one's own contact; 2202
 * wrong or missing authInfo; 2300 already pending; 2304 client/serverTransferProhibited; 2201
 * not a party to the transfer; 2301 no transfer pending (or, for query, none ever).
 */
public final class ContactTransfer {
  /** Pending period before silence approves a transfer (RFC 5730 §2.9.3.4 leaves it to us). */
  public static final Duration DEFAULT_PENDING_PERIOD = Duration.ofDays(5);

  private static final EnumSet<StatusValue> PROHIBITING =
      EnumSet.of(StatusValue.CLIENT_TRANSFER_PROHIBITED, StatusValue.SERVER_TRANSFER_PROHIBITED);

  private final RegistryContext ctx;
  private final Duration pendingPeriod;

  public ContactTransfer(RegistryContext ctx) {
    this(ctx, DEFAULT_PENDING_PERIOD);
  }

  public ContactTransfer(RegistryContext ctx, Duration pendingPeriod) {
    if (pendingPeriod.isNegative()) {
      throw new IllegalArgumentException("the pending period is not negative");
    }
    this.ctx = ctx;
    this.pendingPeriod = pendingPeriod;
  }

  /** The transfer data of RFC 5733 §3.1.3 (trnData): status, who asked when, who acts by when. */
  public record Result(String id, PendingTransfer transfer) {
    /** True while the losing registrar may still act (EPP answers 1001). */
    public boolean pending() {
      return transfer.pending();
    }
  }

  /** The gaining registrar (the caller) asks for the contact, proving it with the authInfo. */
  public Result request(Caller caller, String id, String authInfo) {
    ContactRules.checkId(id);
    if (caller.superuser()) {
      throw new RegistryException.AuthorizationFailed(
          "a transfer is requested by the gaining registrar, not the registry");
    }
    return ctx.withRetries(
        () -> {
          Contact c = ctx.contact(id);
          if (caller.registrarId().equals(c.registrarId())) {
            throw new RegistryException.NotEligibleForTransfer(
                "registrar " + caller.registrarId() + " already sponsors contact " + id);
          }
          if (!ContactRules.authInfoMatches(c, authInfo)) {
            throw new RegistryException.InvalidAuthInfo("authInfo does not match contact " + id);
          }
          if (c.transferPending()) {
            throw new RegistryException.PendingTransfer(
                "contact " + id + " is already pending transfer");
          }
          ContactRules.requireNone(c, PROHIBITING, "transfer");
          Instant now = ctx.now();
          PendingTransfer pt =
              new PendingTransfer(
                  TransferStatus.PENDING,
                  caller.registrarId(),
                  now,
                  c.registrarId(),
                  now.plus(pendingPeriod),
                  0,
                  null,
                  null);
          Contact after = c.toBuilder().transfer(pt).version(c.version() + 1).build();
          Tx tx = ctx.store().tx();
          ctx.putVersioned(tx, Items.contact(after), c.version(), null);
          poll(tx, c.registrarId(), "Transfer requested.", id, pt);
          ctx.history(tx, caller, "contact", id, c.roid(), "transfer-request", c, after);
          tx.execute();
          return new Result(id, pt);
        });
  }

  /**
   * The state of the current or last transfer. The sponsor, both parties of the last transfer
   * and the registry may ask; anyone else needs the authInfo (2201 without, 2202 if wrong).
   */
  public Result query(Caller caller, String id, String authInfo) {
    ContactRules.checkId(id);
    Contact c = ctx.contact(id);
    PendingTransfer t = c.transfer();
    boolean party =
        ContactRules.isSponsor(caller, c)
            || (t != null
                && (caller.registrarId().equals(t.gainingRegistrarId())
                    || caller.registrarId().equals(t.losingRegistrarId())));
    if (!party) {
      if (authInfo == null || authInfo.isEmpty()) {
        throw new RegistryException.AuthorizationFailed(
            "registrar " + caller.registrarId() + " may not query the transfer of contact " + id);
      }
      if (!ContactRules.authInfoMatches(c, authInfo)) {
        throw new RegistryException.InvalidAuthInfo("authInfo does not match contact " + id);
      }
    }
    if (t == null) {
      throw new RegistryException.NotPendingTransfer("contact " + id + " was never transferred");
    }
    return new Result(id, effective(t, ctx.now()));
  }

  /** The losing registrar (the sponsor) lets the contact go. */
  public Result approve(Caller caller, String id) {
    return byLosing(
        caller,
        id,
        caller.superuser() ? TransferStatus.SERVER_APPROVED : TransferStatus.CLIENT_APPROVED,
        "transfer-approve",
        "Transfer approved.");
  }

  /** The losing registrar (the sponsor) keeps the contact. */
  public Result reject(Caller caller, String id) {
    return byLosing(
        caller,
        id,
        caller.superuser() ? TransferStatus.SERVER_CANCELLED : TransferStatus.CLIENT_REJECTED,
        "transfer-reject",
        "Transfer rejected.");
  }

  /** The gaining registrar withdraws its request. */
  public Result cancel(Caller caller, String id) {
    ContactRules.checkId(id);
    return ctx.withRetries(
        () -> {
          Contact c = ctx.contact(id);
          PendingTransfer t = requireActionable(c);
          if (!caller.superuser() && !caller.registrarId().equals(t.gainingRegistrarId())) {
            throw new RegistryException.AuthorizationFailed(
                "only the gaining registrar may cancel the transfer of contact " + id);
          }
          TransferStatus status =
              caller.superuser() ? TransferStatus.SERVER_CANCELLED : TransferStatus.CLIENT_CANCELLED;
          return finish(caller, c, status, ctx.now(), "transfer-cancel", "Transfer cancelled.");
        });
  }

  /**
   * For the lifecycle job: approves the transfer if it is pending and its pending period has
   * passed (serverApproved, dated when the period ended); otherwise does nothing, so running it
   * twice, or after the losing registrar acted, is harmless.
   *
   * @return true if this call approved the transfer
   */
  public boolean autoApprove(Caller system, String id) {
    if (!system.superuser()) {
      throw new RegistryException.AuthorizationFailed("automatic approval is the registry's");
    }
    return ctx.withRetries(
        () -> {
          Optional<Contact> found = ctx.findContact(id);
          if (found.isEmpty()) {
            return false;
          }
          Contact c = found.get();
          PendingTransfer t = c.transfer();
          if (t == null || !t.pending() || t.actionBy().isAfter(ctx.now())) {
            return false;
          }
          finish(
              system,
              c,
              TransferStatus.SERVER_APPROVED,
              t.actionBy(),
              "transfer-auto-approve",
              "Transfer approved automatically: the pending period ended.");
          return true;
        });
  }

  private Result byLosing(
      Caller caller, String id, TransferStatus status, String action, String message) {
    ContactRules.checkId(id);
    return ctx.withRetries(
        () -> {
          Contact c = ctx.contact(id);
          // While a transfer is pending the sponsor is the losing registrar.
          ContactRules.requireSponsor(caller, c);
          requireActionable(c);
          return finish(caller, c, status, ctx.now(), action, message);
        });
  }

  /** The pending transfer, or 2301 if there is none or its pending period already ended. */
  private PendingTransfer requireActionable(Contact c) {
    PendingTransfer t = c.transfer();
    if (t == null || !t.pending()) {
      throw new RegistryException.NotPendingTransfer("contact " + c.id() + " is not pending transfer");
    }
    if (!t.actionBy().isAfter(ctx.now())) {
      throw new RegistryException.NotPendingTransfer(
          "the transfer of contact " + c.id() + " was approved automatically at " + t.actionBy());
    }
    return t;
  }

  private Result finish(
      Caller caller,
      Contact c,
      TransferStatus status,
      Instant at,
      String action,
      String message) {
    PendingTransfer t = c.transfer();
    PendingTransfer ended = t.ended(status, at);
    Contact.Builder next = c.toBuilder().transfer(ended).version(c.version() + 1);
    boolean approved =
        status == TransferStatus.CLIENT_APPROVED || status == TransferStatus.SERVER_APPROVED;
    if (approved) {
      next.registrarId(t.gainingRegistrarId()).transferredAt(at);
    }
    Contact after = next.build();
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.contact(after), c.version(), null);
    poll(tx, t.gainingRegistrarId(), message, c.id(), ended);
    if (caller.superuser() || !caller.registrarId().equals(t.losingRegistrarId())) {
      poll(tx, t.losingRegistrarId(), message, c.id(), ended);
    }
    ctx.history(tx, caller, "contact", c.id(), c.roid(), action, c, after);
    tx.execute();
    return new Result(c.id(), ended);
  }

  private void poll(Tx tx, String registrarId, String message, String id, PendingTransfer t) {
    ctx.poll(tx, registrarId, PollMessage.Kind.TRANSFER, message, "contact", id, t, null);
  }

  /** A pending transfer past its pending period is, in effect, approved by the server. */
  static PendingTransfer effective(PendingTransfer t, Instant now) {
    if (t.pending() && !t.actionBy().isAfter(now)) {
      return t.ended(TransferStatus.SERVER_APPROVED, t.actionBy());
    }
    return t;
  }
}
