package org.opentld.registry.cdk;

import java.util.Collection;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * AWS Backup for the tables, on top of point-in-time recovery (35 days, same account): daily
 * backups kept for the stage's days and monthly ones for a year, in an encrypted vault, so a
 * bad deploy, a deleted table or a long-unnoticed corruption can be undone.
 */
public final class TableBackup extends Construct {
  /** What the backups are built from. */
  public record Props(Stage stage, Key key, Collection<? extends ITable> tables) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private Key key;
      private Collection<? extends ITable> tables;

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder key(Key v) {
        key = v;
        return this;
      }

      public Builder tables(Collection<? extends ITable> v) {
        tables = v;
        return this;
      }

      public Props build() {
        return new Props(stage, key, tables);
      }
    }
  }

  private final BackupPlan plan;

  public TableBackup(Construct scope, String id, Props props) {
    super(scope, id);
    BackupVault vault =
        BackupVault.Builder.create(this, "Vault")
            .encryptionKey(props.key())
            .removalPolicy(props.stage().removalPolicy())
            .build();
    plan =
        BackupPlan.Builder.create(this, "Plan")
            .backupVault(vault)
            .backupPlanRules(
                List.of(
                    BackupPlanRule.Builder.create()
                        .ruleName("daily")
                        .scheduleExpression(Schedule.expression("cron(0 4 * * ? *)"))
                        .deleteAfter(Duration.days(props.stage().backupDays()))
                        .build(),
                    BackupPlanRule.Builder.create()
                        .ruleName("monthly")
                        .scheduleExpression(Schedule.expression("cron(0 5 1 * ? *)"))
                        .deleteAfter(Duration.days(props.stage().protect() ? 365 : 31))
                        .build()))
            .build();
    plan.addSelection(
        "Tables",
        BackupSelectionOptions.builder()
            .resources(props.tables().stream().map(BackupResource::fromDynamoDbTable).toList())
            .build());
    Nag.suppress(
        plan,
        "AwsSolutions-IAM4",
        "AWSBackupServiceRolePolicyForBackup is the service's own policy for the backup role; "
            + "the selection limits it to the registry's tables.",
        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
            + "AWSBackupServiceRolePolicyForBackup");
  }

  public BackupPlan plan() {
    return plan;
  }
}
