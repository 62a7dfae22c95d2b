package org.opentld.registry.functions.jobs;

import java.time.Instant;
import java.util.Map;
import org.opentld.registry.Registry;

/**
 * One run of one shard of a job.
 *
 * @param now the time the run acts as of (the schedule's time, or the injected clock)
 * @param segment this shard, {@code 0 <= segment < segments}
 * @param params job-specific settings (e.g. {@code tld}, {@code bucket}), never null
 * @param progress told how far the shard got, for the CLI's progress bar and the logs
 */
public record JobRun(
    Registry registry,
    Instant now,
    int segment,
    int segments,
    Map<String, String> params,
    Progress progress) {

  public JobRun {
    if (segments < 1 || segment < 0 || segment >= segments) {
      throw new IllegalArgumentException("segment " + segment + " of " + segments);
    }
    params = params == null ? Map.of() : Map.copyOf(params);
    progress = progress == null ? Progress.NONE : progress;
  }

  /** True if this shard owns the given key (stable hash partitioning of names). */
  public boolean owns(String key) {
    return Math.floorMod(key.hashCode(), segments) == segment;
  }

  public String param(String name, String fallback) {
    return params.getOrDefault(name, fallback);
  }

  /** Receives progress: {@code done} of {@code total} units (total may be -1 when unknown). */
  public interface Progress {
    Progress NONE = (done, total, note) -> {};

    void update(long done, long total, String note);
  }
}
