package org.opentld.registry.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.whois.WhoisServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole registry in one JVM: DynamoDB Local (data kept in a folder, or in memory), the
 * registry's tables, demo data and WHOIS on 127.0.0.1. Later the EPP and HTTP front ends start
 * here too.
 *
 * <pre>
 *   mvn -q -pl localstack exec:java                      # data kept in .registry-data/
 *   mvn -q -pl localstack exec:java -Dexec.args=--in-memory
 * </pre>
 */
public final class LocalRegistry implements AutoCloseable {
  private final Options options;
  private DynamoDBProxyServer dynamo;
  private DynamoDbClient ddb;
  private Registry registry;
  private URI dynamoEndpoint;
  private DemoData.Seeded seeded;
  private WhoisServer whois;
  private LocalEpp epp;
  private HttpFront http;
  private LocalScheduler scheduler;
  private Path mailDir;

  /**
   * Command-line options.
   *
   * @param eppPort the EPP server's port on 127.0.0.1 (0 = any free one)
   * @param whoisPort the WHOIS server's port on 127.0.0.1 (0 = any free one)
   * @param httpPort the HTTP front's (RDAP, DAS, panel) port on 127.0.0.1 (0 = any free one)
   * @param jobs run the scheduled jobs on the catalogue's schedules ({@code --no-jobs}: off)
   */
  public record Options(
      boolean inMemory,
      Path dataDir,
      int dynamoPort,
      String roidSuffix,
      int eppPort,
      int whoisPort,
      int httpPort,
      boolean jobs) {
    public Options(
        boolean inMemory,
        Path dataDir,
        int dynamoPort,
        String roidSuffix,
        int eppPort,
        int whoisPort,
        int httpPort) {
      this(inMemory, dataDir, dynamoPort, roidSuffix, eppPort, whoisPort, httpPort, true);
    }

    /** Without ports for the front ends: each takes a free port (tests run side by side). */
    public Options(boolean inMemory, Path dataDir, int dynamoPort, String roidSuffix) {
      this(inMemory, dataDir, dynamoPort, roidSuffix, 0, 0, 0);
    }

    public static Options parse(String[] args) {
      boolean inMemory = false;
      Path data = Path.of(".registry-data");
      int port = 8000;
      String suffix = "TEST";
      int eppPort = 7000;
      int whoisPort = 4343;
      int httpPort = 8080;
      boolean jobs = true;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--in-memory" -> inMemory = true;
          case "--data" -> data = Path.of(value(args, ++i, "--data"));
          case "--dynamodb-port" -> port = Integer.parseInt(value(args, ++i, "--dynamodb-port"));
          case "--roid-suffix" -> suffix = value(args, ++i, "--roid-suffix");
          case "--epp-port" -> eppPort = Integer.parseInt(value(args, ++i, "--epp-port"));
          case "--whois-port" -> whoisPort = Integer.parseInt(value(args, ++i, "--whois-port"));
          case "--http-port" -> httpPort = Integer.parseInt(value(args, ++i, "--http-port"));
          case "--no-jobs" -> jobs = false;
          case "--help", "-h" -> {
            System.out.println(usage());
            System.exit(0);
          }
          default ->
              throw new IllegalArgumentException(
                  "unknown option '" + args[i] + "'\n" + usage());
        }
      }
      return new Options(inMemory, data, port, suffix, eppPort, whoisPort, httpPort, jobs);
    }

    private static String value(String[] args, int i, String opt) {
      if (i >= args.length) {
        throw new IllegalArgumentException(opt + " needs a value\n" + usage());
      }
      return args[i];
    }

    static String usage() {
      return String.join(
          "\n",
          "usage: LocalRegistry [--in-memory] [--data DIR] [--dynamodb-port PORT] [--roid-suffix S]"
              + " [--epp-port PORT] [--whois-port PORT] [--http-port PORT] [--no-jobs]",
          "  --in-memory       keep nothing on disk (a throwaway registry)",
          "  --data DIR        folder for DynamoDB Local's data (default .registry-data)",
          "  --dynamodb-port   port for DynamoDB Local on 127.0.0.1 (default 8000; 0 = any free)",
          "  --roid-suffix     repository suffix of ROIDs (default TEST)",
          "  --epp-port PORT   EPP server on 127.0.0.1 (default 7000; 0 = any free)",
          "  --whois-port      WHOIS port on 127.0.0.1 (default 4343; 0 = any free)",
          "  --http-port       port of the HTTP front (RDAP, DAS) on 127.0.0.1"
              + " (default 8080; 0 = any free)",
          "  --no-jobs         do not run the scheduled jobs (registry-ops run JOB still works)");
    }
  }

  public LocalRegistry(Options options) {
    this.options = options;
  }

  /** Starts DynamoDB Local, creates missing tables and seeds demo data once. */
  public LocalRegistry start(PrintStream out) throws Exception {
    int port = options.dynamoPort() == 0 ? freePort() : options.dynamoPort();
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
    if (options.inMemory()) {
      args.add("-inMemory");
    } else {
      Files.createDirectories(options.dataDir());
      args.add("-sharedDb");
      args.add("-dbPath");
      args.add(options.dataDir().toAbsolutePath().toString());
    }
    out.println("[1/3] starting DynamoDB Local on 127.0.0.1:" + port
        + (options.inMemory() ? " (in memory)" : " (data in " + options.dataDir().toAbsolutePath() + ")"));
    try {
      dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      dynamo.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "DynamoDB Local could not start on port " + port
              + ": is another registry running? Stop it or pass --dynamodb-port 0", e);
    }
    dynamoEndpoint = URI.create("http://127.0.0.1:" + port);
    ddb = Registry.localClient(dynamoEndpoint);
    out.println("[2/3] creating tables");
    List<String> created = RegistryTables.createMissing(ddb, "");
    out.println("      " + (created.isEmpty() ? "tables already there (data kept)" : "created " + created));
    registry = new Registry(ddb, Clock.systemUTC(), new RegistryConfig("registry", options.roidSuffix(), 10_000));
    out.println("[3/3] seeding demo data");
    seeded = DemoData.seed(registry, out);
    epp = LocalEpp.start(registry, eppCertDir(), options.eppPort(), out);
    whois = LocalWhois.start(registry, options.whoisPort(), out);
    http = HttpFront.start(registry.context(), options.httpPort(), System.getenv(), panelDist());
    out.println("      HTTP front (RDAP, DAS) on " + http.uri()
        + (http.servesPanel() ? " with the panel" : " (panel not built: npm run build in panel-frontend)"));
    if (options.jobs()) {
      mailDir = options.inMemory()
          ? Files.createTempDirectory("opentld-mail")
          : options.dataDir().resolve("mail");
      scheduler = LocalScheduler.forCatalogue(registry, mailDir, System.getenv(), out).start();
      out.println("      scheduled jobs on the catalogue's schedules; mail in " + mailDir);
    }
    return this;
  }

  /**
   * The panel's built files: {@code PANEL_DIST_DIR}, else {@code panel-frontend/dist} from the
   * repository root or from a module folder (tests run in {@code localstack/}).
   */
  static Path panelDist() {
    String configured = System.getenv("PANEL_DIST_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path p : List.of(Path.of("panel-frontend", "dist"), Path.of("..", "panel-frontend", "dist"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** Where the EPP certificates go: beside the data, or a fresh temporary folder. */
  private Path eppCertDir() throws IOException {
    return options.inMemory()
        ? Files.createTempDirectory("opentld-epp-certs")
        : options.dataDir().resolve("epp-certs");
  }

  public LocalEpp epp() {
    return epp;
  }

  public Registry registry() {
    return registry;
  }

  public URI dynamoEndpoint() {
    return dynamoEndpoint;
  }

  /** The HTTP front's port (the actual one when started with port 0). */
  public int httpPort() {
    return http.port();
  }

  /** The local scheduler, or null with {@code --no-jobs}. */
  public LocalScheduler scheduler() {
    return scheduler;
  }

  /** Where the jobs' mail goes (null with {@code --no-jobs}). */
  public Path mailDir() {
    return mailDir;
  }

  public DemoData.Seeded seeded() {
    return seeded;
  }

  /** The port WHOIS listens on (127.0.0.1). */
  public int whoisPort() {
    return whois.port();
  }

  /** What is running and how to use it. */
  public void printSummary(PrintStream out) {
    out.println();
    out.println("OpenTLD registry is running locally.");
    out.println("  DynamoDB Local  " + dynamoEndpoint + "  (table 'registry'; region us-east-1, any keys)");
    out.println("  TLD             ." + DemoData.TLD);
    out.println("  admin user      " + DemoData.ADMIN_USER + " / " + DemoData.ADMIN_PASSWORD);
    out.println("  demo registrar  " + DemoData.REGISTRAR_ID + " / " + DemoData.REGISTRAR_PASSWORD
        + "  balance " + seeded.registrarBalance());
    try {
      epp.printSummary(out);
    } catch (IOException e) {
      out.println("  EPP             127.0.0.1:" + epp.port() + " (" + e.getMessage() + ")");
    }
    out.println("  WHOIS           whois -h 127.0.0.1 -p " + whoisPort() + " registrar 9999  (or any NAME." + DemoData.TLD + ")");
    if (http.servesPanel()) {
      out.println("  panel           " + http.uri() + "/  (API under /api)");
    }
    out.println("  RDAP / DAS      " + http.uri() + "/rdap/help   " + http.uri() + "/das/check?name=example.test");
    out.println("  panel API       " + http.uri() + "/api  (POST /api/session as " + DemoData.ADMIN_USER
        + " / " + DemoData.ADMIN_PASSWORD + "; docs/panel-api.md)");
    if (scheduler != null) {
      out.println("  jobs            " + String.join(", ", scheduler.nextRuns().keySet())
          + "; mail in " + mailDir);
      out.println("                  bin/registry-ops list   |   bin/registry-ops run auto-renew");
    }
    out.println("  look inside     aws dynamodb scan --table-name registry --endpoint-url " + dynamoEndpoint);
    out.println("Press Ctrl-C to stop" + (options.inMemory() ? " (in-memory data is discarded)." : "; data is kept."));
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.close();
    }
    if (http != null) {
      http.close();
    }
    if (whois != null) {
      whois.close();
    }
    if (epp != null) {
      epp.close();
    }
    if (ddb != null) {
      ddb.close();
    }
    if (dynamo != null) {
      try {
        dynamo.stop();
      } catch (Exception ignored) {
        // shutting down anyway
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LocalRegistry local = new LocalRegistry(options);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      local.close();
      stop.countDown();
    }));
    try {
      local.start(System.out);
    } catch (Exception e) {
      System.err.println("error: " + e.getMessage());
      local.close();
      System.exit(1);
    }
    local.printSummary(System.out);
    stop.await();
  }
}
