package org.opentld.registry.store;

import java.util.List;

/**
 * The shape of a DynamoDB table, independent of any SDK or CDK type, so that the local stack
 * (CreateTable) and the CDK app (TableV2) build the same table from one definition.
 *
 * @param logicalName the table's name without the deployment prefix
 * @param partitionKey string partition key attribute
 * @param sortKey string sort key attribute
 * @param indexes global secondary indexes, all projecting ALL attributes
 * @param streamNewAndOldImages whether a stream with both images is enabled
 * @param ttlAttribute attribute holding an epoch-seconds expiry, or null
 */
public record TableDefinition(
    String logicalName,
    String partitionKey,
    String sortKey,
    List<Index> indexes,
    boolean streamNewAndOldImages,
    String ttlAttribute) {

  /** A global secondary index with string keys and ALL projection. */
  public record Index(String name, String partitionKey, String sortKey, String purpose) {}
}
