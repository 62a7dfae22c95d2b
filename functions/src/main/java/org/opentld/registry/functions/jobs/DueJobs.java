package org.opentld.registry.functions.jobs;

import java.time.Instant;
import java.util.List;
import org.opentld.registry.lifecycle.Due;
import org.opentld.registry.lifecycle.LifecycleShards;

/** The due-index read shared by the jobs that act on lifecycle deadlines. */
final class DueJobs {
  private DueJobs() {}

  /**
   * The shard's entries due over the last {@code lookback-days} (default {@link
   * Due#DEFAULT_LOOKBACK_DAYS}) up to the run's time, of the given object types.
   */
  static List<Due.Entry> due(JobRun run, String... types) {
    int lookback = Integer.parseInt(run.param("lookback-days", "" + Due.DEFAULT_LOOKBACK_DAYS));
    Instant from = LifecycleShards.startOfDayBefore(run.now(), lookback);
    List<String> wanted = List.of(types);
    return new LifecycleShards(run.registry().context())
        .due(from, run.now(), run.segment(), run.segments()).stream()
            .filter(e -> wanted.contains(e.objectType()))
            .toList();
  }

  static String label(Due.Entry e) {
    return e.objectType() + " " + e.name();
  }
}
