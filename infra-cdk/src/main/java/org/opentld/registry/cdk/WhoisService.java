package org.opentld.registry.cdk;

import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * The port-43 WHOIS service (RFC 3912): {@code whois-fargate} behind an NLB with PROXY protocol
 * v2, so its per-client rate limits see the client's address, not the NLB's. Read-only on the
 * table.
 */
public final class WhoisService extends Construct {
  /** WHOIS's port (RFC 3912 §2). */
  public static final int PORT = 43;

  /** What the WHOIS service is built from. */
  public record Props(Stage stage, RegistryNetwork network, ContainerImage image, ITable table) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private Stage stage;
      private RegistryNetwork network;
      private ContainerImage image;
      private ITable table;

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

      public Props build() {
        return new Props(stage, network, image, table);
      }
    }
  }

  private final TcpService server;

  public WhoisService(Construct scope, String id, Props props) {
    super(scope, id);
    server =
        new TcpService(
            this,
            "Whois",
            TcpService.Props.builder()
                .stage(props.stage())
                .network(props.network())
                .image(props.image())
                .port(PORT)
                .healthPort(8080)
                .environment(
                    Map.of(
                        "WHOIS_PORT", String.valueOf(PORT),
                        "WHOIS_PROXY_PROTOCOL", "true",
                        "WHOIS_HEALTH_PORT", "8080",
                        "REGISTRY_TABLE", props.table().getTableName()))
                .build());
    server.grantTable(props.table(), false);
  }

  public TcpService server() {
    return server;
  }
}
