package org.opentld.registry.cdk;

import java.util.List;
import java.util.Locale;
import org.opentld.registry.functions.FunctionCatalogue;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: one route per catalogue route (so AWS routes exactly as the local stack's front
 * does), each integrated with its function's {@code live} alias, a throttled {@code $default}
 * stage, and JSON access logs. CloudFront sits in front of it (see {@link PanelSite}).
 */
public final class PublicApi extends Construct {
  /** What the API is built from. */
  public record Props(
      Stage stage, List<FunctionCatalogue.Function> catalogue, RegistryFunctions functions) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private List<FunctionCatalogue.Function> catalogue = FunctionCatalogue.ALL;
      private RegistryFunctions functions;

      public Builder stage(Stage v) {
        stage = v;
        return this;
      }

      public Builder catalogue(List<FunctionCatalogue.Function> v) {
        catalogue = v;
        return this;
      }

      public Builder functions(RegistryFunctions v) {
        functions = v;
        return this;
      }

      public Props build() {
        return new Props(stage, catalogue, functions);
      }
    }
  }

  private final HttpApi api;
  private final HttpStage defaultStage;

  public PublicApi(Construct scope, String id, Props props) {
    super(scope, id);
    api =
        HttpApi.Builder.create(this, "Api")
            .description("OpenTLD registry: RDAP, DAS, panel API")
            .createDefaultStage(false)
            .build();
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .retention(props.stage().logRetention())
            .removalPolicy(props.stage().removalPolicy())
            .build();
    IAccessLogSettings logSettings =
        new IAccessLogSettings() {
          @Override
          public LogGroupLogDestination getDestination() {
            return new LogGroupLogDestination(accessLogs);
          }

          @Override
          public AccessLogFormat getFormat() {
            return AccessLogFormat.jsonWithStandardFields();
          }
        };
    defaultStage =
        HttpStage.Builder.create(this, "Default")
            .httpApi(api)
            .stageName("$default")
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder()
                    .rateLimit(props.stage().apiRate())
                    .burstLimit(props.stage().apiBurst())
                    .build())
            .accessLogSettings(logSettings)
            .build();
    for (FunctionCatalogue.Function f : props.catalogue()) {
      if (f.routes().isEmpty()) {
        continue;
      }
      HttpLambdaIntegration integration =
          new HttpLambdaIntegration(
              RegistryFunctions.constructId(f.name()) + "Integration",
              props.functions().alias(f.name()));
      for (FunctionCatalogue.Route r : f.routes()) {
        HttpRoute.Builder.create(this, "Route " + r.routeKey())
            .httpApi(api)
            .routeKey(
                HttpRouteKey.with(
                    r.path(), HttpMethod.valueOf(r.method().toUpperCase(Locale.ROOT))))
            .integration(integration)
            .build();
      }
    }
    Nag.suppress(
        this,
        "AwsSolutions-APIG4",
        "RDAP (RFC 7480) and DAS are anonymous public services by design; the panel API "
            + "authenticates its users itself (session tokens checked in the function).");
  }

  public HttpApi api() {
    return api;
  }

  public HttpStage defaultStage() {
    return defaultStage;
  }

  /** The API's host name, for CloudFront's origin. */
  public String domainName() {
    return api.getApiId() + ".execute-api." + software.amazon.awscdk.Stack.of(this).getRegion()
        + "." + software.amazon.awscdk.Stack.of(this).getUrlSuffix();
  }
}
