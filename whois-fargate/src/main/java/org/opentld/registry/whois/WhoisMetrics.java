package org.opentld.registry.whois;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the WHOIS service, the source of the {@code whois-43-queries} figure of ICANN's
 * monthly registry activity report (Registry Agreement Specification 3); they count since the
 * process started and are logged periodically, so a collector sums them across tasks.
 *
 * <p>{@code queries} counts every query line received, answered or not; the by-type counters count
 * the answered ones; {@code rateLimited}, {@code tooLong}, {@code timeouts}, {@code invalid} and
 * {@code errors} count the connections turned away for each reason.
 */
public final class WhoisMetrics {
  /** What a query asked for. */
  public enum Type {
    DOMAIN,
    NAMESERVER,
    REGISTRAR
  }

  private final LongAdder queries = new LongAdder();
  private final LongAdder domain = new LongAdder();
  private final LongAdder nameserver = new LongAdder();
  private final LongAdder registrar = new LongAdder();
  private final LongAdder notFound = new LongAdder();
  private final LongAdder invalid = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder tooLong = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder errors = new LongAdder();

  void query() {
    queries.increment();
  }

  void answered(Type type, boolean found) {
    switch (type) {
      case DOMAIN -> domain.increment();
      case NAMESERVER -> nameserver.increment();
      case REGISTRAR -> registrar.increment();
    }
    if (!found) {
      notFound.increment();
    }
  }

  void invalid() {
    invalid.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void tooLong() {
    tooLong.increment();
  }

  void timeout() {
    timeouts.increment();
  }

  void error() {
    errors.increment();
  }

  /** The counters by name, in a fixed order (for logs, the activity report and tests). */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("queries", queries.sum());
    out.put("domain", domain.sum());
    out.put("nameserver", nameserver.sum());
    out.put("registrar", registrar.sum());
    out.put("notFound", notFound.sum());
    out.put("invalid", invalid.sum());
    out.put("rateLimited", rateLimited.sum());
    out.put("tooLong", tooLong.sum());
    out.put("timeouts", timeouts.sum());
    out.put("errors", errors.sum());
    return out;
  }

  public long get(String name) {
    Long v = snapshot().get(name);
    if (v == null) {
      throw new IllegalArgumentException("no counter " + name);
    }
    return v;
  }

  @Override
  public String toString() {
    return "whois " + snapshot();
  }
}
