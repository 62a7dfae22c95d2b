package org.opentld.registry.epp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.opentld.registry.reporting.ActivityCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens after each answered command: one JSON line on standard output (registrar,
 * command, TLD, clTRID, svTRID, result code, latency, source address; CloudWatch Logs Insights
 * and other tools read it without a parser), the in-memory {@link EppMetrics}, and the monthly
 * {@link ActivityCounters} of the ICANN activity report.
 *
 * <p>Every command is counted for the report, failed ones included: the report counts
 * commands received. A domain command counts for its TLD only if the registry has that TLD
 * (the list is re-read every minute), so a client cannot create report items for made-up
 * TLDs; everything else counts under {@code *}.
 */
public final class CommandLog {
  private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TLD_REFRESH = Duration.ofMinutes(1);

  private final EppMetrics metrics;
  private final ActivityCounters activity;
  private final PrintStream out;
  private final Supplier<Set<String>> tldSource;
  private final Clock clock;
  private volatile Set<String> tlds = Set.of();
  private volatile long tldsReadAt;
  private volatile boolean tldsRead;

  /**
   * @param activity where report counts go, or null for none
   * @param out where JSON lines go, or null for none
   * @param tldSource the registry's TLDs
   */
  public CommandLog(EppMetrics metrics, ActivityCounters activity, PrintStream out,
      Supplier<Set<String>> tldSource, Clock clock) {
    this.metrics = metrics;
    this.activity = activity;
    this.out = out;
    this.tldSource = tldSource;
    this.clock = clock;
  }

  /** Logging and metrics only (no report counts, no JSON lines). */
  public static CommandLog metricsOnly(EppMetrics metrics) {
    return new CommandLog(metrics, null, null, Set::of, Clock.systemUTC());
  }

  public EppMetrics metrics() {
    return metrics;
  }

  /** Records one answered command. */
  public void record(EppSession session, CommandType type, String clTrid, String svTrid,
      int code, long nanos) {
    metrics.record(type.name(), code, nanos);
    if (activity != null) {
      activity.increment(knownTld(type.tld()), type.name());
    }
    if (out != null) {
      ObjectNode line = JSON.createObjectNode()
          .put("event", "epp.command")
          .put("time", clock.instant().toString())
          .put("registrar", session.clientId())
          .put("command", type.name())
          .put("tld", type.tld())
          .put("clTRID", clTrid)
          .put("svTRID", svTrid)
          .put("code", code)
          .put("latencyMs", Math.round(nanos / 1e4) / 1e2)
          .put("sourceIp", session.sourceIp());
      if (type.name().equals("login") && session.userAgent() != null) {
        line.put("userAgent", session.userAgent());
      }
      out.println(line.toString());
    }
  }

  private String knownTld(String tld) {
    if (tld == null) {
      return null;
    }
    long now = System.nanoTime();
    if (!tldsRead || now - tldsReadAt > TLD_REFRESH.toNanos()) {
      try {
        tlds = Set.copyOf(tldSource.get());
      } catch (RuntimeException e) {
        LOG.warn("cannot read the TLD list for the activity report: {}", e.toString());
      }
      tldsReadAt = now;
      tldsRead = true;
    }
    return tlds.contains(tld) ? tld : null;
  }
}
