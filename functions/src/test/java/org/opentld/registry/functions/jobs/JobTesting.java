package org.opentld.registry.functions.jobs;

import java.util.List;
import java.util.Map;
import org.opentld.registry.testing.TestRegistry;

/** Runs jobs on a test registry at its clock's time and sums the segments' reports. */
final class JobTesting {
  private JobTesting() {}

  /** What all segments of a run did together. */
  record Totals(long examined, long changed, long failed) {
    static Totals of(List<JobReport> reports) {
      return new Totals(
          reports.stream().mapToLong(JobReport::examined).sum(),
          reports.stream().mapToLong(JobReport::changed).sum(),
          reports.stream().mapToLong(JobReport::failed).sum());
    }
  }

  static Totals run(TestRegistry t, Job job, int segments) {
    return run(t, job, segments, Map.of());
  }

  static Totals run(TestRegistry t, Job job, int segments, Map<String, String> params) {
    return Totals.of(
        JobRunner.runAll(job, t.registry, t.clock.instant(), segments, params, segments, null));
  }
}
