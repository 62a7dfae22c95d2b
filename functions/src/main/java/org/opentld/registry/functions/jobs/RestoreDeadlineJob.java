package org.opentld.registry.functions.jobs;

import org.opentld.registry.common.Caller;

/**
 * Cancels restore requests whose report did not arrive in time (RFC 3915 §4.2.1): the shard's due
 * domains are handed to {@code restoreDeadline.expireIfDue}.
 */
public final class RestoreDeadlineJob implements Job {
  public static final String NAME = "restore-deadline";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "cancels RGP restore requests without a restore report by the deadline";
  }

  @Override
  public JobReport run(JobRun run) {
    Shard shard = new Shard(NAME, run);
    Caller system = shard.caller();
    shard.each(
        DueJobs.due(run, "domain"),
        DueJobs::label,
        e -> run.registry().restoreDeadline.expireIfDue(system, e.name()));
    return shard.report();
  }
}
