package org.opentld.registry.functions.jobs;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.functions.FunctionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The jobs Lambda: runs one shard of one job named by the input ({@link JobInput}, sent by an
 * EventBridge schedule), logs its report as one structured line (Powertools) with metrics {@code
 * Examined}, {@code Changed}, {@code Failed} per job, answers the report as JSON, and fails the
 * invocation when the report has failures, so that the function's Errors alarm and the schedule's
 * retry policy see it.
 */
public final class JobHandler implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JobHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Registry registry;
  private final List<Job> jobs;

  /** The Lambda entry point: the registry and settings from the process environment. */
  public JobHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public JobHandler(FunctionEnvironment env) {
    this(registryOf(env.ctx()), Jobs.all(env.settings()));
  }

  public JobHandler(Registry registry, List<Job> jobs) {
    this.registry = registry;
    this.jobs = List.copyOf(jobs);
  }

  /** A registry over the same client, clock and settings as the context. */
  static Registry registryOf(RegistryContext ctx) {
    return new Registry(ctx.store().client(), ctx.clock(), ctx.config());
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    JobReport r = handle(JobInput.parse(in.readAllBytes()), context);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("job", r.job());
    answer.put("segment", r.segment());
    answer.put("examined", r.examined());
    answer.put("changed", r.changed());
    answer.put("failed", r.failed());
    answer.put("ok", r.ok());
    answer.put("notes", r.notes());
    JSON.writeValue(out, answer);
  }

  /**
   * Runs the shard the input names.
   *
   * @throws JobFailedException after logging, if any object of the shard failed
   * @throws IllegalArgumentException for an unknown job
   */
  public JobReport handle(JobInput input, Context context) {
    Job job =
        Jobs.find(jobs, input.job())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown job '"
                            + input.job()
                            + "'; known: "
                            + jobs.stream().map(Job::name).toList()));
    Metrics metrics = MetricsFactory.getMetricsInstance();
    String ns = System.getenv("POWERTOOLS_METRICS_NAMESPACE");
    if (ns == null || ns.isBlank()) {
      metrics.setNamespace("OpenTLD");
    }
    long start = System.nanoTime();
    JobReport report;
    try {
      metrics.captureColdStartMetric(context);
      report =
          PowertoolsLogging.withLogging(
              context,
              () -> {
                JobReport r =
                    job.run(
                        new JobRun(
                            registry,
                            registry.context().now(),
                            input.segment(),
                            input.segments(),
                            input.params(),
                            null));
                log(r, input, System.nanoTime() - start);
                return r;
              });
      metrics.addDimension(DimensionSet.of("Job", job.name()));
      metrics.addMetric("Examined", report.examined(), MetricUnit.COUNT);
      metrics.addMetric("Changed", report.changed(), MetricUnit.COUNT);
      metrics.addMetric("Failed", report.failed(), MetricUnit.COUNT);
      metrics.addMetric("Duration", (System.nanoTime() - start) / 1e6, MetricUnit.MILLISECONDS);
    } finally {
      try {
        metrics.flush();
      } catch (RuntimeException e) {
        LOG.warn("metrics not flushed: {}", e.toString());
      }
    }
    if (!report.ok()) {
      throw new JobFailedException(report);
    }
    return report;
  }

  private static void log(JobReport r, JobInput input, long nanos) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("job", r.job());
    fields.put("segment", r.segment());
    fields.put("segments", input.segments());
    fields.put("examined", r.examined());
    fields.put("changed", r.changed());
    fields.put("failed", r.failed());
    fields.put("millis", nanos / 1_000_000);
    fields.put("notes", r.notes());
    if (r.ok()) {
      LOG.info(
          "job {} segment {}/{}: examined {}, changed {}",
          r.job(),
          r.segment(),
          input.segments(),
          r.examined(),
          r.changed(),
          entry("report", fields));
    } else {
      LOG.error(
          "job {} segment {}/{}: {} failed of {} examined",
          r.job(),
          r.segment(),
          input.segments(),
          r.failed(),
          r.examined(),
          entry("report", fields));
    }
  }

  /** A shard that finished with failures: the invocation fails so that alarms see it. */
  public static final class JobFailedException extends RuntimeException {
    private final transient JobReport report;

    public JobFailedException(JobReport report) {
      super(
          "job "
              + report.job()
              + " segment "
              + report.segment()
              + ": "
              + report.failed()
              + " failed of "
              + report.examined()
              + " examined; first: "
              + (report.notes().isEmpty() ? "-" : report.notes().get(0)));
      this.report = report;
    }

    public JobReport report() {
      return report;
    }
  }
}
