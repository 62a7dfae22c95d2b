package org.opentld.registry.domain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * Side effects that several domain operations share when a domain leaves: grace-period refunds
 * and dropping the links to the hosts and contacts it used.
 */
public final class DomainEffects {
  private DomainEffects() {}

  /** Every contact id the domain refers to (registrant and role contacts), once each. */
  public static Set<String> contactIds(Domain d) {
    Set<String> ids = new LinkedHashSet<>();
    if (d.registrant() != null) {
      ids.add(d.registrant());
    }
    ids.addAll(d.contacts().values());
    return ids;
  }

  /** Removes the domain's links to each host and contact it uses (one per object). */
  public static void unlinkAll(RegistryContext ctx, Tx tx, Domain d) {
    for (String id : contactIds(d)) {
      ctx.unlink(tx, Keys.contact(id), d.name());
    }
    for (String h : new LinkedHashSet<>(d.nameservers())) {
      ctx.unlink(tx, Keys.host(h), d.name());
    }
  }

  /**
   * Refunds the charges of the given grace periods (RFC 3915 §3.1: a delete inside a grace
   * period credits what that period charged). A transaction may touch a registrar's balance
   * only once, so the refunds of one registrar become one credit and one ledger entry whose
   * description lists each period and amount.
   *
   * @return the total refunded per registrar
   */
  public static Map<String, Money> refund(
      RegistryContext ctx, Tx tx, Caller caller, Domain d, List<GracePeriod> graces) {
    Map<String, Money> totals = new LinkedHashMap<>();
    Map<String, StringBuilder> what = new LinkedHashMap<>();
    for (GracePeriod g : graces) {
      if (g.charge() == null || g.charge().isZero()) {
        continue;
      }
      totals.merge(g.registrarId(), g.charge(), Money::plus);
      StringBuilder sb = what.computeIfAbsent(g.registrarId(), k -> new StringBuilder());
      sb.append(sb.length() == 0 ? "refund of " : " + ")
          .append(g.type().rgp())
          .append(' ')
          .append(g.charge());
    }
    for (var e : totals.entrySet()) {
      ctx.credit(
          tx,
          caller,
          e.getKey(),
          e.getValue(),
          "refund",
          d.tld(),
          d.name(),
          0,
          what.get(e.getKey()) + " on delete of " + d.name());
    }
    return totals;
  }
}
