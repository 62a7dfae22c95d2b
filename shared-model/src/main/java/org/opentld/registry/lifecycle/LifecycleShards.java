package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expiry index (gsi2) and the due index (gsi3) read for one shard of a scheduled job: a job
 * split into {@code segments} shards gives each the names whose hash falls on it, the same
 * partitioning as {@code JobRun.owns}, and when the segment count divides {@link Keys#BUCKETS} a
 * shard queries only its own buckets (names land in bucket {@code hash mod 16}), so that {@code
 * segments} Lambdas share the index reads instead of each reading everything. Every name of the
 * time range is returned exactly once over all shards. Index reads are eventually consistent: each
 * action the job takes re-reads its object.
 */
public final class LifecycleShards {
  private static final String HIGH = "#\uffff";
  private final Store store;

  public LifecycleShards(RegistryContext ctx) {
    this.store = ctx.store();
  }

  /** True if shard {@code segment} of {@code segments} owns {@code name}. */
  public static boolean owns(String name, int segment, int segments) {
    return Math.floorMod(name.hashCode(), segments) == segment;
  }

  /**
   * The index buckets shard {@code segment} must read: those congruent to it when the segment count
   * divides the bucket count (then a bucket's names all belong to one shard), else all.
   */
  public static List<Integer> buckets(int segment, int segments) {
    if (segments < 1 || segment < 0 || segment >= segments) {
      throw new IllegalArgumentException("segment " + segment + " of " + segments);
    }
    List<Integer> out = new ArrayList<>();
    for (int b = 0; b < Keys.BUCKETS; b++) {
      if (Keys.BUCKETS % segments != 0 || b % segments == segment) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Names of domains of the shard whose expiry lies in {@code [from, to]}, in time order per day.
   */
  public List<String> expiring(Instant from, Instant to, int segment, int segments) {
    return read(
        RegistryTables.GSI2,
        Keys::byExpiry,
        from,
        to,
        segment,
        segments,
        (sk, item) -> "domain".equals(text(item, "type")) ? text(item, "name") : null,
        name -> name);
  }

  /** Objects of the shard with a lifecycle action due in {@code [from, to]}. */
  public List<Due.Entry> due(Instant from, Instant to, int segment, int segments) {
    return read(
        RegistryTables.GSI3,
        Keys::due,
        from,
        to,
        segment,
        segments,
        (sk, item) -> entry(sk),
        Due.Entry::name);
  }

  /** The start of the UTC day {@code days} before {@code at}: where look-back windows begin. */
  public static Instant startOfDayBefore(Instant at, int days) {
    return at.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .minusDays(days)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private <T> List<T> read(
      String index,
      IndexScan.PartitionKey partition,
      Instant from,
      Instant to,
      int segment,
      int segments,
      BiFunction<String, Map<String, AttributeValue>, T> mapper,
      java.util.function.Function<T, String> nameOf) {
    List<T> out = new ArrayList<>();
    if (to.isBefore(from)) {
      return out;
    }
    List<Integer> buckets = buckets(segment, segments);
    LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      String skFrom = day.equals(first) ? Keys.ts(from) : null;
      String skTo = day.equals(last) ? Keys.ts(to) + HIGH : null;
      for (int b : buckets) {
        Map<String, AttributeValue> start = null;
        do {
          Store.Page page =
              store.queryIndex(index, partition.of(day.toString(), b), skFrom, skTo, 1000, start);
          for (var item : page.items()) {
            T v = mapper.apply(text(item, index + "sk"), item);
            if (v != null && owns(nameOf.apply(v), segment, segments)) {
              out.add(v);
            }
          }
          start = page.next();
        } while (start != null);
      }
    }
    return out;
  }

  /** Parses a gsi3 sort key {@code <timestamp>#D#<name>} (C for contacts, H for hosts). */
  static Due.Entry entry(String sk) {
    if (sk == null) {
      return null;
    }
    String[] parts = sk.split("#", 3);
    if (parts.length != 3) {
      return null;
    }
    String type =
        switch (parts[1]) {
          case "D" -> "domain";
          case "C" -> "contact";
          case "H" -> "host";
          default -> parts[1];
        };
    return new Due.Entry(type, parts[2], Instant.parse(parts[0]));
  }

  private static String text(Map<String, AttributeValue> item, String attr) {
    AttributeValue v = item.get(attr);
    return v == null ? null : v.s();
  }
}
