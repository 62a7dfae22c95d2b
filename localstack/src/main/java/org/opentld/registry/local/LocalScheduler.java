package org.opentld.registry.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentld.registry.Registry;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionCatalogue.JobSchedule;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.functions.jobs.JobHandler;
import org.opentld.registry.functions.jobs.JobInput;
import org.opentld.registry.functions.jobs.JobReport;

/**
 * EventBridge Scheduler for the local stack: every {@link FunctionCatalogue#JOB_SCHEDULES} entry
 * fires on its own expression (UTC), and each firing invokes the jobs function's handler once per
 * segment with the same input AWS sends, the segments side by side. A job still running when its
 * next time comes is not started twice (in AWS, overlapping runs are harmless since jobs are
 * idempotent; here they would only compete for two cores). Mail goes to a folder, one {@code .eml}
 * per message.
 */
public final class LocalScheduler implements AutoCloseable {
  private final JobHandler handler;
  private final List<JobSchedule> schedules;
  private final Clock clock;
  private final PrintStream out;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("local-scheduler"));
  private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("local-jobs"));
  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
  private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();

  public LocalScheduler(
      JobHandler handler, List<JobSchedule> schedules, Clock clock, PrintStream out) {
    this.handler = handler;
    this.schedules = List.copyOf(schedules);
    this.clock = clock;
    this.out = out;
    for (JobSchedule s : this.schedules) {
      ScheduleExpression.parse(s.expression()); // refuse a bad catalogue before anything runs
      running.put(s.job(), new AtomicBoolean());
    }
  }

  /**
   * The catalogue's schedules over {@code registry}, mail into {@code mailDir}; the other settings
   * (e.g. {@code MAIL_FROM}) from {@code env}.
   */
  public static LocalScheduler forCatalogue(
      Registry registry, Path mailDir, Map<String, String> env, PrintStream out) {
    Map<String, String> settings = new HashMap<>(env);
    settings.put("MAIL_FOLDER", mailDir.toString());
    settings.putIfAbsent("MAIL_FROM", "registry@nic.test");
    JobHandler handler = new JobHandler(new FunctionEnvironment(registry.context(), settings));
    return new LocalScheduler(handler, FunctionCatalogue.JOB_SCHEDULES, Clock.systemUTC(), out);
  }

  /** Starts the timers. */
  public LocalScheduler start() {
    Instant now = clock.instant();
    for (JobSchedule s : schedules) {
      arm(s, ScheduleExpression.parse(s.expression()).next(now));
    }
    return this;
  }

  /** When each job runs next, in catalogue order. */
  public Map<String, Instant> nextRuns() {
    Map<String, Instant> out = new LinkedHashMap<>();
    for (JobSchedule s : schedules) {
      out.put(s.job(), nextRuns.get(s.job()));
    }
    return out;
  }

  private void arm(JobSchedule s, Instant at) {
    nextRuns.put(s.job(), at);
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    timer.schedule(() -> fire(s, at), delay, TimeUnit.MILLISECONDS);
  }

  /** A schedule's time has come: arm the next one, then run the job on a worker. */
  void fire(JobSchedule s, Instant at) {
    // Re-arm first, from the planned time, so that a slow run does not shift the schedule.
    ScheduleExpression expr = ScheduleExpression.parse(s.expression());
    Instant next = expr.next(at);
    Instant now = clock.instant();
    if (!next.isAfter(now)) {
      next = expr.next(now);
    }
    arm(s, next);
    workers.submit(() -> runOnce(s));
  }

  private void runOnce(JobSchedule s) {
    AtomicBoolean flag = running.get(s.job());
    if (!flag.compareAndSet(false, true)) {
      out.println("[jobs] " + s.job() + " still running; this run is skipped");
      return;
    }
    try {
      run(s);
    } finally {
      flag.set(false);
    }
  }

  /** Runs every segment of a scheduled job now, as a firing of its schedule would. */
  public List<JobReport> runNow(String job) {
    JobSchedule s =
        schedules.stream()
            .filter(x -> x.job().equals(job))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no schedule for job " + job));
    return run(s);
  }

  private List<JobReport> run(JobSchedule s) {
    long start = System.nanoTime();
    ExecutorService segments =
        Executors.newFixedThreadPool(Math.min(4, s.segments()), daemon(s.job()));
    List<JobReport> reports = new ArrayList<>();
    try {
      List<Future<JobReport>> futures = new ArrayList<>();
      for (int i = 0; i < s.segments(); i++) {
        JobInput input = new JobInput(s.job(), i, s.segments(), s.params());
        futures.add(segments.submit(() -> invoke(input)));
      }
      for (Future<JobReport> f : futures) {
        reports.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      segments.shutdownNow();
    }
    long examined = reports.stream().mapToLong(JobReport::examined).sum();
    long changed = reports.stream().mapToLong(JobReport::changed).sum();
    long failed = reports.stream().mapToLong(JobReport::failed).sum();
    out.printf(
        "[jobs] %s %s: %d segment(s), examined %d, changed %d, failed %d (%d ms)%n",
        clock.instant(),
        s.job(),
        s.segments(),
        examined,
        changed,
        failed,
        (System.nanoTime() - start) / 1_000_000);
    return reports;
  }

  /** One Lambda invocation; a failed one is reported like the Lambda's Errors metric sees it. */
  private JobReport invoke(JobInput input) {
    try {
      return handler.handle(input, LocalContext.of(FunctionCatalogue.JOBS));
    } catch (JobHandler.JobFailedException e) {
      return e.report();
    } catch (RuntimeException e) {
      return new JobReport(
          input.job(), input.segment(), 0, 0, 1, List.of("invocation failed: " + e));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
