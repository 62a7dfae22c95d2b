package org.opentld.registry;

import java.net.URI;
import java.time.Clock;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainInfo;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.registrar.RegistrarAuth;
import org.opentld.registry.store.Store;
import org.opentld.registry.tld.TldAdmin;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The registry: one object per operation, all sharing one {@link RegistryContext}. Every
 * front end (EPP, WHOIS, RDAP, DAS, panel, jobs) calls these and nothing else.
 */
public final class Registry {
  private final RegistryContext ctx;
  public final TldAdmin tlds;
  public final RegistrarAdmin registrars;
  public final RegistrarAuth auth;
  public final DomainCheck domainCheck;
  public final DomainInfo domainInfo;
  public final DomainCreate domainCreate;

  public Registry(DynamoDbClient ddb, Clock clock, RegistryConfig config) {
    this.ctx = new RegistryContext(new Store(ddb, config.tableName()), clock, config);
    this.tlds = new TldAdmin(ctx);
    this.registrars = new RegistrarAdmin(ctx);
    this.auth = new RegistrarAuth(ctx);
    this.domainCheck = new DomainCheck(ctx);
    this.domainInfo = new DomainInfo(ctx);
    this.domainCreate = new DomainCreate(ctx);
  }

  public RegistryContext context() {
    return ctx;
  }

  /**
   * A DynamoDB client for the registry: the URL-connection HTTP client (fast cold start) and
   * the SDK's standard endpoint and credential settings, so that AWS, LocalStack and DynamoDB
   * Local are reached by configuration alone ({@code AWS_ENDPOINT_URL_DYNAMODB}).
   */
  public static DynamoDbClient defaultClient() {
    return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** A client for a local endpoint (DynamoDB Local) with dummy credentials. */
  public static DynamoDbClient localClient(URI endpoint) {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }
}
