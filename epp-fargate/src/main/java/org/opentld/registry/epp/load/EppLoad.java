package org.opentld.registry.epp.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentld.registry.epp.client.EppClient;

/**
 * A load generator for any EPP server: {@code sessions} concurrent TLS sessions (one thread
 * each, one command in flight per session, as registrars' clients work) log in, then each
 * phase (domain check, info, create) runs for a bounded time after a short warm-up, and the
 * tool prints ops/s, p50 and p99 latency per phase, with a progress line every two seconds.
 * Latency is measured at the client, from writing a frame to reading the whole answer.
 *
 * <pre>
 * java -cp epp-fargate.jar:... org.opentld.registry.epp.load.EppLoad \
 *   --host 127.0.0.1 --port 700 --cert client.pem --key client.key (--ca ca.pem | --insecure) \
 *   --id reg-a --pw secret --tld test [--sessions 16] [--seconds 15] [--warmup 3] \
 *   [--phases check,info,create] [--seed 256] [--prefix load123]
 * </pre>
 *
 * <p>Domain creates cost the registrar money: the create phase and the seeding (names for
 * info and check when no create ran before them) create 1-year domains {@code
 * PREFIX-N.TLD} without contacts or hosts. Checks ask one name at a time, alternately one
 * that exists and one that does not; infos ask for a random domain created in this run, by
 * its sponsor. A command whose result is not 1000 counts as an error (the first is printed).
 * Every loop is bounded by time: the tool stops by itself.
 */
public final class EppLoad {
  private static final String DOMAIN = "urn:ietf:params:xml:ns:domain-1.0";
  private static final List<String> EXTENSIONS =
      List.of(
          "urn:ietf:params:xml:ns:secDNS-1.1",
          "urn:ietf:params:xml:ns:epp:fee-1.0",
          "urn:ietf:params:xml:ns:rgp-1.0");
  private static final Pattern CODE = Pattern.compile("<result code=\"(\\d{4})\"");

  /**
   * What to run and against which server.
   *
   * @param caPem the CA of the server's certificate, or null to trust any (local use)
   * @param seconds measured seconds per phase
   * @param warmup unmeasured seconds before each phase
   * @param seed domains created before the first info or check phase when none exist yet
   * @param prefix the first label's prefix of created names, unique per run
   */
  public record Options(
      String host,
      int port,
      Path certPem,
      Path keyPem,
      Path caPem,
      String clientId,
      String password,
      String tld,
      int sessions,
      double seconds,
      double warmup,
      List<String> phases,
      int seed,
      String prefix) {

    public Options {
      if (sessions < 1 || seconds <= 0 || warmup < 0 || seed < 1) {
        throw new IllegalArgumentException("sessions, seconds and seed must be positive");
      }
      for (String p : phases) {
        if (!List.of("check", "info", "create").contains(p)) {
          throw new IllegalArgumentException("unknown phase " + p);
        }
      }
    }
  }

  /** The figures of one measured phase; latencies in milliseconds. */
  public record Result(
      String phase,
      int sessions,
      long ops,
      long errors,
      double seconds,
      double opsPerSecond,
      double p50,
      double p99,
      double max,
      double load,
      long clientCpuNanos) {}

  /** Told when a measured phase starts and ends (the in-process bench takes CPU figures). */
  public interface Observer {
    void measuring(String phase);

    void measured(Result result);
  }

  /** One operation on a session's client; returns the result code. */
  @FunctionalInterface
  private interface Op {
    int run(Session s) throws IOException;
  }

  private final Options opt;
  private final PrintStream out;
  private final Observer observer;
  private final AtomicLong nameCounter = new AtomicLong();
  /** Names created in this run; only the first {@link #createdCount} slots are filled. */
  private volatile AtomicReferenceArray<String> created = new AtomicReferenceArray<>(1 << 16);

  private final AtomicInteger createdCount = new AtomicInteger();
  /** CPU time of the load threads in the last {@link #drive} (they end before it returns). */
  private final AtomicLong clientCpu = new AtomicLong();
  private List<Session> sessions = List.of();

  public EppLoad(Options options, PrintStream out) {
    this(options, out, null);
  }

  public EppLoad(Options options, PrintStream out, Observer observer) {
    this.opt = options;
    this.out = out;
    this.observer = observer;
  }

  /** One logged-in session and its own sequence of request texts. */
  private static final class Session {
    final EppClient client;
    long trid;

    Session(EppClient client) {
      this.client = client;
    }

