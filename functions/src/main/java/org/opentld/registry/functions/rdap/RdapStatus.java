package org.opentld.registry.functions.rdap;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.common.StatusValue;

/**
 * EPP status values as RDAP status values (RFC 8056 §2, registered in the IANA "RDAP JSON
 * Values" registry): {@code ok} is {@code active}, {@code linked} is {@code associated}, the
 * others are the EPP name split into lower-case words. RGP states (RFC 3915) map the same way.
 */
final class RdapStatus {
  private static final Map<StatusValue, String> EPP = new EnumMap<>(StatusValue.class);

  static {
    EPP.put(StatusValue.OK, "active");
    EPP.put(StatusValue.INACTIVE, "inactive");
    EPP.put(StatusValue.LINKED, "associated");
    EPP.put(StatusValue.CLIENT_DELETE_PROHIBITED, "client delete prohibited");
    EPP.put(StatusValue.CLIENT_HOLD, "client hold");
    EPP.put(StatusValue.CLIENT_RENEW_PROHIBITED, "client renew prohibited");
    EPP.put(StatusValue.CLIENT_TRANSFER_PROHIBITED, "client transfer prohibited");
    EPP.put(StatusValue.CLIENT_UPDATE_PROHIBITED, "client update prohibited");
    EPP.put(StatusValue.SERVER_DELETE_PROHIBITED, "server delete prohibited");
    EPP.put(StatusValue.SERVER_HOLD, "server hold");
    EPP.put(StatusValue.SERVER_RENEW_PROHIBITED, "server renew prohibited");
    EPP.put(StatusValue.SERVER_TRANSFER_PROHIBITED, "server transfer prohibited");
    EPP.put(StatusValue.SERVER_UPDATE_PROHIBITED, "server update prohibited");
    EPP.put(StatusValue.PENDING_CREATE, "pending create");
    EPP.put(StatusValue.PENDING_DELETE, "pending delete");
    EPP.put(StatusValue.PENDING_RENEW, "pending renew");
    EPP.put(StatusValue.PENDING_TRANSFER, "pending transfer");
    EPP.put(StatusValue.PENDING_UPDATE, "pending update");
  }

  private static final Map<String, String> RGP =
      Map.of(
          "addPeriod", "add period",
          "autoRenewPeriod", "auto renew period",
          "renewPeriod", "renew period",
          "transferPeriod", "transfer period",
          "redemptionPeriod", "redemption period",
          "pendingRestore", "pending restore",
          "pendingDelete", "pending delete");

  private RdapStatus() {}

  static String of(StatusValue s) {
    return EPP.get(s);
  }

  /** EPP statuses then RGP states, mapped, without repeats, in a stable order. */
  static List<String> of(Set<StatusValue> epp, List<String> rgp) {
    Set<String> out = new LinkedHashSet<>();
    epp.stream().sorted().forEach(s -> out.add(of(s)));
    for (String r : rgp) {
      out.add(RGP.getOrDefault(r, r));
    }
    return List.copyOf(out);
  }
}
