package org.opentld.registry.cdk;

import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The EPP service (RFC 5730/5734): {@code epp-fargate} on TCP 700 behind an NLB with PROXY
 * protocol v2. TLS ends in the task because registrars authenticate with client certificates
 * there; the server's certificate and key come from a Secrets Manager secret with the JSON
 * fields {@code certificate} and {@code privateKey} (PEM), injected as environment values that
 * {@code EppConfig} accepts in place of file paths.
 */
public final class EppService extends Construct {
  /** EPP's port (RFC 5734 §2). */
  public static final int PORT = 700;

  /** What the EPP service is built from. */
  public record Props(
      Stage stage, RegistryNetwork network, ContainerImage image, ITable table, ISecret tls) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private RegistryNetwork network;
      private ContainerImage image;
      private ITable table;
      private ISecret tls;

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

      public Builder table(ITable v) {
        table = v;
        return this;
      }

      public Builder tls(ISecret v) {
        tls = v;
        return this;
      }

      public Props build() {
        return new Props(stage, network, image, table, tls);
      }
    }
  }

  private final TcpService server;

  public EppService(Construct scope, String id, Props props) {
    super(scope, id);
    server =
        new TcpService(
            this,
            "Epp",
            TcpService.Props.builder()
                .stage(props.stage())
                .network(props.network())
                .image(props.image())
                .port(PORT)
                .healthPort(8080)
                .environment(
                    Map.of(
                        "EPP_PORT", String.valueOf(PORT),
                        "EPP_PROXY_PROTOCOL", "true",
                        "EPP_HEALTH_PORT", "8080",
                        "EPP_COMMAND_LOG", "true",
                        "REGISTRY_TABLE", props.table().getTableName()))
                .secrets(
                    Map.of(
                        "EPP_CERT_PEM", Secret.fromSecretsManager(props.tls(), "certificate"),
                        "EPP_KEY_PEM", Secret.fromSecretsManager(props.tls(), "privateKey")))
                .build());
    // EPP writes: every transform command is a DynamoDB transaction.
    server.grantTable(props.table(), true);
  }

  public TcpService server() {
    return server;
  }
}
