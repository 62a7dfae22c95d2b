package org.opentld.registry.functions.jobs;

import java.util.List;

/**
 * What one shard of a job did.
 *
 * @param examined objects looked at
 * @param changed objects the job changed (or files written)
 * @param failed objects whose action failed; each has a line in {@code notes}
 * @param notes human-readable lines (failures, file names, checksums)
 */
public record JobReport(
    String job, int segment, long examined, long changed, long failed, List<String> notes) {
  public JobReport {
    notes = List.copyOf(notes);
  }

  public boolean ok() {
    return failed == 0;
  }
}
