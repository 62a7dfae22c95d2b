package org.opentld.registry.epp.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.opentld.registry.epp.load.EppLoad;

/**
 * Where the CPU of a measured phase went, by thread group, in CPU milliseconds per operation:
 * a figure that does not depend on how much of the machine the run got (other processes on a
 * shared machine inflate latencies, not CPU per operation). "GC, JIT, VM" is the process's
 * CPU time minus that of all Java threads. Threads that end during a phase lose their share
 * to "GC, JIT, VM".
 */
final class CpuAccount implements EppLoad.Observer {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final int cpus = Runtime.getRuntime().availableProcessors();
  private final List<String> rows = new ArrayList<>();
  private Map<Long, Long> before;
  private long runQueueBefore;
  private long processBefore;
  private long wallBefore;

  CpuAccount() {
    threads.setThreadCpuTimeEnabled(true);
  }

  /** Thread names to groups: the server's workers and event loops, the load, DynamoDB Local. */
  static String group(String name) {
    if (name.startsWith("epp-worker")) {
      return "EPP workers (XML, commands, DynamoDB client)";
    }
    if (name.startsWith("epp-load")) {
      return "load client (JDK TLS)";
    }
    if (name.toLowerCase(Locale.ROOT).contains("eventloop")) {
      return "Netty event loops (TLS, framing)";
    }
    if (name.startsWith("qtp") || name.contains("DynamoDB") || name.startsWith("SQLite")) {
      return "DynamoDB Local (Jetty, SQLite)";
    }
    return "other Java threads";
  }

  private Map<Long, Long> snapshot() {
    Map<Long, Long> m = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        m.put(id, t);
      }
    }
    return m;
  }

  /**
   * Nanoseconds this process's threads spent runnable but waiting for a CPU (Linux
   * schedstat, second field, summed over the live threads); -1 where unavailable. On a
   * machine shared with other work this is the time lost to it.
   */
  static long runQueueWait() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long sum = 0;
    try (Stream<Path> all = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) all::iterator) {
        try {
          String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
          sum += Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }

  @Override
  public void measuring(String phase) {
    runQueueBefore = runQueueWait();
    processBefore = os.getProcessCpuTime();
    wallBefore = System.nanoTime();
    before = snapshot();
  }

  @Override
  public void measured(EppLoad.Result r) {
    Map<Long, Long> after = snapshot();
    long process = os.getProcessCpuTime() - processBefore;
    long runQueue = runQueueBefore < 0 ? -1 : runQueueWait() - runQueueBefore;
    long wall = System.nanoTime() - wallBefore;
    Map<String, Long> byGroup = new LinkedHashMap<>();
    for (String g : List.of("EPP workers (XML, commands, DynamoDB client)",
        "Netty event loops (TLS, framing)", "DynamoDB Local (Jetty, SQLite)",
        "load client (JDK TLS)", "other Java threads")) {
      byGroup.put(g, 0L);
    }
    long javaThreads = 0;
    for (var e : after.entrySet()) {
      ThreadInfo info = threads.getThreadInfo(e.getKey());
      if (info == null) {
        continue;
      }
      long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      javaThreads += used;
      byGroup.merge(group(info.getThreadName()), used, Long::sum);
    }
    // The load threads end before this runs: their CPU comes from the load tool itself.
    byGroup.put("load client (JDK TLS)", r.clientCpuNanos());
    javaThreads += r.clientCpuNanos();
    byGroup.put("GC, JIT, VM", Math.max(0, process - javaThreads));
    if (Boolean.getBoolean("epp.bench.threads")) {
      Map<String, Long> named = new HashMap<>();
      for (var e : after.entrySet()) {
        ThreadInfo info = threads.getThreadInfo(e.getKey());
        if (info != null) {
          named.merge(info.getThreadName().replaceAll("\\d+", "N"),
              e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
        }
      }
      named.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(12).forEach(e -> System.out.printf(Locale.ROOT, "    thread %-40s %8.3f ms/op%n",
              e.getKey(), e.getValue() / 1e6 / Math.max(1, r.ops())));
    }
    double ops = Math.max(1, r.ops());
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: process CPU %.3f ms/op (%.0f%% of %d CPUs over the "
            + "phase); without the load client %.3f ms/op%n", r.phase(), process / 1e6 / ops,
        100.0 * process / wall / cpus, cpus,
        (process - byGroup.get("load client (JDK TLS)")) / 1e6 / ops));
    for (var e : byGroup.entrySet()) {
      sb.append(String.format(Locale.ROOT, "  %-46s %7.3f ms/op %5.1f%%%n", e.getKey(),
          e.getValue() / 1e6 / ops, 100.0 * e.getValue() / Math.max(1, process)));
    }
    if (runQueue >= 0) {
      sb.append(String.format(Locale.ROOT, "  %-46s %7.3f ms/op (runnable, no CPU free)%n",
          "waiting for a CPU (all threads)", runQueue / 1e6 / ops));
    }
    System.out.print(sb);
    rows.add(sb.toString());
  }

  String summary() {
    return String.join("", rows);
  }
}
