package org.opentld.registry.whois;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.TestRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Throughput and latency of WHOIS on loopback against DynamoDB Local (server mode, over HTTP),
 * beside raw GetItem/s on the same DynamoDB Local in the same run, so the WHOIS figure can be read
 * against what the store itself gives. Not a test: run it by hand (README, and docs/benchmarks.md
 * for the command). Each WHOIS client opens a connection per query, as real WHOIS clients do (RFC
 * 3912: one query per connection).
 *
 * <p>Arguments: {@code [clients=16] [seconds=10] [warmupSeconds=3]}.
 */
public final class WhoisBenchmark {
  private WhoisBenchmark() {}

  /** Operations finished in a timed phase, and their latencies in nanoseconds. */
  record Result(String name, int clients, Duration elapsed, long[] latencies, long failures) {
    double perSecond() {
      return latencies.length / (elapsed.toNanos() / 1e9);
    }

    double percentileMillis(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(i, latencies.length - 1))] / 1e6;
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %,.0f | %.2f | %.2f | %d |",
          name,
          clients,
          perSecond(),
          percentileMillis(50),
          percentileMillis(99),
          failures);
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 3);

    TestRegistry t = TestRegistry.seeded();
    WhoisFixtures.seed(t);
    WhoisConfig config =
        WhoisConfig.defaults()
            .withBind("127.0.0.1", 0)
            .withRateLimit(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2)
            .withLookupThreads(Math.max(32, clients * 2));
    WhoisResponder responder = new WhoisResponder(t.ctx, config.termsOfUse());
    List<Result> results = new ArrayList<>();
    try (WhoisServer server = new WhoisServer(config, responder).start()) {
      int port = server.port();
      byte[] domainQuery = "example.test\r\n".getBytes(StandardCharsets.US_ASCII);
      byte[] hostQuery = "nameserver ns1.example.test\r\n".getBytes(StandardCharsets.US_ASCII);
      Callable<Boolean> domain = () -> whois(port, domainQuery, "Domain Name: example.test");
      Callable<Boolean> host = () -> whois(port, hostQuery, "Server Name: ns1.example.test");
      DynamoDbClient ddb = t.ddb;
      String table = t.table + "registry";
      Map<String, AttributeValue> key =
          Map.of(
              "pk", AttributeValue.fromS(Keys.domain("example.test")),
              "sk", AttributeValue.fromS(Keys.META));
      Callable<Boolean> getItem =
          () -> ddb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).hasItem();
      Callable<Boolean> inProcess =
          () ->
              responder.answer(WhoisQuery.parse("example.test")).outcome()
                  == WhoisResponder.Outcome.FOUND;

      run("warm-up", clients, warmup, domain);
      run("warm-up", clients, warmup, getItem);
      results.add(run("DynamoDB GetItem (raw, consistent)", clients, duration, getItem));
      results.add(run("WHOIS domain query (TCP)", clients, duration, domain));
      results.add(run("WHOIS nameserver query (TCP)", clients, duration, host));
      results.add(run("domain answer in-process (no TCP)", clients, duration, inProcess));
      results.add(run("WHOIS domain query (TCP), 1 client", 1, duration, domain));
      results.add(run("DynamoDB GetItem (raw), 1 client", 1, duration, getItem));
      System.out.println(server.metrics());
    }
    System.out.printf(
        Locale.ROOT,
        "%nWHOIS benchmark: %d clients, %d s per phase, %d cores, Java %s, load %s%n%n",
        clients,
        duration.toSeconds(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadAverage());
    System.out.println("| what | clients | ops/s | p50 ms | p99 ms | failures |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    results.forEach(r -> System.out.println(r.row()));
    System.exit(0);
  }

  /** The 1/5/15-minute load averages: other work on the machine skews every figure. */
  static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** One query on its own connection; true if the answer starts as expected. */
  static boolean whois(int port, byte[] query, String expect) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(query);
      out.flush();
      InputStream in = s.getInputStream();
      byte[] all = in.readAllBytes();
      return new String(all, StandardCharsets.UTF_8).startsWith(expect);
    }
  }

  static Result run(String name, int clients, Duration duration, Callable<Boolean> op)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    long[] failures = new long[clients];
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  long t0 = System.nanoTime();
                  boolean ok;
                  try {
                    ok = op.call();
                  } catch (Exception e) {
                    ok = false;
                  }
                  long dt = System.nanoTime() - t0;
                  if (!ok) {
                    failures[client]++;
                    continue;
                  }
                  if (n == lat.length) {
                    lat = Arrays.copyOf(lat, n * 2);
                  }
                  lat[n++] = dt;
                }
                return Arrays.copyOf(lat, n);
              }));
    }
    long[] all = new long[0];
    for (Future<long[]> f : futures) {
      long[] part = f.get();
      long[] merged = Arrays.copyOf(all, all.length + part.length);
      System.arraycopy(part, 0, merged, all.length, part.length);
      all = merged;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    pool.shutdown();
    Arrays.sort(all);
    Result r = new Result(name, clients, elapsed, all, Arrays.stream(failures).sum());
    System.out.println(r.row());
    return r;
  }
}
