package org.opentld.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.testing.TestRegistry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Concurrent commands against DynamoDB Local: the conditions and transactions of the data
 * model (docs/data-model.md) must hold when many writers race, not only one at a time. Every
 * thread is released by one latch so that the requests really overlap.
 */
class ConcurrencyIT {
  private static final long PRICE = 1000; // create, 1 year, TLD "test"
  private TestRegistry t;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    pool = Executors.newFixedThreadPool(50);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  private static DomainCreate.Command cmd(String name) {
    return new DomainCreate.Command(
        name, 1, null, Map.of(), List.of(), List.of(), "auth-code-1", null);
  }

  /** Runs {@code task(i)} on {@code n} threads released together; returns what each returned. */
  private <T> List<T> race(int n, IndexedTask<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return task.run(index);
              }));
    }
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(120, TimeUnit.SECONDS));
    }
    return out;
  }

  @FunctionalInterface
  private interface IndexedTask<T> {
    T run(int index) throws Exception;
  }

  /** The result code of one create: 1000 or the code of the RegistryException it threw. */
  private int createCode(String registrarId, String name) {
    try {
      t.registry.domainCreate.create(TestRegistry.as(registrarId), cmd(name));
      return ResultCode.SUCCESS.code();
    } catch (RegistryException e) {
      return e.code().code();
    }
  }

  private List<LedgerEntry> createDebits(String registrarId, String name) {
    return t.ledger(registrarId).stream()
        .filter(e -> "create".equals(e.kind()) && name.equals(e.objectName()))
        .toList();
  }

  @Test
  void success_fiftyConcurrentCreatesOfOneNameLeaveOneDomainAndOneCharge() throws Exception {
    String name = "contested.test";

    List<Integer> codes =
        race(50, i -> createCode(i % 2 == 0 ? "reg-a" : "reg-b", name));

    assertThat(codes).filteredOn(c -> c == 1000).hasSize(1);
    assertThat(codes)
        .filteredOn(c -> c != 1000)
        .hasSize(49)
        .containsOnly(ResultCode.OBJECT_EXISTS.code());
    String winner = t.ctx.domain(name).registrarId();
    assertThat(winner).isIn("reg-a", "reg-b");
    String loser = winner.equals("reg-a") ? "reg-b" : "reg-a";
    assertThat(createDebits(winner, name)).hasSize(1);
    assertThat(createDebits(loser, name)).isEmpty();
    assertThat(t.balance(winner)).isEqualTo(100_000 - PRICE);
    assertThat(t.balance(loser)).isEqualTo(100_000);
    assertThat(t.ledgerSum("reg-a")).isEqualTo(t.balance("reg-a"));
    assertThat(t.ledgerSum("reg-b")).isEqualTo(t.balance("reg-b"));
    assertThat(t.ctx.store().queryPrefix(Keys.history(t.ctx.domain(name).roid()), "", 100))
        .hasSize(1);
  }

  @Test
  void success_concurrentSpendingStopsExactlyAtBalancePlusCredit() throws Exception {
    long deposit = 5_000;
    long creditLimit = 2_000;
    Caller admin = Caller.admin("test-admin", "SV-TIGHT");
    List<String> registrars = List.of("tight-1", "tight-2");
    for (String id : registrars) {
      t.registry.registrars.create(
          admin, id, "Registrar " + id, null, TestRegistry.PASSWORD, Set.of(), List.of(), "USD",
          creditLimit, id + "@example.net", "abuse@example.net");
      t.registry.registrars.deposit(admin, id, Money.of(deposit, "USD"), "opening deposit");
    }
    Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    registrars.forEach(id -> successes.put(id, new AtomicInteger()));
    ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();

    // A reader samples both balances while the writers run: no committed state may show a
    // balance below minus the credit limit.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
    AtomicInteger samples = new AtomicInteger();
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                for (String id : registrars) {
                  lowest.accumulateAndGet(t.balance(id), Math::min);
                }
                samples.incrementAndGet();
              }
            });
    sampler.start();

    race(
        16,
        i -> {
          String id = registrars.get(i % 2);
          for (int n = 0; ; n++) {
            String name = "spend-" + i + "-" + n + ".test";
            int code = createCode(id, name);
            if (code == 1000) {
              successes.get(id).incrementAndGet();
              created.add(name);
              continue;
            }
            failures.add(code);
            if (code == ResultCode.BILLING_FAILURE.code()) {
              return null;
            }
          }
        });
    running.set(false);
    sampler.join();

    long expected = (deposit + creditLimit) / PRICE;
    assertThat(failures).hasSize(16).containsOnly(ResultCode.BILLING_FAILURE.code());
    assertThat(samples.get()).isPositive();
    assertThat(lowest.get()).isGreaterThanOrEqualTo(-creditLimit);
    for (String id : registrars) {
      assertThat(successes.get(id).get()).as(id).isEqualTo(expected);
      long balance = t.balance(id);
      assertThat(balance)
          .isEqualTo(deposit - expected * PRICE)
          .isGreaterThanOrEqualTo(-creditLimit);
      assertThat(t.ledgerSum(id)).isEqualTo(balance);
      assertThat(t.ledger(id).stream().filter(e -> "create".equals(e.kind())).count())
          .isEqualTo(expected);
    }
    assertThat(created).hasSize((int) (2 * expected)).doesNotHaveDuplicates();
    assertThat(countDomains()).isEqualTo(2 * expected);
    for (String name : created) {
      assertThat(t.ctx.findDomain(name)).isPresent();
    }
  }

  @Test
  void success_ledgersSumToBalancesAfterMixedConcurrentCreates() throws Exception {
    // 40 creates over 20 names: each name is wanted by both registrars at once, so half of
    // them lose (2302) and must leave no trace in the loser's ledger.
    List<Integer> codes =
        race(40, i -> createCode(i % 2 == 0 ? "reg-a" : "reg-b", "mixed-" + (i / 2) + ".test"));

    assertThat(codes).filteredOn(c -> c == 1000).hasSize(20);
    assertThat(codes).filteredOn(c -> c != 1000).containsOnly(ResultCode.OBJECT_EXISTS.code());
    long domainsA = 0;
    long domainsB = 0;
    for (int n = 0; n < 20; n++) {
      String name = "mixed-" + n + ".test";
      String sponsor = t.ctx.domain(name).registrarId();
      if (sponsor.equals("reg-a")) {
        domainsA++;
      } else {
        domainsB++;
      }
      assertThat(createDebits("reg-a", name).size() + createDebits("reg-b", name).size())
          .isEqualTo(1);
      assertThat(createDebits(sponsor, name)).hasSize(1);
    }
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - domainsA * PRICE);
    assertThat(t.balance("reg-b")).isEqualTo(100_000 - domainsB * PRICE);
    assertThat(t.ledgerSum("reg-a")).isEqualTo(t.balance("reg-a"));
    assertThat(t.ledgerSum("reg-b")).isEqualTo(t.balance("reg-b"));
  }

  /** Domain items in the table, counted by a scan (the table is this test's own). */
  private long countDomains() {
    String table = t.table + RegistryTables.REGISTRY.logicalName();
    return t.ddb
        .scanPaginator(
            r ->
                r.tableName(table)
                    .filterExpression("#type = :d")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("domain"))))
        .items()
        .stream()
        .count();
  }
}
