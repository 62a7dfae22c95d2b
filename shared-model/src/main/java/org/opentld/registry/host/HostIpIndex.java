package org.opentld.registry.host;

import java.util.LinkedHashSet;
import java.util.Set;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * Keeps the hosts-by-address index (RDAP nameserver search by {@code ip}, RFC 9082 §3.2.2) in
 * step with a host's glue: every write of a host adds and removes its index items in the same
 * transaction, so a search never finds a host under an address it no longer has. Items that stay
 * the same are not touched, because one transaction may not write an item twice.
 */
final class HostIpIndex {
  private HostIpIndex() {}

  /**
   * Adds to {@code tx} the index changes from {@code before} to {@code after}; either may be null
   * (create, delete). A rename drops every item of the old name and writes those of the new one.
   */
  static void apply(Tx tx, Host before, Host after) {
    Set<String> old = before == null ? Set.of() : addresses(before);
    Set<String> now = after == null ? Set.of() : addresses(after);
    boolean renamed = before != null && after != null && !before.name().equals(after.name());
    for (String a : old) {
      if (renamed || !now.contains(a)) {
        tx.delete(Keys.ip(a), Keys.ipHostSk(before.name()), null, null, null);
      }
    }
    for (String a : now) {
      if (renamed || !old.contains(a)) {
        tx.put(Items.hostIp(a, after.name()), null, null, null);
      }
    }
  }

  private static Set<String> addresses(Host h) {
    Set<String> out = new LinkedHashSet<>(h.inetV4());
    out.addAll(h.inetV6());
    return out;
  }
}