    String command(String verb) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><epp xmlns=\"urn:ietf:params:xml:ns:"
          + "epp-1.0\"><command>" + verb + "<clTRID>LOAD-" + (++trid) + "</clTRID></command></epp>";
    }
  }

  /** Connects and logs in every session, runs the phases, logs out; returns the figures. */
  public List<Result> run() throws Exception {
    out.printf(Locale.ROOT, "connecting %d sessions to %s:%d as %s%n",
        opt.sessions(), opt.host(), opt.port(), opt.clientId());
    sessions = connectAll();
    List<Result> results = new ArrayList<>();
    try {
      for (String phase : opt.phases()) {
        Op op = switch (phase) {
          case "check" -> this::check;
          case "info" -> this::info;
          default -> this::create;
        };
        if (!phase.equals("create") && createdCount.get() == 0) {
          seed();
        }
        results.add(phase("domain " + phase, op));
      }
    } finally {
      for (Session s : sessions) {
        try {
          s.client.send(s.command("<logout/>"));
        } catch (IOException ignored) {
          // the figures are already taken; the server may have closed the session
        }
        s.client.close();
      }
    }
    return results;
  }

  private List<Session> connectAll() throws Exception {
    List<Session> out = new ArrayList<>();
    for (int i = 0; i < opt.sessions(); i++) {
      EppClient c = EppClient.connect(opt.host(), opt.port(), opt.certPem(), opt.keyPem(),
          opt.caPem());
      int code = code(c.login(opt.clientId(), opt.password(), null, List.of(DOMAIN), EXTENSIONS));
      if (code != 1000) {
        c.close();
        throw new IOException("login of session " + i + " failed with " + code);
      }
      out.add(new Session(c));
    }
    return out;
  }

  /** Creates {@code seed} names, unmeasured, so that info and check have domains to ask. */
  private void seed() throws Exception {
    out.printf(Locale.ROOT, "seeding %d domains%n", opt.seed());
    AtomicLong left = new AtomicLong(opt.seed());
    long[] failures = new long[1];
    drive(s -> left.getAndDecrement() > 0 ? create(s) : 1000, 600, null, failures, "seed",
        () -> left.get() <= 0);
    if (createdCount.get() == 0) {
      throw new IOException("seeding created no domain");
    }
  }

  private int check(Session s) throws IOException {
    String name = (s.trid & 1) == 0 ? randomCreated() : "free-" + nameCounter.incrementAndGet()
        + "-" + opt.prefix() + "." + opt.tld();
    return code(s.client.send(s.command("<check><domain:check xmlns:domain=\"" + DOMAIN
        + "\"><domain:name>" + name + "</domain:name></domain:check></check>")));
  }

  private int info(Session s) throws IOException {
    return code(s.client.send(s.command("<info><domain:info xmlns:domain=\"" + DOMAIN
        + "\"><domain:name hosts=\"all\">" + randomCreated()
        + "</domain:name></domain:info></info>")));
  }

  private int create(Session s) throws IOException {
    String name = opt.prefix() + "-" + nameCounter.incrementAndGet() + "." + opt.tld();
    int code = code(s.client.send(s.command("<create><domain:create xmlns:domain=\"" + DOMAIN
        + "\"><domain:name>" + name + "</domain:name><domain:period unit=\"y\">1</domain:period>"
        + "<domain:authInfo><domain:pw>Load-auth-1</domain:pw></domain:authInfo>"
        + "</domain:create></create>")));
    if (code == 1000) {
      remember(name);
    }
    return code;
  }

  private synchronized void remember(String name) {
    int i = createdCount.get();
    if (i == created.length()) {
      AtomicReferenceArray<String> bigger = new AtomicReferenceArray<>(i * 2);
      for (int k = 0; k < i; k++) {
        bigger.set(k, created.get(k));
      }
      created = bigger;
    }
    created.set(i, name);
    createdCount.set(i + 1);
  }

  private String randomCreated() {
    int n = createdCount.get();
    return created.get(ThreadLocalRandom.current().nextInt(n));
  }

  private Result phase(String name, Op op) throws Exception {
    if (opt.warmup() > 0) {
      out.printf(Locale.ROOT, "%s x%d: warming up %.0f s%n", name, opt.sessions(), opt.warmup());
      drive(op, opt.warmup(), null, new long[1], name, () -> false);
    }
    out.printf(Locale.ROOT, "%s x%d: measuring %.0f s from %s%n", name, opt.sessions(),
        opt.seconds(), java.time.LocalTime.now().withNano(0));
    long[][] latencies = new long[opt.sessions()][];
    long[] errors = new long[1];
    if (observer != null) {
      observer.measuring(name);
    }
    long elapsed = drive(op, opt.seconds(), latencies, errors, name, () -> false);
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    double secs = elapsed / 1e9;
    Result r = new Result(name, opt.sessions(), all.length, errors[0], secs, all.length / secs,
        percentile(all, 0.50), percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), clientCpu.get());
    out.printf(Locale.ROOT, "%s x%d: %d ops in %.1f s, %.0f ops/s, p50 %.2f ms, p99 %.2f ms, "
            + "max %.1f ms, %d errors, load %.1f, until %s%n",
        name, r.sessions, r.ops, r.seconds, r.opsPerSecond, r.p50, r.p99, r.max, r.errors, r.load,
        java.time.LocalTime.now().withNano(0));
    if (observer != null) {
      observer.measured(r);
    }
    return r;
  }

  /**
   * Runs {@code op} on every session for {@code secs} (or until {@code done}); fills {@code
   * latencies} (ns, per session) when given; returns the elapsed ns.
   */
  private long drive(Op op, double secs, long[][] latencies, long[] errors, String name,
      java.util.function.BooleanSupplier done) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long[] startNs = new long[1];
    long durationNs = (long) (secs * 1e9);
    clientCpu.set(0);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      int index = i;
      Session s = sessions.get(i);
      Thread t = new Thread(() -> {
        var cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] lat = new long[8192];
        int n = 0;
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        long end = startNs[0] + durationNs;
        for (long now = System.nanoTime(); now < end && !done.getAsBoolean(); ) {
          int code;
          try {
            code = op.run(s);
          } catch (IOException | RuntimeException e) {
            code = -1;
            firstError.compareAndSet(null, e.toString());
          }
          long after = System.nanoTime();
          if (code == 1000) {
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = after - now;
            completed.incrementAndGet();
          } else {
            failed.incrementAndGet();
            firstError.compareAndSet(null, "result code " + code);
            if (code == -1) {
              break; // the session is broken: stop using it
            }
          }
          now = after;
        }
        if (latencies != null) {
          latencies[index] = Arrays.copyOf(lat, n);
        }
        clientCpu.addAndGet(Math.max(0, cpu.getCurrentThreadCpuTime() - cpuStart));
      }, "epp-load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    startNs[0] = System.nanoTime();
    go.countDown();
    long lastOps = 0;
    long lastAt = startNs[0];
    for (Thread t : threads) {
      while (t.isAlive()) {
        t.join(2000);
        long now = System.nanoTime();
        if (now - lastAt >= 1_900_000_000L && t.isAlive()) {
          long ops = completed.get();
          out.printf(Locale.ROOT, "  %-13s %5.1f s %8d ops %7.0f ops/s %5d errors%n", name,
              (now - startNs[0]) / 1e9, ops, (ops - lastOps) / ((now - lastAt) / 1e9),
              failed.get());
          lastOps = ops;
          lastAt = now;
        }
      }
    }
    long elapsed = System.nanoTime() - startNs[0];
    errors[0] = failed.get();
    if (firstError.get() != null) {
      out.println("  first error: " + firstError.get());
    }
    return elapsed;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }

  private static int code(String response) {
    Matcher m = CODE.matcher(response);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** The results as a Markdown table (for docs/benchmarks.md). */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder(
        "| command | sessions | ops | errors | ops/s | p50 ms | p99 ms | max ms | load |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.1f | %.1f |%n",
          r.phase(), r.sessions(), r.ops(), r.errors(), r.opsPerSecond(), r.p50(), r.p99(),
          r.max(), r.load()));
    }
    return sb.toString();
  }

  /** Parses {@code --name value} options; {@code --insecure} takes no value. */
  public static Options parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--insecure")) {
        o.put("insecure", "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        o.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
    }
    for (String required : List.of("cert", "key", "id", "pw")) {
      if (!o.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    if (!o.containsKey("ca") && !o.containsKey("insecure")) {
      throw new IllegalArgumentException("give --ca CA.pem, or --insecure for local use");
    }
    return new Options(
        o.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(o.getOrDefault("port", "700")),
        Path.of(o.get("cert")),
        Path.of(o.get("key")),
        o.containsKey("ca") ? Path.of(o.get("ca")) : null,
        o.get("id"),
        o.get("pw"),
        o.getOrDefault("tld", "test"),
        Integer.parseInt(o.getOrDefault("sessions", "16")),
        Double.parseDouble(o.getOrDefault("seconds", "15")),
        Double.parseDouble(o.getOrDefault("warmup", "3")),
        List.of(o.getOrDefault("phases", "check,info,create").split(",")),
        Integer.parseInt(o.getOrDefault("seed", "256")),
        o.getOrDefault("prefix", "load" + Long.toString(System.currentTimeMillis(), 36)));
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: EppLoad --host H --port P --cert C.pem --key K.pem "
          + "(--ca CA.pem | --insecure) --id CLID --pw PW [--tld test] [--sessions 16] "
          + "[--seconds 15] [--warmup 3] [--phases check,info,create] [--seed 256] "
          + "[--prefix P]");
      System.exit(2);
      return;
    }
    List<Result> results = new EppLoad(options, System.out).run();
    System.out.println();
    System.out.print(table(results));
    System.exit(results.stream().anyMatch(r -> r.errors() > 0) ? 1 : 0);
  }
}
