package org.opentld.registry.epp.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.Certificates;
import org.opentld.registry.epp.EppConfig;
import org.opentld.registry.epp.EppServer;
import org.opentld.registry.epp.load.EppLoad;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One command for the whole EPP load benchmark: starts DynamoDB Local in-process (in memory,
 * over HTTP, as the tests do), creates the registry table, seeds the TLD {@code bench} and a
 * registrar whose certificate fingerprint is that of a freshly made client certificate, starts
 * the {@link EppServer} on 127.0.0.1 with TLS, and drives it with {@link EppLoad}. Server,
 * DynamoDB Local and load generator share one JVM and the machine's CPUs.
 *
 * <p>Run: {@code mvn -q -B -pl shared-model,epp-fargate -Pbench -Dexec.skip=true test-compile
 * exec:exec@epp-load} (see docs/benchmarks.md). Arguments: {@code --sessions 16 --seconds 15
 * --warmup 3 --phases check,info,create --seed 256 --workers 32}.
 */
public final class EppBench {
  private static final String TLD = "bench";
  private static final String REGISTRAR = "bench-epp";
  private static final String PASSWORD = "bench-password-1";

  private EppBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    int workers = Integer.parseInt(o.getOrDefault("workers", "32"));

    var os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("machine: %d CPUs, %s %s, max heap %d MiB, load %.1f%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        os.getSystemLoadAverage());

    DynamoDbClient ddb = DynamoDbLocal.client();
    String prefix = "eppbench" + ProcessHandle.current().pid() + "_";
    RegistryTables.createMissing(ddb, prefix);
    Registry registry =
        new Registry(ddb, Clock.systemUTC(), new RegistryConfig(prefix + "registry", "BENCH", 0));

    Path dir = Files.createTempDirectory("epp-bench");
    Certificates.Issued root = Certificates.ca("EPP bench CA");
    Certificates.server(root, "localhost", "localhost", "127.0.0.1")
        .write(dir.resolve("server.pem"), dir.resolve("server.key"));
    Certificates.Issued client = Certificates.client(root, "bench registrar");
    client.write(dir.resolve("client.pem"), dir.resolve("client.key"));
    root.write(dir.resolve("ca.pem"), dir.resolve("ca.key"));

    Caller admin = Caller.admin("bench-admin", "SV-SEED");
    registry.tlds.create(admin, Tld.withDefaults(TLD, "USD", 1000, 900, 800, 4000));
    registry.registrars.create(admin, REGISTRAR, "EPP benchmark registrar", null, PASSWORD,
        Set.of(client.fingerprint()), List.of(), "USD", 0, "bench@example.net",
        "abuse@example.net");
    registry.registrars.deposit(
        admin, REGISTRAR, Money.of(1_000_000_000_000L, "USD"), "enough for any run");

    EppConfig config = new EppConfig("127.0.0.1", 0, dir.resolve("server.pem"),
        dir.resolve("server.key"), 65536, Duration.ofMinutes(10), false, 3, workers,
        "OpenTLD EPP bench");
    try (EppServer server = new EppServer(config, registry, Clock.systemUTC())) {
      int port = server.start();
      List<String> loadArgs = new ArrayList<>(List.of(
          "--host", "127.0.0.1", "--port", Integer.toString(port),
          "--cert", dir.resolve("client.pem").toString(),
          "--key", dir.resolve("client.key").toString(),
          "--ca", dir.resolve("ca.pem").toString(),
          "--id", REGISTRAR, "--pw", PASSWORD, "--tld", TLD));
      for (String k : List.of("sessions", "seconds", "warmup", "phases", "seed", "prefix")) {
        if (o.containsKey(k)) {
          loadArgs.add("--" + k);
          loadArgs.add(o.get(k));
        }
      }
      System.out.printf("EPP server on 127.0.0.1:%d, %d worker threads%n", port, workers);
      CpuAccount cpu = new CpuAccount();
      List<EppLoad.Result> results =
          new EppLoad(EppLoad.parse(loadArgs.toArray(new String[0])), System.out, cpu).run();
      System.out.println();
      System.out.print(EppLoad.table(results));
      System.out.println();
      System.out.print(cpu.summary());
    }
    System.exit(0);
  }
}
