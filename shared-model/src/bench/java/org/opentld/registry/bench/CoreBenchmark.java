package org.opentld.registry.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainInfo;
import org.opentld.registry.domain.DomainRules;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Tx;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Throughput and latency of the registry core on DynamoDB Local (in-process, over HTTP, as in
 * the tests), next to raw PutItem and GetItem of an item the size of a domain, so that the
 * cost the registry adds over one DynamoDB call can be read off. Not a test: run it with
 * {@code mvn -q -B -pl shared-model -Pbench test-compile exec:java}; results in
 * docs/benchmarks.md.
 *
 * <p>System properties: {@code bench.threads} (comma-separated thread counts, default
 * {@code 1,8}), {@code bench.seconds} (measured seconds per phase, default 10), {@code
 * bench.warmup} (unmeasured seconds before each phase, default 1).
 */
public final class CoreBenchmark {
  private static final String TLD = "bench";
  private static final String REGISTRAR = "bench-reg";
  private static final String AUTH_INFO = "bench-auth-1";

  private final DynamoDbClient ddb;
  private final Registry registry;
  private final String scratch;
  private final Domain sample;
  private final Map<String, AttributeValue> domainPayload;
  private final double seconds;
  private final double warmup;
  private final AtomicLong scratchKeys = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong domains = new AtomicLong();
  private final AtomicLong svTrids = new AtomicLong();
  private final List<Row> rows = new ArrayList<>();

  /** One operation of a phase; {@code thread} is the worker's index. */
  @FunctionalInterface
  private interface Op {
    void run(int thread) throws Exception;
  }

  /** One measured phase. */
  private record Row(
      String name,
      int threads,
      long ops,
      long errors,
      double opsPerSecond,
      double p50,
      double p99,
      double load) {}

