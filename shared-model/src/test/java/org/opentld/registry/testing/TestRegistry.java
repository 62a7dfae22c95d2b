package org.opentld.registry.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.tld.IdnTable;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A registry on its own fresh table in DynamoDB Local, with a fixed clock, the TLD {@code
 * test} (create 10.00, renew 9.00, transfer 8.00, restore 40.00 USD; Latin IDN table) and two
 * registrars {@code reg-a} and {@code reg-b} with 1,000.00 USD each.
 */
public final class TestRegistry {
  private static final AtomicInteger TABLES = new AtomicInteger();
  public static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
  public static final String PASSWORD = "correct-horse-1";

  public final MutableClock clock = new MutableClock(START);
  public final Registry registry;
  public final RegistryContext ctx;
  public final DynamoDbClient ddb;
  public final String table;

  public TestRegistry() {
    this.ddb = DynamoDbLocal.client();
    this.table = "t" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_";
    RegistryTables.createMissing(ddb, table);
    this.registry =
        new Registry(ddb, clock, new RegistryConfig(table + "registry", "TEST", 5_000));
    this.ctx = registry.context();
  }

  /** The TLD {@code test} and registrars reg-a and reg-b with 1,000.00 USD each. */
  public static TestRegistry seeded() {
    TestRegistry t = new TestRegistry();
    Caller admin = Caller.admin("test-admin", "SV-SEED");
    t.registry.tlds.create(
        admin,
        Tld.withDefaults("test", "USD", 1000, 900, 800, 4000)
            .withIdnTables(List.of(new IdnTable("latn", List.of("00DF-00F6", "00F8-00FF")))));
    for (String id : List.of("reg-a", "reg-b")) {
      t.registry.registrars.create(
          admin, id, "Registrar " + id, 9000L + id.charAt(4), PASSWORD, Set.of(), List.of(),
          "USD", 0, id + "@example.net", "abuse@" + id + ".example");
      t.registry.registrars.deposit(admin, id, Money.of(100_000, "USD"), "opening deposit");
    }
    return t;
  }

  public static Caller as(String registrarId) {
    return Caller.registrar(registrarId, "CL-" + registrarId, "SV-" + System.nanoTime());
  }

  /** Creates a domain for a registrar with no contacts or hosts. */
  public Domain createDomain(String registrarId, String name, int years) {
    return registry.domainCreate
        .create(
            as(registrarId),
            new DomainCreate.Command(name, years, null, Map.of(), List.of(), List.of(), "secret-auth-1", null))
        .domain();
  }

  public Registrar registrar(String id) {
    return ctx.registrar(id);
  }

  public long balance(String id) {
    return registrar(id).balance();
  }

  public List<LedgerEntry> ledger(String id) {
    return registry.registrars.ledger(id, 100_000);
  }

  /** The sum of a registrar's ledger entries, which must equal its balance. */
  public long ledgerSum(String id) {
    return ledger(id).stream().mapToLong(LedgerEntry::amount).sum();
  }

  /** The poll messages queued for a registrar, oldest first. */
  public List<PollMessage> polls(String id) {
    return ctx.store().queryPrefix(Keys.poll(id), "", 10_000).stream().map(Items::poll).toList();
  }
}
