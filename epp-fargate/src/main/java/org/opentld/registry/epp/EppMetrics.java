package org.opentld.registry.epp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * In-memory command metrics of this server since it started: counts by command type and result
 * code, latency sum and maximum per command type, and gauges (open sessions, connections)
 * registered by the server. Exposed as JSON at the health endpoint's {@code /metrics}; counters
 * for the monthly ICANN report are kept apart, in DynamoDB ({@code ActivityCounters}).
 */
public final class EppMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, LongAdder>> counts =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Latency> latency = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  private static final class Latency {
    final LongAdder count = new LongAdder();
    final LongAdder sumNanos = new LongAdder();
    final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
  }

  /** Counts one answered command. */
  public void record(String command, int code, long nanos) {
    counts.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(code, c -> new LongAdder())
        .increment();
    Latency l = latency.computeIfAbsent(command, c -> new Latency());
    l.count.increment();
    l.sumNanos.add(nanos);
    l.maxNanos.accumulate(nanos);
  }

  /** Adds a gauge read each time the metrics are rendered. */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** How many commands of a type got a code. */
  public long count(String command, int code) {
    var byCode = counts.get(command);
    LongAdder a = byCode == null ? null : byCode.get(code);
    return a == null ? 0 : a.sum();
  }

  /** Every count by command type and code. */
  public Map<String, Map<Integer, Long>> counts() {
    Map<String, Map<Integer, Long>> out = new TreeMap<>();
    counts.forEach((cmd, byCode) -> {
      Map<Integer, Long> m = new TreeMap<>();
      byCode.forEach((code, n) -> m.put(code, n.sum()));
      out.put(cmd, m);
    });
    return out;
  }

  /**
   * {@code {"commands":{"domain:check":{"1000":3}},"latencyMs":{"domain:check":{"count":3,
   * "avg":1.2,"max":4}},"totals":{"commands":3,"errors":0},"gauges":{...}}}.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode cmds = root.putObject("commands");
    long total = 0;
    long errors = 0;
    for (var e : counts().entrySet()) {
      ObjectNode byCode = cmds.putObject(e.getKey());
      for (var c : e.getValue().entrySet()) {
        byCode.put(Integer.toString(c.getKey()), c.getValue());
        total += c.getValue();
        errors += c.getKey() >= 2000 ? c.getValue() : 0;
      }
    }
    ObjectNode lat = root.putObject("latencyMs");
    new TreeMap<>(latency).forEach((cmd, l) -> {
      long n = l.count.sum();
      lat.putObject(cmd)
          .put("count", n)
          .put("avg", n == 0 ? 0 : Math.round(l.sumNanos.sum() / 1e3 / n) / 1e3)
          .put("max", Math.round(l.maxNanos.get() / 1e3) / 1e3);
    });
    root.putObject("totals").put("commands", total).put("errors", errors);
    ObjectNode g = root.putObject("gauges");
    new TreeMap<>(gauges).forEach((name, v) -> g.put(name, v.getAsLong()));
    return root.toString();
  }
}
