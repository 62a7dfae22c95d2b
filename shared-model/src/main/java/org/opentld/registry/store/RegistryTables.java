package org.opentld.registry.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The registry's tables, defined once: used by the local stack to create them and by the CDK
 * app to deploy them. See docs/data-model.md for every key and access pattern.
 */
public final class RegistryTables {
  /** GSI by owner: domains, hosts, contacts by registrar; history by object name. */
  public static final String GSI1 = "gsi1";

  /** GSI by date: domains by expiry day; history by month. */
  public static final String GSI2 = "gsi2";

  /** Sparse GSI of pending lifecycle actions by due day (transfers, restores, purges). */
  public static final String GSI3 = "gsi3";

  /** GSI by name prefix: domains of a TLD and hosts by first character, for searches. */
  public static final String GSI4 = "gsi4";

  /** The one table holding every registry object, its history, ledgers and poll queues. */
  public static final TableDefinition REGISTRY =
      new TableDefinition(
          "registry",
          "pk",
          "sk",
          List.of(
              new TableDefinition.Index(
                  GSI1, "gsi1pk", "gsi1sk", "objects by sponsoring registrar; history by object"),
              new TableDefinition.Index(
                  GSI2, "gsi2pk", "gsi2sk", "domains by expiry day; history by month"),
              new TableDefinition.Index(
                  GSI3, "gsi3pk", "gsi3sk", "pending lifecycle actions by due day"),
              new TableDefinition.Index(
                  GSI4, "gsi4pk", "gsi4sk", "domains and hosts by name prefix (searches)")),
          true,
          // Panel sessions (and any other item with an end) carry epoch seconds in "ttl".
          "ttl");

  private RegistryTables() {}

  /** Every table of the registry. */
  public static List<TableDefinition> all() {
    return List.of(REGISTRY);
  }

  /** The CreateTable request for a definition, on-demand, with the given physical name. */
  public static CreateTableRequest createRequest(TableDefinition def, String physicalName) {
    Set<String> keyAttrs = new LinkedHashSet<>();
    keyAttrs.add(def.partitionKey());
    keyAttrs.add(def.sortKey());
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (TableDefinition.Index idx : def.indexes()) {
      keyAttrs.add(idx.partitionKey());
      keyAttrs.add(idx.sortKey());
      gsis.add(
          GlobalSecondaryIndex.builder()
              .indexName(idx.name())
              .keySchema(
                  KeySchemaElement.builder()
                      .attributeName(idx.partitionKey())
                      .keyType(KeyType.HASH)
                      .build(),
                  KeySchemaElement.builder()
                      .attributeName(idx.sortKey())
                      .keyType(KeyType.RANGE)
                      .build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .build());
    }
    CreateTableRequest.Builder b =
        CreateTableRequest.builder()
            .tableName(physicalName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                keyAttrs.stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                    .toList())
            .keySchema(
                KeySchemaElement.builder()
                    .attributeName(def.partitionKey())
                    .keyType(KeyType.HASH)
                    .build(),
                KeySchemaElement.builder().attributeName(def.sortKey()).keyType(KeyType.RANGE).build());
    if (!gsis.isEmpty()) {
      b.globalSecondaryIndexes(gsis);
    }
    if (def.streamNewAndOldImages()) {
      b.streamSpecification(
          StreamSpecification.builder()
              .streamEnabled(true)
              .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
              .build());
    }
    return b.build();
  }

  /** Creates every table that does not exist yet; returns the names it created. */
  public static List<String> createMissing(DynamoDbClient ddb, String prefix) {
    List<String> created = new ArrayList<>();
    for (TableDefinition def : all()) {
      String name = prefix + def.logicalName();
      try {
        ddb.createTable(createRequest(def, name));
        ddb.waiter().waitUntilTableExists(r -> r.tableName(name));
        enableTtl(ddb, def, name);
        created.add(name);
      } catch (ResourceInUseException exists) {
        // already there: a restart of the local stack keeps its data
      }
    }
    return created;
  }

  /** Turns on DynamoDB's expiry of items by the definition's TTL attribute, where supported. */
  private static void enableTtl(DynamoDbClient ddb, TableDefinition def, String name) {
    if (def.ttlAttribute() == null) {
      return;
    }
    try {
      ddb.updateTimeToLive(r -> r.tableName(name)
          .timeToLiveSpecification(t -> t.enabled(true).attributeName(def.ttlAttribute())));
    } catch (RuntimeException unsupported) {
      // An emulator without TTL keeps expired items; readers check expiry themselves anyway.
    }
  }
}
