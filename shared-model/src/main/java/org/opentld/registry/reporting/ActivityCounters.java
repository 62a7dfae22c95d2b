package org.opentld.registry.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opentld.registry.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Monthly command counts for ICANN's per-TLD activity report (Registry Agreement Specification
 * 3: {@code srs-dom-create} and the like), batched in memory and added to DynamoDB with
 * {@code ADD} so that any number of servers can count into the same items without reading
 * them first.
 *
 * <p>One item per TLD, month and source: {@code pk = STATS#<tld>#<yyyy-MM>}, {@code sk =
 * <source>} (e.g. {@code EPP}), one number attribute per counted field (e.g. {@code
 * domain:create}). Counts that belong to no TLD (login, host and contact commands) go to the
 * TLD {@code *}; that item also keeps the string set {@code tlds} of every TLD counted in the
 * month, so {@link #read(YearMonth)} needs no scan. A count belongs to the month in which it
 * was incremented (UTC), not the one in which it is flushed.
 *
 * <p>Delivery is at least once: a failed flush keeps its counts for the next one, and an
 * {@code UpdateItem} whose answer was lost after it succeeded would be counted twice. A
 * server that dies without flushing loses at most one flush interval of counts.
 */
public final class ActivityCounters implements AutoCloseable {
  /** The pseudo-TLD of counts that belong to no TLD. */
  public static final String ALL_TLDS = "*";

  private static final Logger LOG = LoggerFactory.getLogger(ActivityCounters.class);
  private static final String TLDS = "tlds";

  private final Store store;
  private final Clock clock;
  private final String source;
  private Map<Key, Map<String, Long>> pending = new HashMap<>();
  private ScheduledExecutorService timer;

  private record Key(YearMonth month, String tld) {}

  /**
   * @param source the item's sort key, naming what counted: {@code EPP}, {@code WHOIS}...
   */
  public ActivityCounters(Store store, Clock clock, String source) {
    if (source == null || !source.matches("[A-Z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("source must be 1-32 of A-Z 0-9 _ -: " + source);
    }
    this.store = store;
    this.clock = clock;
    this.source = source;
  }

  /** The partition key of a TLD's counts for a month. */
  public static String pk(String tld, YearMonth month) {
    return "STATS#" + tld + "#" + month;
  }

  /** Counts one event of {@code field} for {@code tld} (null: no TLD) in the current month. */
  public void increment(String tld, String field) {
    add(tld, field, 1);
  }

  /** Adds {@code n} to {@code field} for {@code tld} (null: no TLD) in the current month. */
  public void add(String tld, String field, long n) {
    if (field == null || field.isEmpty() || field.equals(TLDS)) {
      throw new IllegalArgumentException("bad counter name: " + field);
    }
    Key k = new Key(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)),
        tld == null || tld.isEmpty() ? ALL_TLDS : tld);
    synchronized (this) {
      pending.computeIfAbsent(k, x -> new TreeMap<>()).merge(field, n, Long::sum);
    }
  }

  /** What has not been flushed yet: month, TLD and counts (a copy). */
  public synchronized Map<String, Map<String, Long>> pending() {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    pending.forEach((k, v) -> out.put(pk(k.tld(), k.month()), new TreeMap<>(v)));
    return out;
  }

  /**
   * Writes every pending count with one {@code UpdateItem ... ADD} per TLD and month. Counts
   * of an update that fails are kept for the next flush.
   *
   * @return how many items were updated
   */
  public int flush() {
    Map<Key, Map<String, Long>> batch;
    synchronized (this) {
      if (pending.isEmpty()) {
        return 0;
      }
      batch = pending;
      pending = new HashMap<>();
    }
    // Per month: the TLDs counted, recorded on that month's "*" item.
    Map<YearMonth, TreeSet<String>> tldsByMonth = new HashMap<>();
    batch.keySet().stream()
        .filter(k -> !k.tld().equals(ALL_TLDS))
        .forEach(k -> tldsByMonth.computeIfAbsent(k.month(), m -> new TreeSet<>()).add(k.tld()));
    tldsByMonth.keySet().forEach(m -> batch.putIfAbsent(new Key(m, ALL_TLDS), Map.of()));
    int written = 0;
    for (Map.Entry<Key, Map<String, Long>> e : batch.entrySet()) {
      Key k = e.getKey();
      TreeSet<String> tlds = k.tld().equals(ALL_TLDS) ? tldsByMonth.get(k.month()) : null;
      try {
        update(k, e.getValue(), tlds);
        written++;
      } catch (RuntimeException failure) {
        LOG.warn("activity counters for {} not flushed, kept for the next flush: {}",
            pk(k.tld(), k.month()), failure.toString());
        synchronized (this) {
          Map<String, Long> back = pending.computeIfAbsent(k, x -> new TreeMap<>());
          e.getValue().forEach((f, n) -> back.merge(f, n, Long::sum));
        }
      }
    }
    return written;
  }

  private void update(Key k, Map<String, Long> counts, TreeSet<String> tlds) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> adds = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      names.put("#f" + i, c.getKey());
      values.put(":v" + i, AttributeValue.fromN(Long.toString(c.getValue())));
      adds.add("#f" + i + " :v" + i);
      i++;
    }
    if (tlds != null && !tlds.isEmpty()) {
      names.put("#tlds", TLDS);
      values.put(":tlds", AttributeValue.fromSs(new ArrayList<>(tlds)));
      adds.add("#tlds :tlds");
    }
    names.put("#u", "updatedAt");
    values.put(":u", AttributeValue.fromS(clock.instant().toString()));
    String expr = "SET #u = :u" + (adds.isEmpty() ? "" : " ADD " + String.join(", ", adds));
    store.client().updateItem(b -> b.tableName(store.table())
        .key(Map.of("pk", AttributeValue.fromS(pk(k.tld(), k.month())),
            "sk", AttributeValue.fromS(source)))
        .updateExpression(expr)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values));
  }

  /** The stored counts of one TLD ({@link #ALL_TLDS} for none) for a month; empty if none. */
  public Map<String, Long> read(String tld, YearMonth month) {
    Map<String, Long> out = new TreeMap<>();
    store.get(pk(tld, month), source).ifPresent(item -> item.forEach((name, v) -> {
      if (v.n() != null) {
        out.put(name, Long.parseLong(v.n()));
      }
    }));
    return out;
  }

  /** Every TLD's stored counts for a month, {@link #ALL_TLDS} first, then by TLD. */
  public Map<String, Map<String, Long>> read(YearMonth month) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    var all = store.get(pk(ALL_TLDS, month), source);
    if (all.isEmpty()) {
      return out;
    }
    out.put(ALL_TLDS, read(ALL_TLDS, month));
    AttributeValue tlds = all.get().get(TLDS);
    if (tlds != null && tlds.hasSs()) {
      new TreeSet<>(tlds.ss()).forEach(t -> out.put(t, read(t, month)));
    }
    return out;
  }

  /** Flushes every {@code every} on a daemon thread until {@link #close}. */
  public synchronized ActivityCounters start(Duration every) {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "activity-counters-" + source);
        t.setDaemon(true);
        return t;
      });
      long ms = every.toMillis();
      timer.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("activity counters flush failed", e);
    }
  }

  /** Stops the periodic flush and flushes what is pending (shutdown). */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flushQuietly();
  }
}
