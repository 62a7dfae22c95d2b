package org.opentld.registry.cdk;

import java.util.Locale;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A deployment stage. Stages change sizes and protections, never the shape: dev and prod deploy
 * the same resources, so what is tested in dev is what runs in prod.
 *
 * @param name used in resource names and tags
 * @param protect deletion protection on tables, retained buckets and tables on stack deletion
 * @param minTasks Fargate tasks per service at least (ICANN availability needs two AZs in prod)
 * @param maxTasks Fargate tasks per service at most (autoscaling ceiling)
 * @param taskCpu Fargate CPU units per task
 * @param taskMemoryMb Fargate memory per task
 * @param apiRate HTTP API steady-state requests per second (stage throttle)
 * @param apiBurst HTTP API burst
 * @param logRetention how long CloudWatch keeps logs
 * @param backupDays daily backups kept by AWS Backup
 */
public record Stage(
    String name,
    boolean protect,
    int minTasks,
    int maxTasks,
    int taskCpu,
    int taskMemoryMb,
    int apiRate,
    int apiBurst,
    RetentionDays logRetention,
    int backupDays) {

  public static final Stage DEV =
      new Stage("dev", false, 1, 2, 512, 1024, 50, 100, RetentionDays.ONE_MONTH, 7);

  public static final Stage PROD =
      new Stage("prod", true, 2, 10, 1024, 2048, 2000, 5000, RetentionDays.ONE_YEAR, 35);

  /** The stage named {@code dev} or {@code prod}. */
  public static Stage of(String name) {
    return switch (name == null ? "dev" : name.toLowerCase(Locale.ROOT)) {
      case "dev" -> DEV;
      case "prod" -> PROD;
      default -> throw new IllegalArgumentException("stage must be dev or prod, not " + name);
    };
  }

  /** What happens to stateful resources when the stack is deleted. */
  public RemovalPolicy removalPolicy() {
    return protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  }
}
