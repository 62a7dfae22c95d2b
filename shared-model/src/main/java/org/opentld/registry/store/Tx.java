package org.opentld.registry.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentld.registry.error.RegistryException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One all-or-nothing write: every item of a registry operation (the object, the balance, the
 * ledger entry, history, poll messages, links) goes into one TransactWriteItems, each with
 * its condition and the registry error to raise if that condition fails. Attribute names
 * written {@code #name} in expressions are bound automatically.
 */
public final class Tx {
  private static final Pattern NAME = Pattern.compile("#(\\w+)");
  private final DynamoDbClient ddb;
  private final String table;
  private final List<TransactWriteItem> items = new ArrayList<>();
  private final List<Supplier<? extends RegistryException>> failures = new ArrayList<>();

  Tx(DynamoDbClient ddb, String table) {
    this.ddb = ddb;
    this.table = table;
  }

  /** Puts a whole item; {@code condition} may be null. */
  public Tx put(
      Map<String, AttributeValue> item,
      String condition,
      Map<String, AttributeValue> values,
      Supplier<? extends RegistryException> onFail) {
    Put.Builder p = Put.builder().tableName(table).item(item);
    if (condition != null) {
      p.conditionExpression(condition);
      Map<String, String> names = names(condition);
      if (!names.isEmpty()) {
        p.expressionAttributeNames(names);
      }
      if (values != null && !values.isEmpty()) {
        p.expressionAttributeValues(values);
      }
    }
    return add(TransactWriteItem.builder().put(p.build()).build(), onFail);
  }

  /** Puts an item that must not exist yet (a new history record, ledger entry, message). */
  public Tx putNew(Map<String, AttributeValue> item, Supplier<? extends RegistryException> onFail) {
    return put(item, "attribute_not_exists(#pk)", null, onFail);
  }

  /** Updates an item with an update expression and an optional condition. */
  public Tx update(
      String pk,
      String sk,
      String updateExpression,
      String condition,
      Map<String, AttributeValue> values,
      Supplier<? extends RegistryException> onFail) {
    Update.Builder u =
        Update.builder().tableName(table).key(key(pk, sk)).updateExpression(updateExpression);
    if (condition != null) {
      u.conditionExpression(condition);
    }
    Map<String, String> names = names(updateExpression + " " + (condition == null ? "" : condition));
    if (!names.isEmpty()) {
      u.expressionAttributeNames(names);
    }
    if (values != null && !values.isEmpty()) {
      u.expressionAttributeValues(values);
    }
    return add(TransactWriteItem.builder().update(u.build()).build(), onFail);
  }

  /** Deletes an item with an optional condition. */
  public Tx delete(
      String pk,
      String sk,
      String condition,
      Map<String, AttributeValue> values,
      Supplier<? extends RegistryException> onFail) {
    Delete.Builder d = Delete.builder().tableName(table).key(key(pk, sk));
    if (condition != null) {
      d.conditionExpression(condition);
      Map<String, String> names = names(condition);
      if (!names.isEmpty()) {
        d.expressionAttributeNames(names);
      }
      if (values != null && !values.isEmpty()) {
        d.expressionAttributeValues(values);
      }
    }
    return add(TransactWriteItem.builder().delete(d.build()).build(), onFail);
  }

  /** Requires a condition on an item that this transaction does not write. */
  public Tx check(
      String pk,
      String sk,
      String condition,
      Map<String, AttributeValue> values,
      Supplier<? extends RegistryException> onFail) {
    ConditionCheck.Builder c =
        ConditionCheck.builder().tableName(table).key(key(pk, sk)).conditionExpression(condition);
    Map<String, String> names = names(condition);
    if (!names.isEmpty()) {
      c.expressionAttributeNames(names);
    }
    if (values != null && !values.isEmpty()) {
      c.expressionAttributeValues(values);
    }
    return add(TransactWriteItem.builder().conditionCheck(c.build()).build(), onFail);
  }

  public int size() {
    return items.size();
  }

  /**
   * Writes everything or nothing.
   *
   * @throws RegistryException the error of the first item whose condition failed, {@link
   *     RegistryException.ConcurrentModification} when another transaction held an item
   */
  public void execute() {
    if (items.isEmpty()) {
      return;
    }
    if (items.size() > 100) {
      throw new RegistryException.ValueRange("operation touches more than 100 items");
    }
    try {
      ddb.transactWriteItems(r -> r.transactItems(items));
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      boolean conflict = false;
      for (int i = 0; i < reasons.size(); i++) {
        String code = reasons.get(i).code();
        if ("ConditionalCheckFailed".equals(code)) {
          throw failures.get(i).get();
        }
        if ("TransactionConflict".equals(code)) {
          conflict = true;
        }
      }
      if (conflict || reasons.isEmpty()) {
        throw new RegistryException.ConcurrentModification("transaction conflict");
      }
      throw new RegistryException.CommandFailed("transaction cancelled: " + reasonCodes(reasons));
    } catch (TransactionConflictException | ConditionalCheckFailedException e) {
      throw new RegistryException.ConcurrentModification("transaction conflict");
    }
  }

  private static String reasonCodes(List<CancellationReason> reasons) {
    StringBuilder sb = new StringBuilder();
    for (CancellationReason r : reasons) {
      sb.append(r.code()).append(' ');
    }
    return sb.toString().trim();
  }

  private Tx add(TransactWriteItem item, Supplier<? extends RegistryException> onFail) {
    items.add(item);
    failures.add(
        onFail != null
            ? onFail
            : () -> new RegistryException.ConcurrentModification("a condition failed"));
    return this;
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> k = new HashMap<>(4);
    k.put("pk", AttributeValue.fromS(pk));
    k.put("sk", AttributeValue.fromS(sk));
    return k;
  }

  private static Map<String, String> names(String expression) {
    Map<String, String> names = new HashMap<>();
    Matcher m = NAME.matcher(expression);
    while (m.find()) {
      names.put("#" + m.group(1), m.group(1));
    }
    return names;
  }
}
