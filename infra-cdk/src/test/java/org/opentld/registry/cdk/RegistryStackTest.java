package org.opentld.registry.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.store.TableDefinition;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesized template, once for prod and once for dev (a jsii start and a synth cost
 * seconds, so each template is built once for the class): every resource the deployment needs,
 * with the properties that matter.
 */
class RegistryStackTest {
  private static Template prod;
  private static Template dev;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void synth() {
    prod = Template.fromStack(Stacks.build(new App(), Stage.PROD));
    dev = Template.fromStack(Stacks.build(new App(), Stage.DEV));
  }

  @Test
  void tables_followTheSharedDefinitions_onDemandEncryptedWithPitrAndStreams() {
    TableDefinition def = org.opentld.registry.store.RegistryTables.REGISTRY;
    prod.resourceCountIs(
        "AWS::DynamoDB::Table", org.opentld.registry.store.RegistryTables.all().size());
    prod.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Match.objectLike(
            Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema",
                    List.of(
                        Map.of("AttributeName", def.partitionKey(), "KeyType", "HASH"),
                        Map.of("AttributeName", def.sortKey(), "KeyType", "RANGE")),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification",
                    Match.objectLike(Map.of("SSEEnabled", true, "SSEType", "KMS",
                        "KMSMasterKeyId", Match.anyValue())),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "DeletionProtectionEnabled", true)));
    Map<String, Object> table = only(prod, "AWS::DynamoDB::Table");
    assertThat(table.get("DeletionPolicy")).isEqualTo("Retain");
    List<Map<String, Object>> gsis = list(props(table).get("GlobalSecondaryIndexes"));
    assertThat(gsis.stream().map(g -> g.get("IndexName")))
        .containsExactlyElementsOf(
            def.indexes().stream().map(TableDefinition.Index::name).toList());
    assertThat(gsis).allSatisfy(g -> assertThat(map(g.get("Projection")).get("ProjectionType"))
        .isEqualTo("ALL"));
  }

  @Test
  void devTable_hasNoDeletionProtectionAndIsRemovedWithTheStack() {
    dev.hasResourceProperties(
        "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionProtectionEnabled", false)));
    assertThat(only(dev, "AWS::DynamoDB::Table").get("DeletionPolicy")).isEqualTo("Delete");
  }

  @Test
  void buckets_areEncryptedTlsOnlyPrivateVersionedWithLifecycleRules() {
    Map<String, Map<String, Object>> buckets = resources(prod, "AWS::S3::Bucket");
    assertThat(buckets).hasSize(5); // zones, escrow, reports, panel, logs
    buckets.forEach(
        (id, b) -> {
          Map<String, Object> p = props(b);
          assertThat(p).as(id).containsKeys("BucketEncryption", "LifecycleConfiguration");
          assertThat(p.get("PublicAccessBlockConfiguration")).as(id).isEqualTo(Map.of(
              "BlockPublicAcls", true, "BlockPublicPolicy", true,
              "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
          assertThat(p.get("VersioningConfiguration")).as(id)
              .isEqualTo(Map.of("Status", "Enabled"));
        });
    long kms =
        buckets.values().stream()
            .filter(b -> json(props(b).get("BucketEncryption")).contains("aws:kms"))
            .count();
    assertThat(kms).as("zones, escrow and reports under the registry key").isEqualTo(3);
    // Every bucket's policy denies requests without TLS.
    Map<String, Map<String, Object>> policies = resources(prod, "AWS::S3::BucketPolicy");
    assertThat(policies).hasSize(5);
    assertThat(policies.values()).allSatisfy(p -> assertThat(json(p))
        .contains("\"aws:SecureTransport\":\"false\"").contains("\"Effect\":\"Deny\""));
    assertThat(json(resources(prod, "AWS::S3::Bucket"))).contains("\"StorageClass\":\"GLACIER\"");
  }

  @Test
  void network_twoAzsNoNatGatewaysWithEndpointsAndFlowLogs() {
    prod.resourceCountIs("AWS::EC2::VPC", 1);
    prod.resourceCountIs("AWS::EC2::NatGateway", 0);
    prod.resourceCountIs("AWS::EC2::Subnet", 4);
    prod.resourceCountIs("AWS::EC2::FlowLog", 1);
    String endpoints = json(resources(prod, "AWS::EC2::VPCEndpoint"));
    assertThat(resources(prod, "AWS::EC2::VPCEndpoint")).hasSize(6);
    assertThat(endpoints).contains(".dynamodb", ".s3", "ecr.api", "ecr.dkr", ".logs",
        ".secretsmanager");
    prod.hasResourceProperties("AWS::ECS::Cluster", Match.objectLike(Map.of(
        "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled")))));
  }

  @Test
  void eppAndWhois_fargateBehindNlbOnPorts700And43WithProxyProtocolV2AndHealthChecks() {
    for (int port : new int[] {700, 43}) {
      prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener",
          Match.objectLike(Map.of("Port", port, "Protocol", "TCP")));
      prod.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup",
          Match.objectLike(Map.of(
              "Port", port,
              "Protocol", "TCP",
              "TargetType", "ip",
              "HealthCheckProtocol", "HTTP",
              "HealthCheckPort", "8080",
              "HealthCheckPath", "/health",
              "TargetGroupAttributes", Match.arrayWith(List.of(
                  Map.of("Key", "proxy_protocol_v2.enabled", "Value", "true"))))));
      prod.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
          "RequiresCompatibilities", List.of("FARGATE"),
          "ContainerDefinitions", List.of(Match.objectLike(Map.of(
              "PortMappings", Match.arrayWith(List.of(Match.objectLike(
                  Map.of("ContainerPort", port))))))))));
    }
    prod.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 2);
    prod.allResourcesProperties("AWS::ElasticLoadBalancingV2::LoadBalancer",
        Match.objectLike(Map.of("Type", "network", "Scheme", "internet-facing")));
    // The servers are told to expect the PROXY header, EPP gets its TLS from Secrets Manager.
    String tasks = json(resources(prod, "AWS::ECS::TaskDefinition"));
    assertThat(tasks).contains("{\"Name\":\"EPP_PROXY_PROTOCOL\",\"Value\":\"true\"}")
        .contains("{\"Name\":\"WHOIS_PROXY_PROTOCOL\",\"Value\":\"true\"}")
        .contains("\"Name\":\"EPP_CERT_PEM\"", "\"Name\":\"EPP_KEY_PEM\"")
        .contains(":secret:opentld/prod/epp-tls", ":certificate::", ":privateKey::")
        .contains("opentld/epp:abc123", "opentld/whois:abc123");
  }

  @Test
  void services_runTwoTasksInProdAndScale_oneInDev() {
    prod.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of(
        "DesiredCount", 2, "LaunchType", "FARGATE",
        "DeploymentConfiguration", Match.objectLike(Map.of("DeploymentCircuitBreaker",
            Map.of("Enable", true, "Rollback", true))))));
    prod.allResourcesProperties("AWS::ApplicationAutoScaling::ScalableTarget",
        Match.objectLike(Map.of("MinCapacity", 2, "MaxCapacity", 10)));
    prod.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 2);
    dev.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of("DesiredCount", 1)));
  }

  @Test
  void functions_oneJava21SnapStartFunctionPerCatalogueEntry_invokedThroughAlias() {
    List<FunctionCatalogue.Function> catalogue = Stacks.catalogue();
    prod.resourceCountIs("AWS::Lambda::Function", catalogue.size());
    prod.resourceCountIs("AWS::Lambda::Alias", catalogue.size());
    for (FunctionCatalogue.Function f : catalogue) {
      prod.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
          "Runtime", "java21",
          "Handler", f.handler(),
          "MemorySize", f.memoryMb(),
          "Timeout", f.timeoutSeconds(),
          "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
          "Environment", Map.of("Variables", Match.objectLike(Map.of(
              "POWERTOOLS_SERVICE_NAME", f.name(),
              "POWERTOOLS_METRICS_NAMESPACE", "OpenTLD",
              "REGISTRY_TABLE", Match.anyValue()))))));
    }
    prod.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
  }

  @Test
  void functions_haveLeastPrivilegeRoles() {
    // The read-only functions get no write action on the table.
    for (String name : List.of("rdap", "das")) {
      String policy = json(policyOfRole(name));
      assertThat(policy).as(name).contains("dynamodb:GetItem", "dynamodb:Query")
          .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "s3:");
    }
    assertThat(resources(prod, "AWS::IAM::Role").values())
        .noneMatch(r -> json(r).contains("AWSLambdaBasicExecutionRole"));
  }

  @Test
  void api_routesMatchTheCatalogue_withThrottlingAndAccessLogs() {
    Set<String> expected = Stacks.catalogue().stream().flatMap(f -> f.routes().stream())
        .map(FunctionCatalogue.Route::routeKey).collect(Collectors.toSet());
    Set<String> actual = resources(prod, "AWS::ApiGatewayV2::Route").values().stream()
        .map(r -> (String) props(r).get("RouteKey")).collect(Collectors.toSet());
    assertThat(actual).isEqualTo(expected);
    prod.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of(
        "ProtocolType", "HTTP")));
    prod.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
        "StageName", "$default",
        "DefaultRouteSettings", Match.objectLike(Map.of(
            "ThrottlingRateLimit", 2000, "ThrottlingBurstLimit", 5000)),
        "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    dev.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
        "DefaultRouteSettings", Match.objectLike(Map.of("ThrottlingRateLimit", 50)))));
    // Each route integrates with its own function's alias.
    for (FunctionCatalogue.Function f : Stacks.catalogue()) {
      if (!f.routes().isEmpty()) {
        assertThat(json(resources(prod, "AWS::ApiGatewayV2::Integration")))
            .contains(aliasOf(f.name()));
      }
    }
  }

  @Test
  void schedules_oneUtcSchedulePerJobSegment_targetingItsFunctionsAlias() {
    Map<String, Map<String, Object>> schedules = resources(prod, "AWS::Scheduler::Schedule");
    long expected = 0;
    for (FunctionCatalogue.Function f : Stacks.catalogue()) {
      for (FunctionCatalogue.Schedule s : f.schedules()) {
        expected += segmentsOf(f, s);
      }
    }
    assertThat(expected).isPositive();
    assertThat(schedules).hasSize((int) expected);
    for (FunctionCatalogue.Function f : Stacks.catalogue()) {
      for (FunctionCatalogue.Schedule s : f.schedules()) {
        int segments = segmentsOf(f, s);
        for (int i = 0; i < segments; i++) {
          String segmentMark = segments == 1 ? "" : "\\\"segment\\\":" + i + ",";
          Map<String, Object> match = schedules.values().stream()
              .map(RegistryStackTest::props)
              .filter(p -> s.expression().equals(p.get("ScheduleExpression"))
                  && json(p.get("Target")).contains("\\\"job\\\":\\\"" + s.name() + "\\\"")
                  && json(p.get("Target")).contains(segmentMark))
              .findFirst().orElseThrow(() -> new AssertionError("no schedule " + s));
          assertThat(match.get("ScheduleExpressionTimezone")).isEqualTo("Etc/UTC");
          assertThat(match.get("State")).isEqualTo("ENABLED");
          Map<String, Object> target = map(match.get("Target"));
          assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", aliasOf(f.name())));
          assertThat(json(target.get("DeadLetterConfig"))).contains("Arn");
        }
      }
    }
  }

  /** How many schedules a catalogue schedule becomes: one per segment for the jobs function. */
  private static int segmentsOf(FunctionCatalogue.Function f, FunctionCatalogue.Schedule s) {
    return f == FunctionCatalogue.JOBS
        ? FunctionCatalogue.jobSchedule(s.name()).map(FunctionCatalogue.JobSchedule::segments)
            .orElse(1)
        : 1;
  }

  @Test
  void cloudFront_servesThePanelAndSendsApiRdapDasToTheApi_behindWafRateRules() {
    Map<String, Object> dist = props(only(prod, "AWS::CloudFront::Distribution"));
    Map<String, Object> config = map(dist.get("DistributionConfig"));
    List<Map<String, Object>> behaviours = list(config.get("CacheBehaviors"));
    assertThat(behaviours.stream().map(b -> b.get("PathPattern")))
        .containsExactlyInAnyOrderElementsOf(PanelSite.API_PATHS);
    assertThat(behaviours).allSatisfy(b -> assertThat(b.get("ViewerProtocolPolicy"))
        .isEqualTo("https-only"));
    assertThat(json(config.get("WebACLId"))).contains("EdgeFirewall");
    assertThat(json(config.get("Origins"))).contains("OriginAccessControlId", "execute-api");
    prod.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);

    Map<String, Object> acl = props(only(prod, "AWS::WAFv2::WebACL"));
    assertThat(acl.get("Scope")).isEqualTo("CLOUDFRONT");
    String rules = json(acl.get("Rules"));
    for (String prefix : List.of("/rdap/", "/das/")) {
      assertThat(list(acl.get("Rules")).stream().map(RegistryStackTest::json)
          .filter(r -> r.contains("RateBasedStatement")
              && r.contains("\"SearchString\":\"" + prefix)
              && r.contains("\"Block\"")))
          .as(prefix).hasSize(1);
    }
    assertThat(rules).contains("\"AggregateKeyType\":\"IP\"");
  }

  @Test
  void observability_alarmsTiedToIcannServiceLevels_notifyTheTopic() {
    prod.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of(
        "KmsMasterKeyId", Match.anyValue())));
    prod.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
        "Protocol", "email", "Endpoint", "noc@example.test")));
    prod.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    // EPP (RA Spec 10 §2.2): session 4000 ms, query 2000 ms, transform 4000 ms, for 90%.
    alarmOn("EppSessionCommandMillis", "p90", 4000);
    alarmOn("EppQueryCommandMillis", "p90", 2000);
    alarmOn("EppTransformCommandMillis", "p90", 4000);
    prod.hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of(
        "MetricTransformations", List.of(Match.objectLike(Map.of(
            "MetricName", "EppQueryCommandMillis", "MetricValue", "$.latencyMs"))))));
    // RDAP/RDDS queries: 2000 ms for 95%.
    prod.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", "Duration", "ExtendedStatistic", "p95", "Threshold", 2000,
        "Dimensions", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Name", "FunctionName",
            "Value", Map.of("Ref", functionOf("rdap")))))))));
    // Availability: no healthy EPP or WHOIS task.
    Map<String, Map<String, Object>> alarms = resources(prod, "AWS::CloudWatch::Alarm");
    assertThat(alarms.values().stream().map(a -> props(a))
        .filter(a -> "HealthyHostCount".equals(a.get("MetricName")))).hasSize(2);
    // Error rates (metric math) for EPP, every function and the API.
    assertThat(alarms.values().stream().map(RegistryStackTest::json)
        .filter(a -> a.contains("100 * part / whole"))).hasSize(2 + Stacks.catalogue().size());
    assertThat(alarms.values()).allSatisfy(a -> assertThat(json(props(a).get("AlarmActions")))
        .contains("ObservabilityAlarms"));
  }

  @Test
  void backups_dailyAndMonthlyOfTheTables() {
    prod.resourceCountIs("AWS::Backup::BackupVault", 1);
    prod.hasResourceProperties("AWS::Backup::BackupPlan", Match.objectLike(Map.of(
        "BackupPlan", Match.objectLike(Map.of("BackupPlanRule", Match.arrayWith(List.of(
            Match.objectLike(Map.of("RuleName", "daily",
                "Lifecycle", Map.of("DeleteAfterDays", 35))))))))));
    assertThat(json(resources(prod, "AWS::Backup::BackupSelection"))).contains("Tablesregistry");
  }

  @Test
  void devAndProd_haveTheSameShape() {
    assertThat(typeCounts(dev)).isEqualTo(typeCounts(prod));
  }

  // --- helpers -----------------------------------------------------------------------------

  private void alarmOn(String metric, String statistic, int threshold) {
    prod.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
        "MetricName", metric, "Namespace", "OpenTLD", "ExtendedStatistic", statistic,
        "Threshold", threshold,
        "AlarmActions", List.of(Match.anyValue()))));
  }

  private static Map<String, Integer> typeCounts(Template t) {
    Map<String, Integer> counts = new TreeMap<>();
    map(t.toJSON().get("Resources")).values()
        .forEach(r -> counts.merge((String) map(r).get("Type"), 1, Integer::sum));
    return counts;
  }

  /** The logical id of the Lambda function of a catalogue entry (by its description). */
  private static String functionOf(String name) {
    return resources(prod, "AWS::Lambda::Function").entrySet().stream()
        .filter(e -> String.valueOf(props(e.getValue()).get("Description")).startsWith(name + " ("))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** The logical id of the alias {@code live} of a catalogue entry's function. */
  private static String aliasOf(String name) {
    String fn = functionOf(name);
    return resources(prod, "AWS::Lambda::Alias").entrySet().stream()
        .filter(e -> Map.of("Ref", fn).equals(props(e.getValue()).get("FunctionName")))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  private static Map<String, Object> policyOfRole(String function) {
    Object role = props(resources(prod, "AWS::Lambda::Function").get(functionOf(function)))
        .get("Role");
    String roleId = String.valueOf(((List<?>) map(role).get("Fn::GetAtt")).get(0));
    Map<String, Object> merged = new HashMap<>();
    resources(prod, "AWS::IAM::Policy").forEach((id, p) -> {
      if (json(props(p).get("Roles")).contains("\"" + roleId + "\"")) {
        merged.put(id, props(p).get("PolicyDocument"));
      }
    });
    assertThat(merged).as("policies of " + function).isNotEmpty();
    return merged;
  }

  static Map<String, Map<String, Object>> resources(Template t, String type) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    t.findResources(type).forEach((id, r) -> out.put(id, map(r)));
    return out;
  }

  static Map<String, Object> only(Template t, String type) {
    Map<String, Map<String, Object>> all = resources(t, type);
    assertThat(all).as(type).hasSize(1);
    return all.values().iterator().next();
  }

  static Map<String, Object> props(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
