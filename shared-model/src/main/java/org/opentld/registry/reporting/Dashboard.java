package org.opentld.registry.reporting;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;

/**
 * The panel's overview, for the whole registry or one registrar: domains by TLD and status
 * (from the by-registrar index, gsi1), monthly domain activity (from history by month, gsi2),
 * the registrars with most domains and every balance. It reads at most {@code maxDomains}
 * domains and as many history records per month; past that it says {@code truncated}. At the
 * scale of a large TLD these figures would come from counters kept by a stream consumer; this
 * reader is exact for registries of up to about a hundred thousand names.
 */
public final class Dashboard {
  private final RegistryContext ctx;

  public Dashboard(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** Domains of one TLD: how many, and how many have each (effective) EPP status. */
  public record TldCounts(String tld, long total, Map<String, Long> byStatus) {}

  /** Domain history actions of one month, by action, with the usual four picked out. */
  public record MonthActivity(
      String month, long creates, long deletes, long renews, long transfers, Map<String, Long> byAction) {}

  public record RegistrarCount(String registrarId, String name, long domains) {}

  public record Summary(
      List<TldCounts> domainsByTld,
      List<MonthActivity> activity,
      List<RegistrarCount> topRegistrars,
      List<Registrar> registrars,
      boolean truncated) {}

  /**
   * @param registrarId limit everything to this registrar, or null for the registry
   * @param months how many months of activity, this one included (1-24)
   */
  public Summary summary(String registrarId, int months, long maxDomains) {
    List<Registrar> registrars =
        registrarId == null ? new RegistrarAdmin(ctx).list() : List.of(ctx.registrar(registrarId));
    Map<String, long[]> totals = new TreeMap<>();
    Map<String, Map<String, Long>> statuses = new TreeMap<>();
    List<RegistrarCount> perRegistrar = new ArrayList<>();
    long read = 0;
    boolean truncated = false;
    for (Registrar r : registrars) {
      long count = 0;
      for (int b = 0; b < Keys.BUCKETS && !truncated; b++) {
        var page =
            ctx.store()
                .queryIndex(RegistryTables.GSI1, Keys.byRegistrar("D", r.id(), b), null, null,
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxDomains - read)), null);
        for (var item : page.items()) {
          Domain d = Items.domain(item);
          count++;
          totals.computeIfAbsent(d.tld(), t -> new long[1])[0]++;
          Map<String, Long> s = statuses.computeIfAbsent(d.tld(), t -> new TreeMap<>());
          for (StatusValue v : d.effectiveStatuses()) {
            s.merge(v.epp(), 1L, Long::sum);
          }
        }
        read += page.items().size();
        truncated = page.next() != null || read >= maxDomains;
      }
      perRegistrar.add(new RegistrarCount(r.id(), r.name(), count));
    }
    List<TldCounts> byTld = new ArrayList<>();
    totals.forEach((tld, n) -> byTld.add(new TldCounts(tld, n[0], statuses.get(tld))));
    perRegistrar.sort(Comparator.comparingLong(RegistrarCount::domains).reversed()
        .thenComparing(RegistrarCount::registrarId));
    int m = Math.max(1, Math.min(months, 24));
    YearMonth now = YearMonth.from(ctx.now().atZone(ZoneOffset.UTC));
    List<MonthActivity> activity = new ArrayList<>();
    for (int i = m - 1; i >= 0; i--) {
      MonthActivity a = activity(now.minusMonths(i), registrarId, maxDomains);
      activity.add(a);
    }
    return new Summary(
        byTld, activity, List.copyOf(perRegistrar.subList(0, Math.min(10, perRegistrar.size()))),
        registrars, truncated);
  }

  private MonthActivity activity(YearMonth month, String registrarId, long max) {
    Map<String, Long> byAction = new TreeMap<>();
    long read = 0;
    for (int b = 0; b < Keys.BUCKETS && read < max; b++) {
      var page =
          ctx.store()
              .queryIndex(RegistryTables.GSI2, Keys.historyByMonth(month.toString(), b), null, null,
                  (int) Math.min(Integer.MAX_VALUE, max - read), null);
      read += page.items().size();
      for (var item : page.items()) {
        HistoryRecord h = Items.history(item);
        if ("domain".equals(h.objectType())
            && (registrarId == null || registrarId.equals(h.registrarId()))) {
          byAction.merge(h.action(), 1L, Long::sum);
        }
      }
    }
    return new MonthActivity(
        month.toString(),
        byAction.getOrDefault("create", 0L),
        byAction.getOrDefault("delete", 0L),
        byAction.getOrDefault("renew", 0L) + byAction.getOrDefault("autoRenew", 0L),
        byAction.getOrDefault("transfer", 0L),
        byAction);
  }
}
