package org.opentld.registry.functions.jobs.rde;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opentld.registry.functions.jobs.Job;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.tld.Tld;

/**
 * Registry data escrow (RFC 8909, RFC 9022; ICANN Registry Agreement Specification 2): once a
 * day per TLD, a full deposit on the full-deposit weekday (or when there is none yet) and a
 * differential one on the other days, each verified right after upload. Shards own TLDs.
 *
 * <p>Idempotent and resumable: a day whose deposit is already verified is skipped; one stored
 * but not verified (a crash between upload and check) is verified again; {@code resend=true}
 * makes a new revision ({@code _R1}, ...) of the day's deposit. Params: {@code tld} (only
 * this TLD), {@code mode} ({@code full}, {@code diff}; default by weekday), {@code resend}.
 */
public final class EscrowJob implements Job {
  private static final Logger LOG = LogManager.getLogger(EscrowJob.class);
  private final RdeSetup.Lazy lazy;
  private final boolean brda;

  /** The job as the jobs Lambda builds it: S3, keys and buckets from the settings. */
  public EscrowJob(java.util.Map<String, String> settings) {
    this(new RdeSetup.Lazy(settings), false);
  }

  public EscrowJob(RdeSetup setup) {
    this(new RdeSetup.Lazy(setup), false);
  }

  EscrowJob(RdeSetup.Lazy lazy, boolean brda) {
    this.lazy = lazy;
    this.brda = brda;
  }

  @Override
  public String name() {
    return brda ? "brda" : "escrow";
  }

  @Override
  public String description() {
    return brda
        ? "weekly thin bulk registration data file for ICANN (BRDA), encrypted and verified"
        : "escrow deposit per TLD (full weekly, differential daily), encrypted, signed, verified";
  }

  @Override
  public JobReport run(JobRun run) {
    List<String> notes = new ArrayList<>();
    long examined = 0;
    long changed = 0;
    long failed = 0;
    String only = run.param("tld", null);
    for (Tld tld : run.registry().tlds.list()) {
      if (!run.owns(tld.name()) || only != null && !only.equals(tld.name())) {
        continue;
      }
      examined++;
      try {
        Outcome o = deposit(run, tld);
        notes.add(o.note());
        changed += o.made() ? 1 : 0;
        failed += o.ok() ? 0 : 1;
      } catch (Exception e) {
        failed++;
        notes.add(tld.name() + ": deposit failed: " + e);
        LOG.error("{} tld={} step=\"deposit\" reason=\"{}\"", DepositVerifier.ALARM, tld.name(),
            e.toString(), e);
      }
    }
    return new JobReport(name(), run.segment(), examined, changed, failed, notes);
  }

  private record Outcome(boolean made, boolean ok, String note) {}

  private Outcome deposit(JobRun run, Tld tld) throws Exception {
    RdeSetup setup = lazy.get(run);
    Instant watermark = run.now();
    LocalDate day = watermark.atZone(ZoneOffset.UTC).toLocalDate();
    DepositFiles files = setup.files(brda);
    DepositMode mode = mode(run, day);
    Optional<DepositFiles.Name> previous =
        mode == DepositMode.DIFF ? files.previous(tld.name(), day) : Optional.empty();
    if (mode == DepositMode.DIFF && previous.isEmpty()) {
      mode = DepositMode.FULL;
    }
    Optional<DepositFiles.Name> existing = files.latest(tld.name(), day, mode);
    boolean resend = Boolean.parseBoolean(run.param("resend", "false"));
    DepositVerifier verifier = setup.verifier(brda);
    if (existing.isPresent() && !resend) {
      DepositFiles.Name n = existing.get();
      if (files.verified(n)) {
        return new Outcome(false, true, n.ryde() + ": already deposited and verified");
      }
      DepositVerifier.Result r = verifier.verify(n, tld);
      return new Outcome(false, r.ok(), describe(r, "stored earlier, verified now"));
    }
    int rev = existing.map(n -> n.rev() + 1).orElse(0);
    DepositMaker.Made made =
        setup.maker(brda).make(run, tld, mode, watermark, rev, previous.orElse(null),
            previous.map(files::watermark).orElse(null));
    DepositVerifier.Result r = verifier.verify(made.name(), tld);
    String what = made.written() + ", " + made.xmlBytes() + " bytes of XML, " + made.rydeBytes()
        + " bytes stored";
    return new Outcome(true, r.ok(), describe(r, what));
  }

  private DepositMode mode(JobRun run, LocalDate day) {
    RdeSetup setup = lazy.get(run);
    if (brda) {
      return DepositMode.THIN;
    }
    String m = run.param("mode", "auto");
    if (!m.equals("auto")) {
      return DepositMode.fromFile(m);
    }
    return day.getDayOfWeek() == setup.fullDay() ? DepositMode.FULL : DepositMode.DIFF;
  }

  private static String describe(DepositVerifier.Result r, String what) {
    return r.ok()
        ? r.file() + ": verified (" + what + ")"
        : r.file() + ": VERIFICATION FAILED at " + r.step() + ": " + r.reason();
  }
}
