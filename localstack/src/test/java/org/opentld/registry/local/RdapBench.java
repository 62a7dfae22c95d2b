package org.opentld.registry.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.functions.rdap.RdapConfig;
import org.opentld.registry.functions.rdap.RdapHandler;
import org.opentld.registry.store.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * RDAP throughput and latency on this machine, all in one run against the local stack's DynamoDB
 * Local (server mode, in memory; its own front stays idle): domain lookups per second and p99 through the local HTTP front, the handler
 * alone per request, raw DynamoDB GetItem per second, and the cold start of a fresh JVM to its
 * first RDAP answer. Not a test: run it with
 *
 * <pre>
 * mvn -q -pl localstack -am test-compile exec:java@rdap-bench [-Dexec.args="THREADS SECONDS"]
 * </pre>
 */
public final class RdapBench {
  private static final int DOMAINS = 500;
  private static String dynamoEndpoint;

  private RdapBench() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      run(args);
      status = 0;
    } finally {
      // exec:java would otherwise wait for the HTTP client's and pools' threads.
      System.exit(status);
    }
  }

  private static void run(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    PrintStream out = System.out;
    LocalRegistry local =
        new LocalRegistry(new LocalRegistry.Options(true, Path.of("."), 0, "BENCH"))
            .start(new PrintStream(PrintStream.nullOutputStream()));
    dynamoEndpoint = local.dynamoEndpoint().toString();
    Registry registry = local.registry();
    DynamoDbClient ddb = Registry.localClient(local.dynamoEndpoint());
    List<String> names = seed(registry, threads);
    out.printf("machine: %d cores, Java %s, load average %s; %d domains; %d client threads;"
            + " %d s per phase%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadAverage(), DOMAINS, threads, seconds);

    Map<String, String> settings = Map.of("RDAP_RATE_PER_SECOND", "0");
    try (HttpFront front = HttpFront.start(registry.context(), 0, settings)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Phase.Task viaFront = () -> {
        String n = names.get(ThreadLocalRandom.current().nextInt(names.size()));
        HttpResponse<String> r = client.send(
            HttpRequest.newBuilder(URI.create(front.uri() + "/rdap/domain/" + n)).build(),
            HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == 200, "front answered " + r.statusCode());
      };
      Phase.run(threads, 3, viaFront); // warm-up: JIT, connections
      out.println(Phase.run(threads, seconds, viaFront).line("RDAP domain lookup via HTTP front"));
    }

    RdapHandler handler = new RdapHandler(
        new FunctionEnvironment(registry.context(), Map.of()),
        new RdapConfig("http://127.0.0.1/rdap", "http://127.0.0.1/rdap/help", 50, 0, 1));
    Phase.Task direct = () -> {
      String n = names.get(ThreadLocalRandom.current().nextInt(names.size()));
      var r = handler.handleRequest(event(n), LocalContext.of(FunctionCatalogue.RDAP));
      check(r.getStatusCode() == 200, "handler answered " + r.getStatusCode());
    };
    Phase.run(1, 2, direct);
    out.println(Phase.run(1, seconds, direct).line("RDAP handler alone, 1 thread"));
    out.println(Phase.run(threads, seconds, direct).line("RDAP handler alone, " + threads + " threads"));

    Phase.Task get = () -> {
      String n = names.get(ThreadLocalRandom.current().nextInt(names.size()));
      var r = ddb.getItem(b -> b.tableName("registry").consistentRead(true).key(Map.of(
          "pk", AttributeValue.fromS(Keys.domain(n)), "sk", AttributeValue.fromS(Keys.META))));
      check(r.hasItem(), "no item");
    };
    out.println(Phase.run(threads, seconds, get).line("raw DynamoDB GetItem, " + threads + " threads"));

    List<Long> wall = new ArrayList<>();
    List<Long> inJvm = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long[] r = coldStart(names.get(0));
      wall.add(r[0]);
      inJvm.add(r[1]);
    }
    wall.sort(null);
    inJvm.sort(null);
    out.printf("cold start (fresh JVM to first RDAP answer): median %d ms wall (runs %s), %d ms JVM uptime%n",
        wall.get(1), wall, inJvm.get(1));
  }

  private static List<String> seed(Registry registry, int threads) throws Exception {
    Caller demo = Caller.registrar(DemoData.REGISTRAR_ID, "bench", "bench");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < DOMAINS; i++) {
      names.add("bench" + i + ".test");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (String n : names) {
      done.add(pool.submit(() -> registry.domainCreate.create(demo,
          new DomainCreate.Command(n, 1, null, Map.of(), List.of(), List.of(), "bench-auth-1", null))));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return names;
  }

  private static APIGatewayV2HTTPEvent event(String name) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath("/rdap/domain/" + name)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("GET").withSourceIp("198.51.100.1").build())
            .build())
        .build();
  }

  /** Launches {@link ColdStartProbe}; returns wall ms from launch to answer and its JVM uptime. */
  private static long[] coldStart(String name) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", lambdaClasspath(), ColdStartProbe.class.getName(), name);
    Map<String, String> env = pb.environment();
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("REGISTRY_TABLE", "registry");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "rdap");
    env.put("POWERTOOLS_SERVICE_NAME", "registry");
    env.put("POWERTOOLS_METRICS_NAMESPACE", "OpenTLD");
    pb.redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("COLDSTART")) {
          long wall = (System.nanoTime() - start) / 1_000_000;
          check(line.contains("status=200"), line);
          long uptime = Long.parseLong(line.substring(line.indexOf("uptimeMs=") + 9).trim());
          System.out.println("  " + line + "  wall=" + wall);
          p.waitFor();
          return new long[] {wall, uptime};
        }
      }
    }
    throw new IllegalStateException("cold-start probe printed no answer, exit " + p.waitFor());
  }

  /**
   * What a Lambda deployment of the functions module holds: the project's classes and runtime
   * libraries, without the test-only ones (DynamoDB Local, its SQLite and Jetty, JUnit).
   */
  private static String lambdaClasspath() {
    List<String> entries = new ArrayList<>();
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl instanceof URLClassLoader u) {
      for (URL url : u.getURLs()) {
        entries.add(new File(url.getPath()).getPath());
      }
    } else {
      entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    }
    return String.join(File.pathSeparator, entries.stream()
        .filter(e -> !e.matches(".*(DynamoDBLocal|sqlite4java|jetty|junit|assertj|aws-java-sdk|antlr|opentest4j).*"))
        .toList());
  }

  /** The 1-minute load average (other work on the machine skews every figure). */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  /** A timed load: threads repeat a task for some seconds; latencies in microseconds. */
  static final class Phase {
    interface Task {
      void run() throws Exception;
    }

    private final long[] micros;
    private final double seconds;

    private Phase(long[] micros, double seconds) {
      this.micros = micros;
      this.seconds = seconds;
    }

    static Phase run(int threads, int seconds, Task task) throws Exception {
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<Long>>> parts = new ArrayList<>();
      AtomicInteger errors = new AtomicInteger();
      long start = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        parts.add(pool.submit(() -> {
          List<Long> l = new ArrayList<>();
          while (System.nanoTime() < end) {
            long t = System.nanoTime();
            try {
              task.run();
            } catch (Exception e) {
              if (errors.incrementAndGet() == 1) {
                e.printStackTrace();
              }
            }
            l.add((System.nanoTime() - t) / 1000);
          }
          return l;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : parts) {
        all.addAll(f.get());
      }
      double took = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      check(errors.get() == 0, errors.get() + " failed requests");
      return new Phase(all.stream().mapToLong(Long::longValue).sorted().toArray(), took);
    }

    String line(String what) {
      double mean = Arrays.stream(micros).average().orElse(0) / 1000;
      return String.format("%-45s %8.0f /s   mean %6.2f ms   p50 %6.2f ms   p99 %6.2f ms",
          what, micros.length / seconds, mean, pct(50), pct(99));
    }

    private double pct(int p) {
      return micros[Math.min(micros.length - 1, (int) Math.ceil(p / 100.0 * micros.length) - 1)] / 1000.0;
    }
  }
}
