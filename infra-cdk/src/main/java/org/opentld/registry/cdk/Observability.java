package org.opentld.registry.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.SystemErrorsForOperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * A dashboard and alarms per service, notifying one SNS topic. Thresholds follow ICANN's service
 * levels (Registry Agreement Specification 10 §2): EPP session and transform commands within
 * 4000 ms and query commands within 2000 ms for 90% of commands; RDAP/RDDS queries within
 * 2000 ms for 95%; each service down at most 864 minutes a month, so "no healthy target" alarms
 * within two minutes. Error rates alarm above 1% of requests.
 */
public final class Observability extends Construct {
  /** ICANN SLR limits, milliseconds. */
  static final int EPP_SESSION_MS = 4000;
  static final int EPP_QUERY_MS = 2000;
  static final int EPP_TRANSFORM_MS = 4000;
  static final int RDDS_QUERY_MS = 2000;

  /** The table operations the registry uses (an alarm takes at most ten metrics). */
  static final List<Operation> OPERATIONS =
      List.of(
          Operation.GET_ITEM,
          Operation.QUERY,
          Operation.SCAN,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.TRANSACT_WRITE_ITEMS,
          Operation.TRANSACT_GET_ITEMS,
          Operation.BATCH_GET_ITEM);

  /** What the dashboard and alarms watch. */
  public record Props(
      Key key,
      String alarmEmail,
      TcpService epp,
      TcpService whois,
      RegistryFunctions functions,
      PublicApi api,
      Table table,
      Schedules schedules) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Key key;
      private String alarmEmail;
      private TcpService epp;
      private TcpService whois;
      private RegistryFunctions functions;
      private PublicApi api;
      private Table table;
      private Schedules schedules;

      public Builder key(Key v) {
        key = v;
        return this;
      }

      public Builder alarmEmail(String v) {
        alarmEmail = v;
        return this;
      }

      public Builder epp(TcpService v) {
        epp = v;
        return this;
      }

      public Builder whois(TcpService v) {
        whois = v;
        return this;
      }

      public Builder functions(RegistryFunctions v) {
        functions = v;
        return this;
      }

      public Builder api(PublicApi v) {
        api = v;
        return this;
      }

      public Builder table(Table v) {
        table = v;
        return this;
      }

      public Builder schedules(Schedules v) {
        schedules = v;
        return this;
      }

