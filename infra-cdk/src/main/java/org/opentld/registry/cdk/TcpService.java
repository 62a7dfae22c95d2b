package org.opentld.registry.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A TCP service on Fargate behind an internet-facing Network Load Balancer: the shape EPP and
 * WHOIS share. The NLB passes connections through with a PROXY protocol v2 header (so the
 * server sees the client's address; RFC 5734 servers and WHOIS rate limits need it) and checks
 * health over HTTP on a separate port. Tasks run in isolated subnets across two AZs and scale
 * on CPU between the stage's minimum and maximum.
 */
public final class TcpService extends Construct {
  /**
   * What a TCP service is built from.
   *
   * @param port the port the NLB listens on and the container serves (700, 43)
   * @param healthPort the container's HTTP port answering {@code GET /health}
   */
  public record Props(
      Stage stage,
      RegistryNetwork network,
      ContainerImage image,
      int port,
      int healthPort,
      Map<String, String> environment,
      Map<String, Secret> secrets) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private RegistryNetwork network;
      private ContainerImage image;
      private int port;
      private int healthPort = 8080;
      private Map<String, String> environment = Map.of();
      private Map<String, Secret> secrets = Map.of();

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder network(RegistryNetwork v) {
        network = v;
        return this;
      }

      public Builder image(ContainerImage v) {
        image = v;
        return this;
      }

      public Builder port(int v) {
        port = v;
        return this;
      }

      public Builder healthPort(int v) {
        healthPort = v;
        return this;
      }

      public Builder environment(Map<String, String> v) {
        environment = v;
        return this;
      }

      public Builder secrets(Map<String, Secret> v) {
        secrets = v;
        return this;
      }

      public Props build() {
        return new Props(stage, network, image, port, healthPort, environment, secrets);
      }
    }
  }

  private final FargateTaskDefinition task;
  private final FargateService service;
  private final NetworkLoadBalancer loadBalancer;
  private final NetworkTargetGroup targetGroup;
  private final LogGroup logGroup;

  public TcpService(Construct scope, String id, Props props) {
    super(scope, id);
    Stage stage = props.stage();
    logGroup =
        LogGroup.Builder.create(this, "Logs")
            .retention(stage.logRetention())
            .removalPolicy(stage.removalPolicy())
            .build();
    task =
        FargateTaskDefinition.Builder.create(this, "Task")
            .cpu(stage.taskCpu())
            .memoryLimitMiB(stage.taskMemoryMb())
            .runtimePlatform(
                RuntimePlatform.builder()
                    .cpuArchitecture(CpuArchitecture.X86_64)
                    .operatingSystemFamily(OperatingSystemFamily.LINUX)
                    .build())
            .build();
    task.addContainer(
        "Server",
        ContainerDefinitionOptions.builder()
            .image(props.image())
            .essential(true)
            .environment(props.environment())
            .secrets(props.secrets())
            .portMappings(
                List.of(
                    PortMapping.builder().containerPort(props.port()).build(),
                    PortMapping.builder().containerPort(props.healthPort()).build()))
            .logging(
                LogDrivers.awsLogs(
                    AwsLogDriverProps.builder().logGroup(logGroup).streamPrefix(id).build()))
            // The servers drain on SIGTERM (sessions get time to finish) before ECS kills them.
            .stopTimeout(Duration.seconds(40))
            .build());

    var vpc = props.network().vpc();
    SecurityGroup sg =
        SecurityGroup.Builder.create(this, "TaskSecurity")
            .vpc(vpc)
            .description(id + " tasks: service and health ports from the NLB only")
            .allowAllOutbound(true)
            .build();
    // Client IP preservation is off (the PROXY header carries it), so traffic and health
    // checks come from the NLB's addresses inside the VPC.
    sg.addIngressRule(Peer.ipv4(RegistryNetwork.CIDR), Port.tcp(props.port()), "service");
    sg.addIngressRule(Peer.ipv4(RegistryNetwork.CIDR), Port.tcp(props.healthPort()), "health");

    service =
        FargateService.Builder.create(this, "Service")
            .cluster(props.network().cluster())
            .taskDefinition(task)
            .desiredCount(stage.minTasks())
            .minHealthyPercent(100)
            .maxHealthyPercent(200)
            .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
            .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
            .securityGroups(List.of(sg))
            .assignPublicIp(false)
            .build();
    ScalableTaskCount scaling =
        service.autoScaleTaskCount(
            EnableScalingProps.builder()
                .minCapacity(stage.minTasks())
                .maxCapacity(stage.maxTasks())
                .build());
    scaling.scaleOnCpuUtilization(
        "Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(60).build());

    loadBalancer =
        NetworkLoadBalancer.Builder.create(this, "Nlb")
            .vpc(vpc)
            .internetFacing(true)
            .crossZoneEnabled(true)
            .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
            .build();
    targetGroup =
        NetworkTargetGroup.Builder.create(this, "Targets")
            .vpc(vpc)
            .port(props.port())
            .protocol(Protocol.TCP)
            .targetType(TargetType.IP)
            .proxyProtocolV2(true)
            .preserveClientIp(false)
            .deregistrationDelay(Duration.seconds(30))
            .healthCheck(
                HealthCheck.builder()
                    .protocol(Protocol.HTTP)
                    .port(String.valueOf(props.healthPort()))
                    .path("/health")
                    .interval(Duration.seconds(10))
                    .healthyThresholdCount(2)
                    .unhealthyThresholdCount(2)
                    .build())
            .build();
    service.attachToNetworkTargetGroup(targetGroup);
    loadBalancer.addListener(
        "Tcp",
        BaseNetworkListenerProps.builder()
            .port(props.port())
            .protocol(Protocol.TCP)
            .defaultTargetGroups(List.of(targetGroup))
            .build());

    Nag.suppress(
        task,
        "AwsSolutions-ECS2",
        "Only non-secret settings are plain environment variables; TLS material and other "
            + "secrets are injected from Secrets Manager.");
    Nag.suppress(
        task,
        "AwsSolutions-IAM5",
        "ecr:GetAuthorizationToken has no resource-level permissions (execution role).",
        "Resource::*");
    Nag.suppress(
        loadBalancer,
        "AwsSolutions-ELB2",
        "NLB access logs exist only for TLS listeners; these are TCP pass-through. Connections "
            + "are in the VPC flow logs and every command in the servers' own logs.");
  }

  /** Grants made to the task role, then their wildcard findings suppressed with the reason. */
  public void grantTable(ITable table, boolean write) {
    if (write) {
      table.grantReadWriteData(task.getTaskRole());
    } else {
      table.grantReadData(task.getTaskRole());
    }
    Nag.suppress(
        task.getTaskRole(),
        "AwsSolutions-IAM5",
        "Table grants cover the table's indexes (table/index/*), which the server queries, "
            + "and KMS data-key actions on the registry key only.",
        Nag.TABLE_INDEXES,
        "Action::kms:GenerateDataKey*",
        "Action::kms:ReEncrypt*");
  }

  public FargateTaskDefinition task() {
    return task;
  }

  public FargateService service() {
    return service;
  }

  public NetworkLoadBalancer loadBalancer() {
    return loadBalancer;
  }

  public NetworkTargetGroup targetGroup() {
    return targetGroup;
  }

  public LogGroup logGroup() {
    return logGroup;
  }
}
