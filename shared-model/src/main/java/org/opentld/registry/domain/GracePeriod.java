package org.opentld.registry.domain;

import java.time.Instant;
import org.opentld.registry.billing.Money;

/**
 * A running grace period (RFC 3915 §2): deleting the domain before {@code endsAt} refunds
 * {@code charge} to {@code registrarId}.
 */
public record GracePeriod(Type type, Instant endsAt, String registrarId, Money charge) {
  /** The RGP grace period kinds, with their RFC 3915 status names. */
  public enum Type {
    ADD("addPeriod"),
    RENEW("renewPeriod"),
    AUTO_RENEW("autoRenewPeriod"),
    TRANSFER("transferPeriod");

    private final String rgp;

    Type(String rgp) {
      this.rgp = rgp;
    }

    public String rgp() {
      return rgp;
    }
  }

  public boolean activeAt(Instant now) {
    return now.isBefore(endsAt);
  }
}
