package org.opentld.registry.common;

import java.util.EnumSet;
import java.util.Set;
import org.opentld.registry.error.RegistryException;

/**
 * Object status values of RFC 5731 §2.3, RFC 5732 §2.3 and RFC 5733 §2.2. Registrars may set
 * only the client* values; server* values are the registry's; the rest are set by the
 * registry's own operations.
 */
public enum StatusValue {
  OK("ok"),
  INACTIVE("inactive"),
  LINKED("linked"),
  CLIENT_DELETE_PROHIBITED("clientDeleteProhibited"),
  CLIENT_HOLD("clientHold"),
  CLIENT_RENEW_PROHIBITED("clientRenewProhibited"),
  CLIENT_TRANSFER_PROHIBITED("clientTransferProhibited"),
  CLIENT_UPDATE_PROHIBITED("clientUpdateProhibited"),
  SERVER_DELETE_PROHIBITED("serverDeleteProhibited"),
  SERVER_HOLD("serverHold"),
  SERVER_RENEW_PROHIBITED("serverRenewProhibited"),
  SERVER_TRANSFER_PROHIBITED("serverTransferProhibited"),
  SERVER_UPDATE_PROHIBITED("serverUpdateProhibited"),
  PENDING_CREATE("pendingCreate"),
  PENDING_DELETE("pendingDelete"),
  PENDING_RENEW("pendingRenew"),
  PENDING_TRANSFER("pendingTransfer"),
  PENDING_UPDATE("pendingUpdate");

  /** Statuses a registrar may add or remove on a domain (RFC 5731 §2.3). */
  public static final Set<StatusValue> CLIENT_DOMAIN =
      EnumSet.of(
          CLIENT_DELETE_PROHIBITED,
          CLIENT_HOLD,
          CLIENT_RENEW_PROHIBITED,
          CLIENT_TRANSFER_PROHIBITED,
          CLIENT_UPDATE_PROHIBITED);

  /** Statuses a registrar may add or remove on a host (RFC 5732 §2.3). */
  public static final Set<StatusValue> CLIENT_HOST =
      EnumSet.of(CLIENT_DELETE_PROHIBITED, CLIENT_UPDATE_PROHIBITED);

  /** Statuses a registrar may add or remove on a contact (RFC 5733 §2.2). */
  public static final Set<StatusValue> CLIENT_CONTACT =
      EnumSet.of(
          CLIENT_DELETE_PROHIBITED, CLIENT_TRANSFER_PROHIBITED, CLIENT_UPDATE_PROHIBITED);

  /** Statuses only the registry (an admin) may set. */
  public static final Set<StatusValue> SERVER =
      EnumSet.of(
          SERVER_DELETE_PROHIBITED,
          SERVER_HOLD,
          SERVER_RENEW_PROHIBITED,
          SERVER_TRANSFER_PROHIBITED,
          SERVER_UPDATE_PROHIBITED);

  private final String epp;

  StatusValue(String epp) {
    this.epp = epp;
  }

  /** The value as written in EPP XML, e.g. {@code clientHold}. */
  public String epp() {
    return epp;
  }

  /** Parses an EPP status string; unknown values are a syntax error (2005). */
  public static StatusValue fromEpp(String value) {
    for (StatusValue s : values()) {
      if (s.epp.equals(value)) {
        return s;
      }
    }
    throw new RegistryException.ValueSyntax("unknown status value '" + value + "'");
  }

  public boolean prohibitsDelete() {
    return this == CLIENT_DELETE_PROHIBITED || this == SERVER_DELETE_PROHIBITED;
  }

  public boolean prohibitsUpdate() {
    return this == CLIENT_UPDATE_PROHIBITED || this == SERVER_UPDATE_PROHIBITED;
  }

  public boolean prohibitsRenew() {
    return this == CLIENT_RENEW_PROHIBITED || this == SERVER_RENEW_PROHIBITED;
  }

  public boolean prohibitsTransfer() {
    return this == CLIENT_TRANSFER_PROHIBITED || this == SERVER_TRANSFER_PROHIBITED;
  }
}
