package org.opentld.registry.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The CDK app: {@code cdk synth|deploy -c stage=prod -c imageTag=...} (see infra-cdk/README.md
 * and docs/deploy.md). Context: {@code stage} (dev), {@code imageTag} (dev), {@code
 * eppRepository} (opentld/epp), {@code whoisRepository} (opentld/whois), {@code lambdaZip}
 * (../functions/target/functions-lambda.zip), {@code eppTlsSecret}
 * (opentld/STAGE/epp-tls), {@code alarmEmail} (none), {@code region} (us-east-1). cdk-nag's
 * AWS Solutions checks run on every synth: an unsuppressed error fails it.
 */
public final class RegistryApp {
  private RegistryApp() {}

  public static void main(String[] args) {
    App app = new App();
    Stage stage = Stage.of(context(app, "stage", "dev"));
    Path zip = Path.of(context(app, "lambdaZip", "../functions/target/functions-lambda.zip"));
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          zip.toAbsolutePath() + " is missing: run `mvn -pl functions -am package` first");
    }
    String tag = context(app, "imageTag", "dev");
    String account = System.getenv("CDK_DEFAULT_ACCOUNT");
    new RegistryStack(
        app,
        "OpenTld-" + stage.name(),
        RegistryStack.Props.builder()
            .stackProps(
                StackProps.builder()
                    .env(
                        Environment.builder()
                            .account(account)
                            // CloudFront-scoped WAF ACLs exist only in us-east-1.
                            .region(context(app, "region", "us-east-1"))
                            .build())
                    .description("OpenTLD domain registry (" + stage.name() + ")")
                    .build())
            .stage(stage)
            .lambdaCode(Code.fromAsset(zip.toString()))
            .eppImage(new RegistryStack.Image(context(app, "eppRepository", "opentld/epp"), tag))
            .whoisImage(
                new RegistryStack.Image(context(app, "whoisRepository", "opentld/whois"), tag))
            .eppTlsSecret(context(app, "eppTlsSecret", null))
            .alarmEmail(context(app, "alarmEmail", null))
            .build());
    Aspects.of(app).add(new AwsSolutionsChecks());
    app.synth();
  }

  private static String context(App app, String key, String fallback) {
    Object v = app.getNode().tryGetContext(key);
    return v == null || v.toString().isBlank() ? fallback : v.toString();
  }
}