  private CoreBenchmark(double seconds, double warmup) {
    this.seconds = seconds;
    this.warmup = warmup;
    this.ddb = DynamoDbLocal.client();
    String prefix = "bench" + ProcessHandle.current().pid() + "_";
    RegistryTables.createMissing(ddb, prefix);
    this.scratch = prefix + "scratch";
    ddb.createTable(
        r ->
            r.tableName(scratch)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    ddb.waiter().waitUntilTableExists(r -> r.tableName(scratch));
    this.registry =
        new Registry(ddb, Clock.systemUTC(), new RegistryConfig(prefix + "registry", "BENCH", 0));
    seed();
    this.sample = sampleDomain();
    this.domainPayload = new HashMap<>(Items.domain(sample));
  }

  private void seed() {
    Caller admin = Caller.admin("bench-admin", "SV-SEED");
    registry.tlds.create(admin, Tld.withDefaults(TLD, "USD", 1000, 900, 800, 4000));
    registry.registrars.create(
        admin, REGISTRAR, "Benchmark registrar", null, "bench-password-1", Set.of(), List.of(),
        "USD", 0, "bench@example.net", "abuse@example.net");
    registry.registrars.deposit(
        admin, REGISTRAR, Money.of(1_000_000_000_000L, "USD"), "enough for any run");
  }

  /** A domain like the ones the create phase writes, to size the raw put's item. */
  private Domain sampleDomain() {
    var now = registry.context().now();
    return Domain.builder()
        .name("sample-000000.bench")
        .roid(registry.context().newRoid())
        .tld(TLD)
        .registrarId(REGISTRAR)
        .createdBy(REGISTRAR)
        .contacts(Map.of())
        .nameservers(List.of())
        .dsData(List.of())
        .createdAt(now)
        .expiresAt(DomainRules.plusYears(now, 1))
        .authInfoHash(DomainRules.hashAuthInfo(AUTH_INFO))
        .gracePeriods(List.of())
        .version(1)
        .build();
  }

  private Caller caller() {
    return Caller.registrar(REGISTRAR, "CL-BENCH", "SV-B" + svTrids.incrementAndGet());
  }

  private static String domainName(long n) {
    return "d" + n + "." + TLD;
  }

  private void runAll(int[] threadCounts) throws Exception {
    for (int threads : threadCounts) {
      phase(
          "PutItem (raw)",
          threads,
          i -> {
            Map<String, AttributeValue> item = new HashMap<>(domainPayload);
            item.put("pk", AttributeValue.fromS("S#" + scratchKeys.getAndIncrement()));
            ddb.putItem(r -> r.tableName(scratch).item(item));
          });
      phase(
          "GetItem (raw, consistent)",
          threads,
          i -> {
            long n = ThreadLocalRandom.current().nextLong(scratchKeys.get());
            Map<String, AttributeValue> key =
                Map.of(
                    "pk", AttributeValue.fromS("S#" + n),
                    "sk", domainPayload.get("sk"));
            if (!ddb.getItem(r -> r.tableName(scratch).key(key).consistentRead(true)).hasItem()) {
              throw new IllegalStateException("scratch item S#" + n + " missing");
            }
          });
      phase(
          "TransactWriteItems (raw, 4 new items)",
          threads,
          i -> {
            long n = transactions.getAndIncrement();
            List<TransactWriteItem> puts = new ArrayList<>(4);
            for (int k = 0; k < 4; k++) {
              Map<String, AttributeValue> item = new HashMap<>(domainPayload);
              item.put("pk", AttributeValue.fromS("T#" + n + "#" + k));
              puts.add(
                  TransactWriteItem.builder()
                      .put(
                          Put.builder()
                              .tableName(scratch)
                              .item(item)
                              .conditionExpression("attribute_not_exists(pk)")
                              .build())
                      .build());
            }
            ddb.transactWriteItems(r -> r.transactItems(puts));
          });
      phase(
          "DomainCreate",
          threads,
          i ->
              registry.domainCreate.create(
                  caller(),
                  new DomainCreate.Command(
                      domainName(domains.getAndIncrement()), 1, null, Map.of(), List.of(),
                      List.of(), AUTH_INFO, null)));
      phase(
          "DomainInfo",
          threads,
          i -> {
            long n = ThreadLocalRandom.current().nextLong(domains.get());
            DomainInfo.Result r = registry.domainInfo.info(caller(), domainName(n), null);
            if (!r.full()) {
              throw new IllegalStateException("sponsor got the limited view");
            }
          });
      phase(
          "DomainCheck (1 name)",
          threads,
          i -> {
            long n = ThreadLocalRandom.current().nextLong(domains.get());
            List<DomainCheck.Result> r = registry.domainCheck.check(List.of(domainName(n)), 1);
            if (r.get(0).available()) {
              throw new IllegalStateException(domainName(n) + " should be taken");
            }
          });
      // The one CPU-heavy step of a create (RFC 9154 §4: authInfo is stored hashed).
      phase(
          "authInfo hash (CPU only)",
          threads,
          Math.min(seconds, 3),
          i -> DomainRules.hashAuthInfo(AUTH_INFO));
    }
  }

  /** Runs one phase: warm-up, then {@link #seconds} of measured operations on every thread. */
  private void phase(String name, int threads, Op op) throws Exception {
    phase(name, threads, seconds, op);
  }

  private void phase(String name, int threads, double measured, Op op) throws Exception {
    System.out.printf(Locale.ROOT, "%s x%d: warming up %.0f s%n", name, threads, warmup);
    drive(threads, op, warmup, null);
    System.out.printf(Locale.ROOT, "%s x%d: measuring %.0f s%n", name, threads, measured);
    long[][] latencies = new long[threads][];
    long[] errors = new long[1];
    long elapsed = drive(threads, op, measured, new Sink(latencies, errors));
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    double opsPerSecond = all.length / (elapsed / 1e9);
    Row row =
        new Row(
            name,
            threads,
            all.length,
            errors[0],
            opsPerSecond,
            percentile(all, 0.50),
            percentile(all, 0.99),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    rows.add(row);
    System.out.printf(
        Locale.ROOT,
        "%s x%d: %d ops, %.0f ops/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
        name, threads, row.ops, row.opsPerSecond, row.p50, row.p99, row.errors);
  }

  /** Where the workers of a measured run leave their latencies (ns) and error count. */
  private record Sink(long[][] latencies, long[] errors) {}

  /** Runs {@code op} on {@code threads} threads for {@code secs}; returns the elapsed ns. */
  private long drive(int threads, Op op, double secs, Sink sink) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long durationNs = (long) (secs * 1e9);
    long[] startNs = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread w =
          new Thread(
              () -> {
                long[] lat = new long[4096];
                int n = 0;
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                long end = startNs[0] + durationNs;
                for (long now = System.nanoTime(); now < end; ) {
                  try {
                    op.run(index);
                  } catch (Exception e) {
                    if (failed.getAndIncrement() == 0) {
                      System.out.println("  first error: " + e);
                    }
                    now = System.nanoTime();
                    continue;
                  }
                  long after = System.nanoTime();
                  if (n == lat.length) {
                    lat = Arrays.copyOf(lat, n * 2);
                  }
                  lat[n++] = after - now;
                  now = after;
                  done.incrementAndGet();
                }
                if (sink != null) {
                  sink.latencies[index] = Arrays.copyOf(lat, n);
                }
              },
              "bench-" + t);
      workers.add(w);
      w.start();
    }
    startNs[0] = System.nanoTime();
    go.countDown();
    long lastOps = 0;
    long lastAt = startNs[0];
    while (workers.stream().anyMatch(Thread::isAlive)) {
      workers.get(0).join(2000);
      long now = System.nanoTime();
      if (sink != null && now - lastAt >= 1_900_000_000L && now < startNs[0] + durationNs) {
        long ops = done.get();
        System.out.printf(
            Locale.ROOT,
            "  %4.1f s  %7d ops  %6.0f ops/s%n",
            (now - startNs[0]) / 1e9,
            ops,
            (ops - lastOps) / ((now - lastAt) / 1e9));
        lastOps = ops;
        lastAt = now;
      }
    }
    for (Thread w : workers) {
      w.join();
    }
    if (sink != null) {
      sink.errors[0] = failed.get();
    }
    return System.nanoTime() - startNs[0];
  }

