package org.opentld.registry.tld;

import java.util.Map;

/**
 * A per-label entry of a TLD's lists: reserved (cannot be registered) and/or premium (its own
 * prices). One item per label, so lists of any size cost one read per name.
 *
 * @param tld the TLD
 * @param label the A-label left of the TLD
 * @param reservedReason why the label is reserved, or null if it is not
 * @param premiumPrices minor units per year by operation (RESTORE flat), or null if not premium
 */
public record TldLabel(
    String tld, String label, String reservedReason, Map<BillingOperation, Long> premiumPrices) {
  public boolean reserved() {
    return reservedReason != null;
  }

  public boolean premium() {
    return premiumPrices != null && !premiumPrices.isEmpty();
  }
}
