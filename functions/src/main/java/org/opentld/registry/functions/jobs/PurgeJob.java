package org.opentld.registry.functions.jobs;

import org.opentld.registry.common.Caller;

/**
 * Purges deleted domains whose redemption and pendingDelete periods have passed (RFC 3915 §3.2):
 * the shard's due domains are handed to {@code purge.purgeIfDue}, which frees the name.
 */
public final class PurgeJob implements Job {
  public static final String NAME = "purge";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "purges deleted domains after redemption and pendingDelete; the names become available";
  }

  @Override
  public JobReport run(JobRun run) {
    Shard shard = new Shard(NAME, run);
    Caller system = shard.caller();
    shard.each(
        DueJobs.due(run, "domain"),
        DueJobs::label,
        e -> run.registry().purge.purgeIfDue(system, e.name()));
    return shard.report();
  }
}
