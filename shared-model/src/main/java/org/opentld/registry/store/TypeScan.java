package org.opentld.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads every item of one {@code type} (domain, host, contact, registrar, history...) of the
 * registry table with a parallel Scan: {@code segments} threads each scan one segment
 * ({@code ScanRequest.segment/totalSegments}) page by page and hand each item to a consumer,
 * so memory holds a page ({@value #DEFAULT_PAGE} items by default) per thread, never the table. Used by jobs that must see everything
 * (escrow, reports); nothing on a request path scans.
 *
 * <p>Scans are eventually consistent and not a snapshot: an item changed while the scan runs
 * may be seen in either state. Jobs that need a cut-off (escrow) take the time before the scan
 * and pick up later changes in the next run.
 */
public final class TypeScan {
  /** Items read per Scan request: bounds the memory of a page (DynamoDB's own cap is 1 MB). */
  public static final int DEFAULT_PAGE = 250;

  private final Store store;
  private final int segments;
  private final int page;

  /**
   * @param segments parallel scan segments (and threads), 1–64
   */
  public TypeScan(Store store, int segments) {
    this(store, segments, DEFAULT_PAGE);
  }

  /**
   * @param page items evaluated per Scan request (before the filter), 1–1000
   */
  public TypeScan(Store store, int segments, int page) {
    if (segments < 1 || segments > 64) {
      throw new IllegalArgumentException("segments must be 1-64: " + segments);
    }
    if (page < 1 || page > 1000) {
      throw new IllegalArgumentException("page must be 1-1000: " + page);
    }
    this.store = store;
    this.segments = segments;
    this.page = page;
  }

  /**
   * Hands every item with {@code type = type} (and each {@code equals} attribute equal to its
   * string value) to {@code consumer}, from several threads at once: the consumer must be
   * thread-safe.
   *
   * @return how many items were handed over
   */
  public long forEach(
      String type, Map<String, String> equals, Consumer<Map<String, AttributeValue>> consumer) {
    ScanRequest base = request(type, equals, false);
    AtomicLong count = new AtomicLong();
    run(
        segment -> {
          Map<String, AttributeValue> start = null;
          do {
            ScanRequest.Builder b = base.toBuilder().segment(segment).totalSegments(segments);
            if (start != null) {
              b.exclusiveStartKey(start);
            }
            ScanResponse r = store.client().scan(b.build());
            for (Map<String, AttributeValue> item : r.items()) {
              consumer.accept(item);
              count.incrementAndGet();
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? r.lastEvaluatedKey() : null;
          } while (start != null);
        });
    return count.get();
  }

  /** How many items match, counted by DynamoDB (Select COUNT) without returning them. */
  public long count(String type, Map<String, String> equals) {
    ScanRequest base = request(type, equals, true);
    AtomicLong count = new AtomicLong();
    run(
        segment -> {
          Map<String, AttributeValue> start = null;
          do {
            ScanRequest.Builder b = base.toBuilder().segment(segment).totalSegments(segments);
            if (start != null) {
              b.exclusiveStartKey(start);
            }
            ScanResponse r = store.client().scan(b.build());
            count.addAndGet(r.count());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? r.lastEvaluatedKey() : null;
          } while (start != null);
        });
    return count.get();
  }

  private ScanRequest request(String type, Map<String, String> equals, boolean countOnly) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder filter = new StringBuilder("#type = :type");
    names.put("#type", "type");
    values.put(":type", AttributeValue.fromS(type));
    int i = 0;
    for (Map.Entry<String, String> e : equals.entrySet()) {
      names.put("#f" + i, e.getKey());
      values.put(":f" + i, AttributeValue.fromS(e.getValue()));
      filter.append(" AND #f").append(i).append(" = :f").append(i);
      i++;
    }
    ScanRequest.Builder b =
        ScanRequest.builder()
            .tableName(store.table())
            .limit(page)
            .filterExpression(filter.toString())
            .expressionAttributeNames(names)
            .expressionAttributeValues(values);
    if (countOnly) {
      b.select(Select.COUNT);
    }
    return b.build();
  }

  private interface Segment {
    void scan(int segment);
  }

  private void run(Segment work) {
    if (segments == 1) {
      work.scan(0);
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            segments,
            r -> {
              Thread t = new Thread(r, "type-scan");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        running.add(pool.submit(() -> work.scan(segment)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
