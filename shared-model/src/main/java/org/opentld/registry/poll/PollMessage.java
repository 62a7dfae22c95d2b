package org.opentld.registry.poll;

import java.time.Instant;
import org.opentld.registry.domain.PendingTransfer;

/**
 * A message in a registrar's poll queue (RFC 5730 §2.9.2.3), oldest first.
 *
 * @param id the msgID, sortable by queue time
 * @param kind what happened, for the EPP front end to choose the resData shape
 * @param transfer the transfer data for transfer messages (trnData)
 * @param expiresAt the new expiry for renewals and transfers
 */
public record PollMessage(
    String registrarId,
    String id,
    Instant queuedAt,
    Kind kind,
    String message,
    String objectType,
    String objectName,
    PendingTransfer transfer,
    Instant expiresAt) {

  /** What the message is about. */
  public enum Kind {
    TRANSFER,
    AUTO_RENEW,
    DELETED,
    PURGED,
    RESTORED,
    HOST_RENAMED,
    LOW_BALANCE,
    INFO
  }
}
