package org.opentld.registry.functions.jobs.rde;

import org.opentld.registry.functions.jobs.Job;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRun;

/**
 * ICANN's weekly Bulk Registration Data Access file (Registry Agreement Specification 4 §3):
 * a thin RFC 9022 deposit per TLD (domains with their sponsoring registrar, statuses, name
 * servers and dates; registrars with name, IANA id, URL and WHOIS server), encrypted to ICANN's
 * key and signed, named {@code {tld}_{date}_thin_S1_R{rev}.ryde}, verified like escrow.
 * Params: {@code tld}, {@code resend}.
 */
public final class BrdaJob implements Job {
  private final EscrowJob thin;

  /** The job as the jobs Lambda builds it: S3, keys and buckets from the settings. */
  public BrdaJob(java.util.Map<String, String> settings) {
    this.thin = new EscrowJob(new RdeSetup.Lazy(settings), true);
  }

  public BrdaJob(RdeSetup setup) {
    this.thin = new EscrowJob(new RdeSetup.Lazy(setup), true);
  }

  @Override
  public String name() {
    return thin.name();
  }

  @Override
  public String description() {
    return thin.description();
  }

  @Override
  public JobReport run(JobRun run) {
    return thin.run(run);
  }
}
