package org.opentld.registry.domain;

import java.time.Instant;
import org.opentld.registry.billing.Money;

/**
 * A transfer waiting for the losing registrar (RFC 5730 §2.9.3.4). {@code actionBy} is when
 * silence approves it; {@code status} is the last trStatus once it ended.
 *
 * @param years extension added on approval (domains; 0 for contacts)
 * @param fee charged to the gaining registrar at request time, refunded if not approved
 */
public record PendingTransfer(
    TransferStatus status,
    String gainingRegistrarId,
    Instant requestedAt,
    String losingRegistrarId,
    Instant actionBy,
    int years,
    Instant newExpiresAt,
    Money fee) {

  /** RFC 5730 trStatus values. */
  public enum TransferStatus {
    PENDING("pending"),
    CLIENT_APPROVED("clientApproved"),
    CLIENT_CANCELLED("clientCancelled"),
    CLIENT_REJECTED("clientRejected"),
    SERVER_APPROVED("serverApproved"),
    SERVER_CANCELLED("serverCancelled");

    private final String epp;

    TransferStatus(String epp) {
      this.epp = epp;
    }

    public String epp() {
      return epp;
    }
  }

  public boolean pending() {
    return status == TransferStatus.PENDING;
  }

  public PendingTransfer ended(TransferStatus newStatus, Instant at) {
    return new PendingTransfer(
        newStatus, gainingRegistrarId, requestedAt, losingRegistrarId, at, years, newExpiresAt,
        fee);
  }
}
