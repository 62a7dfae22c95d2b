package org.opentld.registry.functions.jobs;

/**
 * A scheduled registry job (auto-renew, purge, zone, escrow, reports…). A job is split into
 * {@code segments} shards that can run in parallel; running a shard again, or two overlapping
 * runs of it, changes nothing twice (each action re-checks the object inside its own
 * conditional transaction), and a crashed run is resumed simply by running it again.
 */
public interface Job {
  /** The job's name as used in schedules, the operator CLI and reports, e.g. {@code auto-renew}. */
  String name();

  /** One line saying what the job does, for {@code registry-ops list}. */
  String description();

  /** Runs one shard and says what it did. Never throws for a single object's failure. */
  JobReport run(JobRun run);
}
