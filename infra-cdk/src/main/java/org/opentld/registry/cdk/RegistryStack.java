package org.opentld.registry.cdk;

import java.util.List;
import org.opentld.registry.functions.FunctionCatalogue;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The whole registry in one stack, composed of small constructs: tables, buckets, network, the
 * EPP and WHOIS services, the functions with their HTTP API and schedules, the CloudFront site
 * with its firewall, observability and backups. The stage changes sizes and protections only.
 */
public final class RegistryStack extends Stack {
  /** A container image in ECR, pushed there by Jib before the deploy. */
  public record Image(String repository, String tag) {}

  /**
   * What the stack is built from.
   *
   * @param lambdaCode the functions' deployment package (functions/target/functions-lambda.zip)
   * @param eppTlsSecret name of the Secrets Manager secret with EPP's certificate and key
   * @param alarmEmail where alarms are mailed, or null for the topic alone
   */
  public record Props(
      StackProps stackProps,
      Stage stage,
      List<FunctionCatalogue.Function> catalogue,
      Code lambdaCode,
      Image eppImage,
      Image whoisImage,
      String eppTlsSecret,
      String alarmEmail) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private StackProps stackProps = StackProps.builder().build();
      private Stage stage = Stage.DEV;
      private List<FunctionCatalogue.Function> catalogue = FunctionCatalogue.ALL;
      private Code lambdaCode;
      private Image eppImage;
      private Image whoisImage;
      private String eppTlsSecret;
      private String alarmEmail;

      public Builder stackProps(StackProps v) {
        stackProps = v;
        return this;
      }

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder catalogue(List<FunctionCatalogue.Function> v) {
        catalogue = v;
        return this;
      }

      public Builder lambdaCode(Code v) {
        lambdaCode = v;
        return this;
      }

      public Builder eppImage(Image v) {
        eppImage = v;
        return this;
      }

      public Builder whoisImage(Image v) {
        whoisImage = v;
        return this;
      }

      public Builder eppTlsSecret(String v) {
        eppTlsSecret = v;
        return this;
      }

      public Builder alarmEmail(String v) {
        alarmEmail = v;
        return this;
      }

      public Props build() {
        return new Props(stackProps, stage, catalogue, lambdaCode, eppImage, whoisImage,
            eppTlsSecret == null ? "opentld/" + stage.name() + "/epp-tls" : eppTlsSecret,
            alarmEmail);
      }
    }
  }

  public RegistryStack(Construct scope, String id, Props props) {
    super(scope, id, props.stackProps());
    Stage stage = props.stage();
    Tags.of(this).add("opentld:stage", stage.name());

    Key key =
        Key.Builder.create(this, "RegistryKey")
            .description("OpenTLD registry data: tables, buckets, backups, alarm topic")
            .enableKeyRotation(true)
            .removalPolicy(stage.removalPolicy())
            .build();
    RegistryTables tables =
        new RegistryTables(this, "Tables", RegistryTables.Props.builder().stage(stage).key(key)
            .build());
    RegistryBuckets buckets =
        new RegistryBuckets(this, "Buckets", RegistryBuckets.Props.builder().stage(stage).key(key)
            .build());
    RegistryNetwork network =
        new RegistryNetwork(this, "Network", RegistryNetwork.Props.builder().stage(stage).build());

    EppService epp =
        new EppService(
            this,
            "EppService",
            EppService.Props.builder()
                .stage(stage)
                .network(network)
                .image(image("EppRepository", props.eppImage()))
                .table(tables.registry())
                .tls(Secret.fromSecretNameV2(this, "EppTls", props.eppTlsSecret()))
                .build());
    WhoisService whois =
        new WhoisService(
            this,
            "WhoisService",
            WhoisService.Props.builder()
                .stage(stage)
                .network(network)
                .image(image("WhoisRepository", props.whoisImage()))
                .table(tables.registry())
                .build());

    RegistryFunctions functions =
        new RegistryFunctions(
            this,
            "Functions",
            RegistryFunctions.Props.builder()
                .stage(stage)
                .catalogue(props.catalogue())
                .code(props.lambdaCode())
                .table(tables.registry())
                .buckets(buckets)
                .build());
    PublicApi api =
        new PublicApi(
            this,
            "PublicApi",
            PublicApi.Props.builder()
                .stage(stage)
                .catalogue(props.catalogue())
                .functions(functions)
                .build());
    Schedules schedules =
        new Schedules(
            this,
            "Schedules",
            Schedules.Props.builder().catalogue(props.catalogue()).functions(functions).build());

    EdgeFirewall firewall =
        new EdgeFirewall(this, "EdgeFirewall", EdgeFirewall.Props.builder().build());
    PanelSite site =
        new PanelSite(
            this,
            "PanelSite",
            PanelSite.Props.builder()
                .panel(buckets.panel())
                .logs(buckets.logs())
                .apiDomain(api.domainName())
                .webAclArn(firewall.webAcl().getAttrArn())
                .build());

    Observability observability =
        new Observability(
            this,
            "Observability",
            Observability.Props.builder()
                .key(key)
                .alarmEmail(props.alarmEmail())
                .epp(epp.server())
                .whois(whois.server())
                .functions(functions)
                .api(api)
                .table(tables.registry())
                .schedules(schedules)
                .build());
    new TableBackup(
        this,
        "Backup",
        TableBackup.Props.builder().stage(stage).key(key).tables(tables.all().values()).build());

    output("EppEndpoint", epp.server().loadBalancer().getLoadBalancerDnsName());
    output("WhoisEndpoint", whois.server().loadBalancer().getLoadBalancerDnsName());
    output("SiteDomain", site.distribution().getDistributionDomainName());
    output("ApiEndpoint", api.api().getApiEndpoint());
    output("RegistryTable", tables.registry().getTableName());
    output("PanelBucket", buckets.panel().getBucketName());
    output("AlarmTopic", observability.topic().getTopicArn());
  }

  private ContainerImage image(String id, Image image) {
    return ContainerImage.fromEcrRepository(
        Repository.fromRepositoryName(this, id, image.repository()), image.tag());
  }

  private void output(String id, String value) {
    CfnOutput.Builder.create(this, id).value(value).build();
  }
}
