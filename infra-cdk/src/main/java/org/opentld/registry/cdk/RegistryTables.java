package org.opentld.registry.cdk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opentld.registry.store.TableDefinition;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The DynamoDB tables, built from the shared definitions ({@code
 * org.opentld.registry.store.RegistryTables}) that the local stack also creates its tables from:
 * on-demand, point-in-time recovery, encrypted with the registry's KMS key, streams where the
 * definition asks for them, deletion protection in prod.
 */
public final class RegistryTables extends Construct {
  /** What the tables are built from. */
  public record Props(Stage stage, Key key, Iterable<TableDefinition> definitions) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private Key key;
      private Iterable<TableDefinition> definitions =
          org.opentld.registry.store.RegistryTables.all();

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder key(Key v) {
        key = v;
        return this;
      }

      public Builder definitions(Iterable<TableDefinition> v) {
        definitions = v;
        return this;
      }

      public Props build() {
        return new Props(stage, key, definitions);
      }
    }
  }

  private final Map<String, Table> tables = new LinkedHashMap<>();

  public RegistryTables(Construct scope, String id, Props props) {
    super(scope, id);
    for (TableDefinition def : props.definitions()) {
      Table.Builder b =
          Table.Builder.create(this, def.logicalName())
              .partitionKey(string(def.partitionKey()))
              .sortKey(string(def.sortKey()))
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .pointInTimeRecoverySpecification(
                  PointInTimeRecoverySpecification.builder()
                      .pointInTimeRecoveryEnabled(true)
                      .build())
              .encryption(TableEncryption.CUSTOMER_MANAGED)
              .encryptionKey(props.key())
              .deletionProtection(props.stage().protect())
              .removalPolicy(props.stage().removalPolicy());
      if (def.streamNewAndOldImages()) {
        // Streams feed what reacts to change (audit, zone freshness, notifications).
        b.stream(StreamViewType.NEW_AND_OLD_IMAGES);
      }
      if (def.ttlAttribute() != null) {
        b.timeToLiveAttribute(def.ttlAttribute());
      }
      Table table = b.build();
      for (TableDefinition.Index idx : def.indexes()) {
        table.addGlobalSecondaryIndex(
            GlobalSecondaryIndexProps.builder()
                .indexName(idx.name())
                .partitionKey(string(idx.partitionKey()))
                .sortKey(string(idx.sortKey()))
                .projectionType(ProjectionType.ALL)
                .build());
      }
      tables.put(def.logicalName(), table);
    }
  }

  /** The table of a definition by its logical name. */
  public Table table(String logicalName) {
    Table t = tables.get(logicalName);
    if (t == null) {
      throw new IllegalArgumentException("no table " + logicalName);
    }
    return t;
  }

  /** The one registry table. */
  public Table registry() {
    return table(org.opentld.registry.store.RegistryTables.REGISTRY.logicalName());
  }

  /** Every table, by logical name. */
  public Map<String, Table> all() {
    return Map.copyOf(tables);
  }

  private static Attribute string(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
