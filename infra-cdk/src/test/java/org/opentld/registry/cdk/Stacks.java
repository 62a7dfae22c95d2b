package org.opentld.registry.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.opentld.registry.functions.FunctionCatalogue;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/** Builds the registry stack for tests the way {@link RegistryApp} does. */
final class Stacks {
  private Stacks() {}

  /** A job used when the catalogue has no schedules yet, so schedules are still exercised. */
  static final FunctionCatalogue.Function FIXTURE_JOBS =
      new FunctionCatalogue.Function(
          "fixture-jobs",
          "org.opentld.registry.functions.jobs.JobsHandler::handleRequest",
          1024,
          900,
          List.of(),
          List.of(
              new FunctionCatalogue.Schedule("auto-renew", "cron(15 0 * * ? *)"),
              new FunctionCatalogue.Schedule("zone-publish", "rate(15 minutes)")),
          null);

  /** The catalogue the tests deploy: the real one, plus the fixture job if nothing is scheduled. */
  static List<FunctionCatalogue.Function> catalogue() {
    List<FunctionCatalogue.Function> all = new ArrayList<>(FunctionCatalogue.ALL);
    if (all.stream().allMatch(f -> f.schedules().isEmpty())) {
      all.add(FIXTURE_JOBS);
    }
    return List.copyOf(all);
  }

  static RegistryStack build(App app, Stage stage) {
    return new RegistryStack(
        app,
        "OpenTld-" + stage.name(),
        RegistryStack.Props.builder()
            .stackProps(
                StackProps.builder()
                    .env(Environment.builder().account("123456789012").region("us-east-1").build())
                    .build())
            .stage(stage)
            .catalogue(catalogue())
            .lambdaCode(Code.fromAsset(lambdaZip().toString()))
            .eppImage(new RegistryStack.Image("opentld/epp", "abc123"))
            .whoisImage(new RegistryStack.Image("opentld/whois", "abc123"))
            .alarmEmail("noc@example.test")
            .build());
  }

  /**
   * The functions' Lambda package as built by {@code mvn package}; with only {@code mvn test}
   * (no package phase) a stand-in zip, since the template does not depend on its content.
   */
  static Path lambdaZip() {
    Path real =
        Path.of(System.getProperty("lambda.zip", "../functions/target/functions-lambda.zip"));
    if (Files.isRegularFile(real)) {
      return real;
    }
    try {
      Path standIn = Path.of("target", "stand-in-lambda.zip");
      Files.createDirectories(standIn.getParent());
      try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(standIn))) {
        z.putNextEntry(new ZipEntry("README.txt"));
        z.write("stand-in for functions-lambda.zip (tests without the package phase)".getBytes());
        z.closeEntry();
      }
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
