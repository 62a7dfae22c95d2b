package org.opentld.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The registry's access to DynamoDB: strongly consistent reads of the main table, queries of
 * its indexes, and {@link Tx} for every write. Nothing outside shared-model touches DynamoDB.
 */
public final class Store {
  private final DynamoDbClient ddb;
  private final String table;

  public Store(DynamoDbClient ddb, String table) {
    this.ddb = ddb;
    this.table = table;
  }

  public String table() {
    return table;
  }

  public DynamoDbClient client() {
    return ddb;
  }

  public Tx tx() {
    return new Tx(ddb, table);
  }

  /** A strongly consistent read of one item. */
  public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    GetItemResponse r =
        ddb.getItem(b -> b.tableName(table).key(Tx.key(pk, sk)).consistentRead(true));
    return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
  }

  /**
   * Strongly consistent reads of several items in one round trip (BatchGetItem, 100 keys per
   * request, unprocessed keys retried). Returns the items found, keyed {@code pk + "\u0000" + sk}.
   */
  public Map<String, Map<String, AttributeValue>> getAll(List<String[]> keys) {
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += 100) {
      List<Map<String, AttributeValue>> batch = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String[] k : keys.subList(from, Math.min(keys.size(), from + 100))) {
        if (seen.add(k[0] + "\u0000" + k[1])) {
          batch.add(Tx.key(k[0], k[1]));
        }
      }
      Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request =
          Map.of(
              table,
              software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                  .keys(batch)
                  .consistentRead(true)
                  .build());
      for (int attempt = 0; !request.isEmpty(); attempt++) {
        var finalRequest = request;
        var r = ddb.batchGetItem(b -> b.requestItems(finalRequest));
        for (var item : r.responses().getOrDefault(table, List.of())) {
          found.put(item.get("pk").s() + "\u0000" + item.get("sk").s(), item);
        }
        request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        if (!request.isEmpty()) {
          try {
            Thread.sleep(Math.min(200, 5L << Math.min(attempt, 5)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
          }
        }
      }
    }
    return found;
  }

  /** Every item of a partition whose sort key starts with {@code skPrefix}, in order. */
  public List<Map<String, AttributeValue>> queryPrefix(String pk, String skPrefix, int limit) {
    return page(pk, skPrefix, limit, null, true).items();
  }

  /** A page of a partition (consistent), from an optional start key. */
  public Page page(
      String pk,
      String skPrefix,
      int limit,
      Map<String, AttributeValue> startKey,
      boolean ascending) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(pk));
    String cond = "pk = :pk";
    if (skPrefix != null && !skPrefix.isEmpty()) {
      values.put(":p", AttributeValue.fromS(skPrefix));
      cond += " AND begins_with(sk, :p)";
    }
    QueryRequest.Builder q =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(cond)
            .expressionAttributeValues(values)
            .consistentRead(true)
            .scanIndexForward(ascending);
    return runPaged(q, limit, startKey);
  }

  /**
   * A page of an index partition, optionally limited to sort keys up to {@code skTo}
   * (inclusive). Index reads are eventually consistent.
   */
  public Page queryIndex(
      String index,
      String pk,
      String skFrom,
      String skTo,
      int limit,
      Map<String, AttributeValue> startKey) {
    return queryIndex(index, pk, skFrom, skTo, limit, startKey, true);
  }

  /** As {@link #queryIndex(String, String, String, String, int, Map)}, newest-first if not ascending. */
  public Page queryIndex(
      String index,
      String pk,
      String skFrom,
      String skTo,
      int limit,
      Map<String, AttributeValue> startKey,
      boolean ascending) {
    String pkAttr = index + "pk";
    String skAttr = index + "sk";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(pk));
    String cond = "#ipk = :pk";
    if (skFrom != null && skTo != null) {
      values.put(":a", AttributeValue.fromS(skFrom));
      values.put(":b", AttributeValue.fromS(skTo));
      cond += " AND #isk BETWEEN :a AND :b";
    } else if (skTo != null) {
      values.put(":b", AttributeValue.fromS(skTo));
      cond += " AND #isk <= :b";
    } else if (skFrom != null) {
      values.put(":a", AttributeValue.fromS(skFrom));
      cond += " AND #isk >= :a";
    }
    Map<String, String> names = new HashMap<>();
    names.put("#ipk", pkAttr);
    if (cond.contains("#isk")) {
      names.put("#isk", skAttr);
    }
    QueryRequest.Builder q =
        QueryRequest.builder()
            .tableName(table)
            .indexName(index)
            .keyConditionExpression(cond)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(ascending);
    return runPaged(q, limit, startKey);
  }

  private Page runPaged(QueryRequest.Builder q, int limit, Map<String, AttributeValue> startKey) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> next = startKey;
    do {
      q.limit(Math.min(1000, limit - out.size()));
      if (next != null && !next.isEmpty()) {
        q.exclusiveStartKey(next);
      }
      QueryResponse r = ddb.query(q.build());
      out.addAll(r.items());
      next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (next != null && out.size() < limit);
    return new Page(out, next);
  }

  /**
   * How many items of a partition have a sort key starting with {@code skPrefix} (consistent);
   * DynamoDB counts them server-side (Select COUNT), page by page, without returning them.
   */
  public long count(String pk, String skPrefix) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(pk));
    String cond = "pk = :pk";
    if (skPrefix != null && !skPrefix.isEmpty()) {
      values.put(":p", AttributeValue.fromS(skPrefix));
      cond += " AND begins_with(sk, :p)";
    }
    QueryRequest.Builder q =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression(cond)
            .expressionAttributeValues(values)
            .consistentRead(true)
            .select(Select.COUNT);
    long total = 0;
    Map<String, AttributeValue> next = null;
    do {
      if (next != null) {
        q.exclusiveStartKey(next);
      }
      QueryResponse r = ddb.query(q.build());
      total += r.count();
      boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
      next = more ? r.lastEvaluatedKey() : null;
    } while (next != null);
    return total;
  }

  /** Items of a query and where the next page starts (null when done). */
  public record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> next) {}
}
