package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a day-and-bucket sharded index (expiry gsi2, due gsi3) over a range of days: each day
 * is spread over {@link Keys#BUCKETS} partitions so that no single day is a hot partition, and
 * the last day stops at the given instant (sort keys start with a fixed-width timestamp).
 */
final class IndexScan {
  /** Sorts after every character of a name, to make the last day's bound inclusive. */
  private static final String HIGH = "#\uffff";

  private IndexScan() {}

  /** An index partition key for a day (yyyy-MM-dd) and bucket. */
  interface PartitionKey {
    String of(String day, int bucket);
  }

  /**
   * Up to {@code limit} values mapped from index items, in day order; the mapper gets the
   * item's index sort key and the item, and returns null to skip it.
   */
  static <T> List<T> names(
      Store store,
      String index,
      LocalDate fromDay,
      Instant upTo,
      int limit,
      PartitionKey partition,
      BiFunction<String, Map<String, AttributeValue>, T> mapper) {
    List<T> out = new ArrayList<>();
    LocalDate last = upTo.atZone(ZoneOffset.UTC).toLocalDate();
    String skTo = Keys.ts(upTo) + HIGH;
    for (LocalDate day = fromDay; !day.isAfter(last) && out.size() < limit; day = day.plusDays(1)) {
      String bound = day.equals(last) ? skTo : null;
      for (int b = 0; b < Keys.BUCKETS && out.size() < limit; b++) {
        Map<String, AttributeValue> start = null;
        do {
          Store.Page page =
              store.queryIndex(
                  index, partition.of(day.toString(), b), null, bound, limit - out.size(), start);
          for (var item : page.items()) {
            T v = mapper.apply(text(item, index + "sk"), item);
            if (v != null && out.size() < limit) {
              out.add(v);
            }
          }
          start = page.next();
        } while (start != null && out.size() < limit);
      }
    }
    return out;
  }

  static String text(Map<String, AttributeValue> item, String attr) {
    AttributeValue v = item.get(attr);
    return v == null ? null : v.s();
  }
}