  /**
   * Where one create's time goes, on one thread: the steps of {@link DomainCreate#create} for
   * a domain without contacts or hosts, timed one by one with the same building blocks, so
   * that the transaction (domain put, registrar update, ledger put, history put) can be told
   * apart from the reads before it and the authInfo hash.
   */
  private void createBreakdown(int count) {
    RegistryContext ctx = registry.context();
    String[] steps = {
      "reads (TLD cached, label GetItem)",
      "authInfo hash",
      "build records and items",
      "TransactWriteItems (4 items)"
    };
    long[] total = new long[steps.length];
    int warm = count / 4;
    for (int i = 0; i < warm + count; i++) {
      Caller caller = caller();
      long t0 = System.nanoTime();
      DomainRules.Target target = DomainRules.target(ctx, "breakdown-" + i + "." + TLD);
      Optional<TldLabel> label = Pricing.label(ctx.store(), TLD, target.label());
      Money fee = Pricing.price(target.tld(), label, BillingOperation.CREATE, 1);
      long t1 = System.nanoTime();
      String hash = DomainRules.hashAuthInfo(AUTH_INFO);
      long t2 = System.nanoTime();
      Instant now = ctx.now();
      String name = target.name().ascii();
      Domain d =
          sample.toBuilder()
              .name(name)
              .roid(ctx.newRoid())
              .createdAt(now)
              .expiresAt(DomainRules.plusYears(now, 1))
              .authInfoHash(hash)
              .build();
      Tx tx = ctx.store().tx();
      ctx.putVersioned(tx, Items.domain(d), 0, () -> new RegistryException.ObjectExists(name));
      ctx.debit(tx, caller, REGISTRAR, fee, "create", TLD, name, 1);
      ctx.history(tx, caller, "domain", name, d.roid(), "create", null, d);
      long t3 = System.nanoTime();
      tx.execute();
      long t4 = System.nanoTime();
      if (i >= warm) {
        total[0] += t1 - t0;
        total[1] += t2 - t1;
        total[2] += t3 - t2;
        total[3] += t4 - t3;
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Where a create's time goes (1 thread, mean of %d):%n", count);
    System.out.println("| step | mean ms |");
    System.out.println("|---|---:|");
    for (int i = 0; i < steps.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %.2f |%n", steps[i], total[i] / 1e6 / count);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** The raw phase an operation of the registry is compared with. */
  private static String baseline(String name) {
    if (name.startsWith("DomainCreate") || name.startsWith("Transact")) {
      return "PutItem (raw)";
    }
    if (name.startsWith("Domain")) {
      return "GetItem (raw, consistent)";
    }
    return null;
  }

  private void printTable() {
    System.out.println();
    System.out.println(
        "| operation | threads | ops | ops/s | p50 ms | p99 ms | vs raw | errors | load |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      String base = baseline(r.name);
      String ratio = "";
      if (base != null) {
        for (Row b : rows) {
          if (b.name.equals(base) && b.threads == r.threads) {
            ratio = String.format(Locale.ROOT, "%.2f x %s", r.opsPerSecond / b.opsPerSecond,
                base.startsWith("Put") ? "put" : "get");
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %.0f | %.2f | %.2f | %s | %d | %.1f |%n",
          r.name, r.threads, r.ops, r.opsPerSecond, r.p50, r.p99, ratio, r.errors, r.load);
    }
  }

  public static void main(String[] args) throws Exception {
    int[] threads =
        Arrays.stream(System.getProperty("bench.threads", "1,8").split(","))
            .map(String::trim)
            .mapToInt(Integer::parseInt)
            .toArray();
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    double warmup = Double.parseDouble(System.getProperty("bench.warmup", "1"));
    System.out.printf(
        Locale.ROOT,
        "Registry core benchmark: threads %s, %.0f s per phase after %.0f s warm-up, %d CPUs, %s%n",
        Arrays.toString(threads), seconds, warmup, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    CoreBenchmark bench = new CoreBenchmark(seconds, warmup);
    System.out.println("DynamoDB Local at " + DynamoDbLocal.endpoint());
    bench.runAll(threads);
    bench.createBreakdown(200);
    bench.printTable();
    System.exit(0);
  }
}
