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

  private Observed() {}

  /**
   * Runs {@code work} for one request of kind {@code kind} (e.g. {@code domain}); its response
   * status is recorded as metric {@code <status class>xx}.
   */
  public static APIGatewayV2HTTPResponse run(
      Context context, String kind, Supplier<APIGatewayV2HTTPResponse> work) {
    Metrics metrics = MetricsFactory.getMetricsInstance();
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
      metrics.addMetric("Latency", (System.nanoTime() - start) / 1e6, MetricUnit.MILLISECONDS);
      metrics.flush();
    }
  }
}
