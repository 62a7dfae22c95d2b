package org.opentld.registry.functions.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.functions.jobs.rde.BrdaJob;
import org.opentld.registry.functions.jobs.rde.EscrowJob;
import org.opentld.registry.functions.jobs.rde.RdeImportJob;
import org.opentld.registry.functions.jobs.reports.IcannReportsJob;
import org.opentld.registry.functions.mail.Mailers;

/**
 * Every scheduled job, wired by hand (no scanning): the jobs Lambda, the local scheduler and
 * {@code registry-ops} pick jobs from this list by name. Jobs read their settings (buckets,
 * keys) on first run, so building the list touches nothing.
 */
public final class Jobs {
  private Jobs() {}

  /**
   * The jobs, built from the settings (mail: {@code MAIL_FOLDER} or SES, {@code MAIL_FROM};
   * buckets and keys of escrow and reports).
   */
  public static List<Job> all(Map<String, String> settings) {
    return List.of(
        new AutoRenewJob(),
        new TransferAutoApproveJob(),
        new PurgeJob(),
        new RestoreDeadlineJob(),
        new NotificationsJob(Mailers.fromSettings(settings), Mailers.from(settings)),
        new EscrowJob(settings),
        new BrdaJob(settings),
        new RdeImportJob(settings),
        new IcannReportsJob(settings));
  }

  /** The job called {@code name} in {@code jobs}. */
  public static Optional<Job> find(List<Job> jobs, String name) {
    return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
  }
}
