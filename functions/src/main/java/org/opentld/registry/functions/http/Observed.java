package org.opentld.registry.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools around one invocation without AspectJ: the cold-start metric, structured logging
 * with the request's ids, a count and latency metric per answer class, and one flush of the
 * metrics (as CloudWatch EMF on stdout) whatever happens.
 */
public final class Observed {
  private static final Logger LOG = LoggerFactory.getLogger(Observed.class);
  private static final String DEFAULT_NAMESPACE = "OpenTLD";

  private Observed() {}

  /**
   * Runs {@code work} for one request of kind {@code kind} (e.g. {@code domain}); its response
   * status is recorded as metric {@code <status class>xx}.
   */
  public static APIGatewayV2HTTPResponse run(
      Context context, String kind, Supplier<APIGatewayV2HTTPResponse> work) {
    Metrics metrics = metrics();
    long start = System.nanoTime();
    try {
      metrics.captureColdStartMetric(context);
      return PowertoolsLogging.withLogging(
          context,
          () -> {
            APIGatewayV2HTTPResponse r = work.get();
            int status = r.getStatusCode();
            metrics.addMetric("Queries", 1, MetricUnit.COUNT);
            metrics.addMetric("Status" + (status / 100) + "xx", 1, MetricUnit.COUNT);
            metrics.addMetadata("query", kind);
            if (status >= 500) {
              LOG.error("{} answered {}", kind, status);
            } else {
              LOG.debug("{} answered {}", kind, status);
            }
            return r;
          });
    } finally {
      try {
        metrics.addMetric("Latency", (System.nanoTime() - start) / 1e6, MetricUnit.MILLISECONDS);
        metrics.flush();
      } catch (RuntimeException e) {
        // Metrics must never cost a client its answer.
        LOG.warn("metrics not flushed: {}", e.toString());
      }
    }
  }

  /**
   * The Powertools metrics instance, with a namespace even where POWERTOOLS_METRICS_NAMESPACE is
   * unset (the local stack started from a shell), since Powertools refuses to flush without one.
   */
  private static Metrics metrics() {
    Metrics m = MetricsFactory.getMetricsInstance();
    String ns = System.getenv("POWERTOOLS_METRICS_NAMESPACE");
    if (ns == null || ns.isBlank()) {
      m.setNamespace(DEFAULT_NAMESPACE);
    }
    return m;
  }
}
