package org.opentld.registry.cdk;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * CloudWatch metrics drawn from the EPP server's command log (one JSON line per command with
 * {@code command}, {@code code} and {@code latencyMs}), split the way ICANN's service levels
 * measure EPP (Registry Agreement Specification 10 §2): session commands (login, logout), query
 * commands (check, info, transfer query) and transform commands (create, delete, renew,
 * transfer, update).
 */
public final class EppCommandMetrics extends Construct {
  /** The namespace of the metrics the registry derives from logs. */
  public static final String NAMESPACE = "OpenTLD";

  static final String SESSION = "($.command = \"login\" || $.command = \"logout\")";
  static final String QUERY =
      "($.command = \"*:check\" || $.command = \"*:info\" || $.command = \"*:transfer:query\")";
  static final String TRANSFORM =
      "($.command = \"*:create\" || $.command = \"*:delete\" || $.command = \"*:renew\""
          + " || $.command = \"*:update\" || $.command = \"*:transfer:request\""
          + " || $.command = \"*:transfer:approve\" || $.command = \"*:transfer:reject\""
          + " || $.command = \"*:transfer:cancel\" || $.command = \"*:rgp-restore:*\")";

  private final Metric sessionMillis;
  private final Metric queryMillis;
  private final Metric transformMillis;
  private final Metric commands;
  private final Metric failures;

  public EppCommandMetrics(Construct scope, String id, ILogGroup commandLog) {
    super(scope, id);
    sessionMillis = latency(commandLog, "EppSessionCommandMillis", SESSION);
    queryMillis = latency(commandLog, "EppQueryCommandMillis", QUERY);
    transformMillis = latency(commandLog, "EppTransformCommandMillis", TRANSFORM);
    commands = count(commandLog, "EppCommands", "{ $.event = \"epp.command\" }");
    // 2400 "command failed" and 2500-range closes are the server's failures, not the client's.
    failures =
        count(
            commandLog,
            "EppCommandFailures",
            "{ $.event = \"epp.command\" && $.code >= 2400 && $.code != 2501 }");
  }

  private Metric latency(ILogGroup logs, String name, String condition) {
    MetricFilter f =
        MetricFilter.Builder.create(this, name)
            .logGroup(logs)
            .metricNamespace(NAMESPACE)
            .metricName(name)
            .filterPattern(
                FilterPattern.literal("{ $.event = \"epp.command\" && " + condition + " }"))
            .metricValue("$.latencyMs")
            .unit(software.amazon.awscdk.services.cloudwatch.Unit.MILLISECONDS)
            .build();
    return f.metric().with(
        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
            .statistic("p90")
            .period(Duration.minutes(5))
            .build());
  }

  private Metric count(ILogGroup logs, String name, String pattern) {
    MetricFilter f =
        MetricFilter.Builder.create(this, name)
            .logGroup(logs)
            .metricNamespace(NAMESPACE)
            .metricName(name)
            .filterPattern(FilterPattern.literal(pattern))
            .metricValue("1")
            .defaultValue(0)
            .build();
    return f.metric().with(
        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
            .statistic("Sum")
            .period(Duration.minutes(5))
            .build());
  }

  /** p90 of login/logout round trips (ICANN: at most 4000 ms for 90%). */
  public Metric sessionMillis() {
    return sessionMillis;
  }

  /** p90 of query command round trips (ICANN: at most 2000 ms for 90%). */
  public Metric queryMillis() {
    return queryMillis;
  }

  /** p90 of transform command round trips (ICANN: at most 4000 ms for 90%). */
  public Metric transformMillis() {
    return transformMillis;
  }

  public Metric commands() {
    return commands;
  }

  public Metric failures() {
    return failures;
  }
}
