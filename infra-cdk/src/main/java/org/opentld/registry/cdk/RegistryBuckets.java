package org.opentld.registry.cdk;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The S3 buckets: zones, escrow deposits, reports, the panel's built files, and the access logs
 * of all of them (and of CloudFront). Every bucket is encrypted, TLS only, versioned, closed to
 * the public, and has lifecycle rules so old versions do not pile up.
 */
public final class RegistryBuckets extends Construct {
  /** What the buckets are built from. */
  public record Props(Stage stage, Key key) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private Key key;

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder key(Key v) {
        key = v;
        return this;
      }

      public Props build() {
        return new Props(stage, key);
      }
    }
  }

  private final Bucket logs;
  private final Bucket zones;
  private final Bucket escrow;
  private final Bucket reports;
  private final Bucket panel;

  public RegistryBuckets(Construct scope, String id, Props props) {
    super(scope, id);
    Stage stage = props.stage();
    // Server access logs may only go to an SSE-S3 bucket, and CloudFront's standard logs need
    // ACLs (BUCKET_OWNER_PREFERRED); it logs nothing about itself.
    logs =
        Bucket.Builder.create(this, "Logs")
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
            .versioned(true)
            .removalPolicy(stage.removalPolicy())
            .autoDeleteObjects(false)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-logs")
                        .expiration(Duration.days(stage.protect() ? 400 : 30))
                        .noncurrentVersionExpiration(Duration.days(7))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
            .build();
    Nag.suppress(
        logs, "AwsSolutions-S1", "This is the access-log bucket; logging it into itself loops.");

    // Zone files: each publication is a new version; old ones are kept a month for rollback.
    zones = bucket("Zones", props, "zones/", rules(30, null, null, null));
    // Escrow deposits (RDE, RFC 9022): the agent holds the authoritative copy; ours move to
    // Glacier after 30 days and are kept a year.
    escrow = bucket("Escrow", props, "escrow/", rules(30, StorageClass.GLACIER, 30, 365));
    // ICANN monthly reports: infrequent access after 90 days, kept for three years.
    reports =
        bucket("Reports", props, "reports/", rules(30, StorageClass.INFREQUENT_ACCESS, 90, 1095));
    // The panel's built files, served only through CloudFront (origin access control). SSE-S3
    // because CloudFront cannot read SSE-KMS objects without a key policy per distribution.
    panel =
        Bucket.Builder.create(this, "Panel")
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .versioned(true)
            .serverAccessLogsBucket(logs)
            .serverAccessLogsPrefix("panel/")
            .removalPolicy(stage.removalPolicy())
            .lifecycleRules(rules(30, null, null, null))
            .build();
  }

  private Bucket bucket(String id, Props props, String logPrefix, List<LifecycleRule> rules) {
    return Bucket.Builder.create(this, id)
        .encryption(BucketEncryption.KMS)
        .encryptionKey(props.key())
        .bucketKeyEnabled(true)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .versioned(true)
        .serverAccessLogsBucket(logs)
        .serverAccessLogsPrefix(logPrefix)
        .removalPolicy(props.stage().removalPolicy())
        .lifecycleRules(rules)
        .build();
  }

  /**
   * Lifecycle: noncurrent versions expire after {@code noncurrentDays}; current objects move to
   * {@code cold} after {@code coldAfterDays} and expire
   * after {@code expireDays}, when given.
   */
  private static List<LifecycleRule> rules(
      int noncurrentDays, StorageClass cold, Integer coldAfterDays, Integer expireDays) {
    LifecycleRule.Builder b =
        LifecycleRule.builder()
            .id("versions-and-age")
            .noncurrentVersionExpiration(Duration.days(noncurrentDays))
            .abortIncompleteMultipartUploadAfter(Duration.days(7));
    if (coldAfterDays != null) {
      b.transitions(
          List.of(
              Transition.builder()
                  .storageClass(cold)
                  .transitionAfter(Duration.days(coldAfterDays))
                  .build()));
    }
    if (expireDays != null) {
      b.expiration(Duration.days(expireDays));
    }
    return List.of(b.build());
  }

  public Bucket logs() {
    return logs;
  }

  public Bucket zones() {
    return zones;
  }

  public Bucket escrow() {
    return escrow;
  }

  public Bucket reports() {
    return reports;
  }

  public Bucket panel() {
    return panel;
  }
}
