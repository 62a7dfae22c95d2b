package org.opentld.registry.cdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.functions.FunctionCatalogue;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Every Lambda function of the catalogue ({@link FunctionCatalogue#ALL}, read generically so a
 * new entry deploys without touching this app): Java 21 on arm64 with SnapStart on published
 * versions, reached only through the alias {@code live} (SnapStart snapshots versions, not
 * {@code $LATEST}), Powertools settings, its own log group, and its own role holding only what
 * the function needs.
 *
 * <p>Least privilege: public read functions (RDAP, DAS, anything not listed) read the table;
 * {@link #WRITERS} read and write it; scheduled functions (jobs) also write the buckets.
 */
public final class RegistryFunctions extends Construct {
  /** Functions with routes that change registry data (the panel API). */
  static final Set<String> WRITERS = Set.of("panel-api");

  /** What the functions are built from. */
  public record Props(
      Stage stage,
      List<FunctionCatalogue.Function> catalogue,
      Code code,
      ITable table,
      RegistryBuckets buckets) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private List<FunctionCatalogue.Function> catalogue = FunctionCatalogue.ALL;
      private Code code;
      private ITable table;
      private RegistryBuckets buckets;

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder catalogue(List<FunctionCatalogue.Function> v) {
        catalogue = v;
        return this;
      }

      public Builder code(Code v) {
        code = v;
        return this;
      }

      public Builder table(ITable v) {
        table = v;
        return this;
      }

      public Builder buckets(RegistryBuckets v) {
        buckets = v;
        return this;
      }

      public Props build() {
        return new Props(stage, catalogue, code, table, buckets);
      }
    }
  }

  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final Map<String, Alias> aliases = new LinkedHashMap<>();

  public RegistryFunctions(Construct scope, String id, Props props) {
    super(scope, id);
    for (FunctionCatalogue.Function f : props.catalogue()) {
      String cid = constructId(f.name());
      boolean job = !f.schedules().isEmpty();
      LogGroup logs =
          LogGroup.Builder.create(this, cid + "Logs")
              .retention(props.stage().logRetention())
              .removalPolicy(props.stage().removalPolicy())
              .build();
      // Its own role rather than AWSLambdaBasicExecutionRole: writes to its own log group only.
      Role role =
          Role.Builder.create(this, cid + "Role")
              .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
              .description("Lambda " + f.name())
              .build();
      logs.grantWrite(role);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("REGISTRY_TABLE", props.table().getTableName());
      env.put("POWERTOOLS_SERVICE_NAME", f.name());
      env.put("POWERTOOLS_METRICS_NAMESPACE", "OpenTLD");
      env.put("POWERTOOLS_LOG_LEVEL", props.stage().protect() ? "INFO" : "DEBUG");
      // Tiered compilation at C1 only: the usual cold-start setting for short Java invocations.
      env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
      boolean panel = f.name().equals("panel-api");
      if (panel) {
        // The panel lists and downloads zone files, ICANN reports and escrow deposits.
        env.put("PANEL_ZONES_BUCKET", props.buckets().zones().getBucketName());
        env.put("PANEL_REPORTS_BUCKET", props.buckets().reports().getBucketName());
        env.put("PANEL_ESCROW_BUCKET", props.buckets().escrow().getBucketName());
      }
      if (job) {
        env.put("ZONES_BUCKET", props.buckets().zones().getBucketName());
        env.put("ESCROW_BUCKET", props.buckets().escrow().getBucketName());
        env.put("REPORTS_BUCKET", props.buckets().reports().getBucketName());
      }
      Function fn =
          Function.Builder.create(this, cid)
              .description(f.name() + " (" + f.handler() + ")")
              .runtime(Runtime.JAVA_21)
              .architecture(Architecture.ARM_64)
              .handler(f.handler())
              .code(props.code())
              .memorySize(f.memoryMb())
              .timeout(Duration.seconds(f.timeoutSeconds()))
              .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
              .environment(env)
              .role(role)
              .logGroup(logs)
              .build();
      if (job || WRITERS.contains(f.name())) {
        props.table().grantReadWriteData(role);
      } else {
        props.table().grantReadData(role);
      }
      if (panel) {
        props.buckets().zones().grantRead(role);
        props.buckets().reports().grantRead(role);
        props.buckets().escrow().grantRead(role);
      }
      if (job) {
        props.buckets().zones().grantReadWrite(role);
        props.buckets().escrow().grantReadWrite(role);
        props.buckets().reports().grantReadWrite(role);
      }
      Alias live =
          Alias.Builder.create(this, cid + "Live")
              .aliasName("live")
              .version(fn.getCurrentVersion())
              .build();
      // Versions are published (currentVersion, alias live), which is what SnapStart needs.
      Annotations.of(fn)
          .acknowledgeWarning(
              "@aws-cdk/aws-lambda:snapStartRequirePublish",
              "published through currentVersion and the alias live");
      functions.put(f.name(), fn);
      aliases.put(f.name(), live);
    }
    Nag.suppress(
        this,
        "AwsSolutions-L1",
        "Java 21 is the runtime the code is built and tested for, with SnapStart; moving to a "
            + "newer Java runtime is a deliberate upgrade, not a deploy-time default.");
    Nag.suppress(
        this,
        "AwsSolutions-IAM5",
        "Grants cover the table's indexes (table/index/*), the objects of the registry's own "
            + "buckets (bucket/*), and KMS data-key actions on the registry key only.",
        Nag.TABLE_INDEXES,
        Nag.regex("^Resource::<.*\\.Arn>/\\*$"),
        "Action::kms:GenerateDataKey*",
        "Action::kms:ReEncrypt*",
        "Action::s3:Abort*",
        "Action::s3:DeleteObject*",
        "Action::s3:GetBucket*",
        "Action::s3:GetObject*",
        "Action::s3:List*");
  }

  /** A CloudFormation-friendly id: {@code panel-api} becomes {@code PanelApi}. */
  static String constructId(String name) {
    StringBuilder b = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /** The function of a catalogue entry, by name. */
  public Function function(String name) {
    return functions.get(name);
  }

  /** The alias {@code live} of a catalogue entry: what routes and schedules invoke. */
  public Alias alias(String name) {
    return aliases.get(name);
  }

  public Map<String, Function> functions() {
    return Map.copyOf(functions);
  }
}