      public Props build() {
        return new Props(key, alarmEmail, epp, whois, functions, api, table, schedules);
      }
    }
  }

  private final Topic topic;
  private final Dashboard dashboard;
  private final List<Alarm> alarms = new ArrayList<>();

  public Observability(Construct scope, String id, Props props) {
    super(scope, id);
    // CloudWatch alarms publish to an encrypted topic only if they may use its key.
    props.key().grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    topic = Topic.Builder.create(this, "Alarms").masterKey(props.key()).enforceSsl(true).build();
    if (props.alarmEmail() != null && !props.alarmEmail().isBlank()) {
      topic.addSubscription(new EmailSubscription(props.alarmEmail()));
    }
    dashboard = Dashboard.Builder.create(this, "Dashboard").build();

    EppCommandMetrics epp = new EppCommandMetrics(this, "EppMetrics", props.epp().logGroup());
    alarm("EppSessionRtt", epp.sessionMillis(), EPP_SESSION_MS, "EPP session commands p90 (ms)");
    alarm("EppQueryRtt", epp.queryMillis(), EPP_QUERY_MS, "EPP query commands p90 (ms)");
    alarm("EppTransformRtt", epp.transformMillis(), EPP_TRANSFORM_MS, "EPP transform p90 (ms)");
    IMetric eppErrorRate = rate("EPP", epp.failures(), epp.commands());
    alarm("EppErrorRate", eppErrorRate, 1, "EPP commands failing on the server (%)");
    alarmDown("EppUnavailable", props.epp());
    row("EPP", epp.sessionMillis(), epp.queryMillis(), epp.transformMillis());
    row("EPP load", epp.commands(), epp.failures(), healthy(props.epp()));

    alarmDown("WhoisUnavailable", props.whois());
    row(
        "WHOIS",
        healthy(props.whois()),
        props.whois().loadBalancer().getMetrics().activeFlowCount(),
        props.whois().loadBalancer().getMetrics().newFlowCount());

    for (Map.Entry<String, Function> e : props.functions().functions().entrySet()) {
      String name = e.getKey();
      Function fn = e.getValue();
      String cid = RegistryFunctions.constructId(name);
      boolean rdds = name.equals("rdap") || name.equals("das");
      // RDAP and DAS are RDDS queries (2000 ms for 95%); others alarm near their timeout.
      int timeoutMs = fn.getTimeout().toMilliseconds().intValue();
      int limit = rdds ? RDDS_QUERY_MS : timeoutMs * 8 / 10;
      IMetric p95 = fn.metricDuration(options("p95"));
      alarm(cid + "Rtt", p95, limit, name + " duration p95 (ms)");
      IMetric errors =
          rate(cid, fn.metricErrors(options("Sum")), fn.metricInvocations(options("Sum")));
      alarm(cid + "ErrorRate", errors, 1, name + " invocations failing (%)");
      alarm(cid + "Throttles", fn.metricThrottles(options("Sum")), 1, name + " throttled");
      row(name, p95, fn.metricInvocations(options("Sum")), fn.metricErrors(options("Sum")));
    }

    var api = props.api().api();
    IMetric api5xx =
        rate("Api", api.metricServerError(options("Sum")), api.metricCount(options("Sum")));
    alarm("ApiErrorRate", api5xx, 1, "HTTP API 5xx (%)");
    row("HTTP API", api.metricCount(options("Sum")), api.metricLatency(options("p95")), api5xx);

    IMetric ddbErrors =
        props.table().metricSystemErrorsForOperations(
            SystemErrorsForOperationsMetricOptions.builder()
                .operations(OPERATIONS)
                .period(Duration.minutes(5))
                .build());
    alarm("TableSystemErrors", ddbErrors, 1, "DynamoDB system errors");
    IMetric throttled =
        props.table().metricThrottledRequestsForOperations(
            OperationsMetricOptions.builder()
                .operations(OPERATIONS)
                .period(Duration.minutes(5))
                .build());
    alarm("TableThrottles", throttled, 1, "DynamoDB throttled requests");
    row("DynamoDB", ddbErrors, throttled, props.table().metricConsumedWriteCapacityUnits());

    IMetric dead =
        props.schedules().deadLetters().metricApproximateNumberOfMessagesVisible(options("Max"));
    alarm("JobsDeadLetters", dead, 1, "scheduled job invocations that failed after retries");
    row("Jobs", dead);

    dashboard.addWidgets(
        AlarmStatusWidget.Builder.create()
            .title("Alarms")
            .alarms(List.copyOf(alarms))
            .width(24)
            .build());
  }

  private static MetricOptions options(String statistic) {
    return MetricOptions.builder().statistic(statistic).period(Duration.minutes(5)).build();
  }

  /** 100 * part / whole over five minutes (0 when nothing happened). */
  private static IMetric rate(String prefix, IMetric part, IMetric whole) {
    return MathExpression.Builder.create()
        .expression("IF(whole > 0, 100 * part / whole, 0)")
        .usingMetrics(Map.of("part", part, "whole", whole))
        .label(prefix + " error rate (%)")
        .period(Duration.minutes(5))
        .build();
  }

  private static IMetric healthy(TcpService s) {
    return s.targetGroup().getMetrics().healthyHostCount(
        MetricOptions.builder().statistic("Minimum").period(Duration.minutes(1)).build());
  }

  /** Alarms when {@code metric} reaches {@code threshold} in 2 of 3 periods. */
  private void alarm(String id, IMetric metric, double threshold, String what) {
    Alarm a =
        Alarm.Builder.create(this, id)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .evaluationPeriods(3)
            .datapointsToAlarm(2)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .alarmDescription(what + " at or above " + threshold)
            .build();
    notify(a);
  }

  /** Alarms when no target of the service is healthy for two minutes. */
  private void alarmDown(String id, TcpService s) {
    Alarm a =
        Alarm.Builder.create(this, id)
            .metric(healthy(s))
            .threshold(1)
            .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
            .evaluationPeriods(2)
            .treatMissingData(TreatMissingData.BREACHING)
            .alarmDescription("no healthy task: the service is down (ICANN: 864 min/month)")
            .build();
    notify(a);
  }

  private void notify(Alarm a) {
    a.addAlarmAction(new SnsAction(topic));
    a.addOkAction(new SnsAction(topic));
    alarms.add(a);
  }

  private void row(String title, IMetric... metrics) {
    List<IWidget> widgets = new ArrayList<>();
    for (IMetric m : metrics) {
      widgets.add(GraphWidget.Builder.create().title(title).left(List.of(m)).width(8).build());
    }
    dashboard.addWidgets(widgets.toArray(IWidget[]::new));
  }

  public Topic topic() {
    return topic;
  }

  public Dashboard dashboard() {
    return dashboard;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}
