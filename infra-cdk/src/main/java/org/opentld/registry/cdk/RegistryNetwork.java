package org.opentld.registry.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The network of the Fargate services: a VPC across two availability zones with public subnets
 * (for the NLBs) and isolated ones (for the tasks), no NAT gateway (about 70 USD a month for
 * two, and an egress path the tasks do not need), gateway endpoints for DynamoDB and S3,
 * interface endpoints for what the tasks call (ECR to pull images, CloudWatch Logs, Secrets
 * Manager for the TLS material), VPC flow logs, and the ECS cluster.
 */
public final class RegistryNetwork extends Construct {
  /** What the network is built from. */
  public record Props(Stage stage) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Props build() {
        return new Props(stage);
      }
    }
  }

  /** The VPC's address range. */
  public static final String CIDR = "10.40.0.0/16";

  /** The interface endpoints the tasks need, by construct id. */
  static final Map<String, InterfaceVpcEndpointAwsService> INTERFACE_ENDPOINTS =
      Map.of(
          "EcrApi", InterfaceVpcEndpointAwsService.ECR,
          "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
          "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
          "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);

  private final Vpc vpc;
  private final Cluster cluster;

  public RegistryNetwork(Construct scope, String id, Props props) {
    super(scope, id);
    LogGroup flowLogs =
        LogGroup.Builder.create(this, "FlowLogs")
            .retention(props.stage().logRetention())
            .removalPolicy(props.stage().removalPolicy())
            .build();
    vpc =
        Vpc.Builder.create(this, "Vpc")
            .ipAddresses(IpAddresses.cidr(CIDR))
            .maxAzs(2)
            .natGateways(0)
            .subnetConfiguration(
                List.of(
                    SubnetConfiguration.builder()
                        .name("public")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .build(),
                    SubnetConfiguration.builder()
                        .name("tasks")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(22)
                        .build()))
            .gatewayEndpoints(
                Map.of(
                    "DynamoDb",
                    GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .build(),
                    "S3",
                    GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .build()))
            .flowLogs(
                Map.of(
                    "All",
                    FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                        .build()))
            .build();
    // HTTPS from inside the VPC only (a literal CIDR, so cdk-nag's EC23 can check it).
    SecurityGroup endpoints =
        SecurityGroup.Builder.create(this, "EndpointSecurity")
            .vpc(vpc)
            .description("interface endpoints: HTTPS from the VPC")
            .allowAllOutbound(false)
            .build();
    endpoints.addIngressRule(Peer.ipv4(CIDR), Port.tcp(443), "HTTPS from the VPC");
    INTERFACE_ENDPOINTS.forEach(
        (name, service) ->
            vpc.addInterfaceEndpoint(
                name,
                InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .privateDnsEnabled(true)
                    .open(false)
                    .securityGroups(List.of(endpoints))
                    .subnets(
                        SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                    .build()));
    cluster =
        Cluster.Builder.create(this, "Cluster")
            .vpc(vpc)
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
  }

  public Vpc vpc() {
    return vpc;
  }

  public Cluster cluster() {
    return cluster;
  }
}
