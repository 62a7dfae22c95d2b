package org.opentld.registry.history;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;

/**
 * Reading the history the operations write: one object's changes (gsi1 {@code HO#type#name},
 * across re-registrations of a name) and everything changed in a month (gsi2 {@code
 * HM#month#bucket}, all 16 buckets merged), newest first.
 */
public final class AuditLog {
  public static final int MAX_LIMIT = 500;
  private static final int READ_CAP = 5_000;

  private final RegistryContext ctx;

  public AuditLog(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** History records and whether there were more. */
  public record Page(List<HistoryRecord> items, boolean truncated) {}

  /**
   * A month's changes, filtered.
   *
   * @param objectType domain, host, contact, registrar, tld, user; null for all
   * @param registrarId the registrar that made the change; null for all
   * @param action e.g. create; null for all
   */
  public record Query(
      YearMonth month, String objectType, String registrarId, String action, int limit) {}

  /** The changes of one object, newest first. */
  public List<HistoryRecord> ofObject(String objectType, String name, int limit) {
    return ctx.store()
        .queryIndex(
            RegistryTables.GSI1, Keys.historyByObject(objectType, name), null, null,
            Math.min(Math.max(limit, 1), MAX_LIMIT), null, false)
        .items().stream()
        .map(Items::history)
        .toList();
  }

  public Page month(Query q) {
    int limit = q.limit() <= 0 ? 100 : Math.min(q.limit(), MAX_LIMIT);
    List<HistoryRecord> out = new ArrayList<>();
    boolean truncated = false;
    for (int b = 0; b < Keys.BUCKETS; b++) {
      var page =
          ctx.store()
              .queryIndex(
                  RegistryTables.GSI2, Keys.historyByMonth(q.month().toString(), b), null, null,
                  READ_CAP, null, false);
      truncated |= page.next() != null;
      for (var item : page.items()) {
        HistoryRecord h = Items.history(item);
        if ((q.objectType() == null || q.objectType().equals(h.objectType()))
            && (q.registrarId() == null || q.registrarId().equals(h.registrarId()))
            && (q.action() == null || q.action().equals(h.action()))) {
          out.add(h);
        }
      }
    }
    out.sort(Comparator.comparing(HistoryRecord::at).thenComparing(HistoryRecord::id).reversed());
    truncated |= out.size() > limit;
    return new Page(List.copyOf(out.subList(0, Math.min(limit, out.size()))), truncated);
  }
}
