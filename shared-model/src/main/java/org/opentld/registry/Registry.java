package org.opentld.registry;

import java.net.URI;
import java.time.Clock;
import org.opentld.registry.contact.ContactCheck;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.ContactDelete;
import org.opentld.registry.contact.ContactInfo;
import org.opentld.registry.contact.ContactTransfer;
import org.opentld.registry.contact.ContactUpdate;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainInfo;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainRestore;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.host.HostCheck;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.host.HostDelete;
import org.opentld.registry.host.HostInfo;
import org.opentld.registry.host.HostUpdate;
import org.opentld.registry.lifecycle.AutoRenew;
import org.opentld.registry.lifecycle.Due;
import org.opentld.registry.lifecycle.Purge;
import org.opentld.registry.lifecycle.RestoreDeadline;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.poll.PollQueue;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.registrar.RegistrarAuth;
import org.opentld.registry.store.Store;
import org.opentld.registry.tld.TldAdmin;
import org.opentld.registry.user.UserAdmin;
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
  static {
    // The URL-connection HTTP client keeps only 5 idle connections per host by default (the
    // JDK's http.maxConnections), so a server with dozens of worker threads would open a new
    // TCP connection to DynamoDB for most calls. Raise it unless the operator set it.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "128");
    }
  }

  private final RegistryContext ctx;
  public final TldAdmin tlds;
  public final RegistrarAdmin registrars;
  public final RegistrarAuth auth;
  public final DomainCheck domainCheck;
  public final DomainInfo domainInfo;
  public final DomainCreate domainCreate;
  public final DomainUpdate domainUpdate;
  public final DomainDelete domainDelete;
  public final DomainRenew domainRenew;
  public final DomainTransfer domainTransfer;
  public final DomainRestore domainRestore;
  public final HostCheck hostCheck;
  public final HostInfo hostInfo;
  public final HostCreate hostCreate;
  public final HostUpdate hostUpdate;
  public final HostDelete hostDelete;
  public final ContactCheck contactCheck;
  public final ContactInfo contactInfo;
  public final ContactCreate contactCreate;
  public final ContactUpdate contactUpdate;
  public final ContactDelete contactDelete;
  public final ContactTransfer contactTransfer;
  public final PollQueue poll;
  public final AutoRenew autoRenew;
  public final Purge purge;
  public final RestoreDeadline restoreDeadline;
  public final Due due;
  public final PublicLookup lookup;
  public final UserAdmin users;

  public Registry(DynamoDbClient ddb, Clock clock, RegistryConfig config) {
    this.ctx = new RegistryContext(new Store(ddb, config.tableName()), clock, config);
    this.tlds = new TldAdmin(ctx);
    this.registrars = new RegistrarAdmin(ctx);
    this.auth = new RegistrarAuth(ctx);
    this.domainCheck = new DomainCheck(ctx);
    this.domainInfo = new DomainInfo(ctx);
    this.domainCreate = new DomainCreate(ctx);
    this.domainUpdate = new DomainUpdate(ctx);
    this.domainDelete = new DomainDelete(ctx);
    this.domainRenew = new DomainRenew(ctx);
    this.domainTransfer = new DomainTransfer(ctx);
    this.domainRestore = new DomainRestore(ctx);
    this.hostCheck = new HostCheck(ctx);
    this.hostInfo = new HostInfo(ctx);
    this.hostCreate = new HostCreate(ctx);
    this.hostUpdate = new HostUpdate(ctx);
    this.hostDelete = new HostDelete(ctx);
    this.contactCheck = new ContactCheck(ctx);
    this.contactInfo = new ContactInfo(ctx);
    this.contactCreate = new ContactCreate(ctx);
    this.contactUpdate = new ContactUpdate(ctx);
    this.contactDelete = new ContactDelete(ctx);
    this.contactTransfer = new ContactTransfer(ctx);
    this.poll = new PollQueue(ctx);
    this.autoRenew = new AutoRenew(ctx);
    this.purge = new Purge(ctx);
    this.restoreDeadline = new RestoreDeadline(ctx);
    this.due = new Due(ctx);
    this.lookup = new PublicLookup(ctx);
    this.users = new UserAdmin(ctx);
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
