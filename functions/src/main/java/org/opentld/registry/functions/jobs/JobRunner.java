package org.opentld.registry.functions.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.opentld.registry.Registry;

/**
 * Runs every segment of a job in one process, on up to {@code parallelism} threads, as the
 * schedules run them side by side in AWS: for the local scheduler, {@code registry-ops} and tests.
 * Progress of all segments is summed for one progress bar.
 */
public final class JobRunner {
  private JobRunner() {}

  /** Receives the summed progress of all segments. */
  public interface Listener {
    void update(long done, long total);
  }

  /**
   * Runs segments {@code 0..segments-1}; a segment that throws becomes a report with one failure,
   * so one broken shard does not hide the others' work.
   */
  public static List<JobReport> runAll(
      Job job,
      Registry registry,
      Instant now,
      int segments,
      Map<String, String> params,
      int parallelism,
      Listener listener) {
    AtomicLongArray done = new AtomicLongArray(segments);
    AtomicLongArray total = new AtomicLongArray(segments);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(parallelism, segments)),
            r -> {
              Thread t = new Thread(r, "job-" + job.name());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<JobReport>> futures = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        JobRun.Progress progress =
            (d, t, note) -> {
              done.set(segment, d);
              total.set(segment, Math.max(t, 0));
              if (listener != null) {
                listener.update(sum(done), sum(total));
              }
            };
        futures.add(
            pool.submit(
                () -> job.run(new JobRun(registry, now, segment, segments, params, progress))));
      }
      List<JobReport> reports = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        try {
          reports.add(futures.get(s).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          reports.add(new JobReport(job.name(), s, 0, 0, 1, List.of("segment failed: " + c)));
        }
      }
      return reports;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }
}
