package org.opentld.registry.functions.jobs.reports;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.functions.jobs.Job;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ICANN's monthly reports per TLD (Registry Agreement Specification 3): the per-registrar
 * transactions report and the registry functions activity report, as CSV files {@code
 * {tld}-transactions-{yyyyMM}.csv} and {@code {tld}-activity-{yyyyMM}.csv} in the reports
 * bucket, for the month before the run (or {@code month=yyyy-MM}). Shards own TLDs; a rerun
 * rewrites the same files from the same records. Params: {@code month}, {@code tld}.
 */
public final class IcannReportsJob implements Job {
  private final java.util.function.Supplier<S3Client> s3;
  private final String bucket;
  private final int scanSegments;

  public IcannReportsJob(S3Client s3, String bucket, int scanSegments) {
    this.s3 = () -> s3;
    this.bucket = bucket;
    this.scanSegments = scanSegments;
  }

  /**
   * The job as the jobs Lambda builds it: bucket {@code REPORTS_BUCKET}, scan segments {@code
   * RDE_SCAN_SEGMENTS} (4), the S3 client on first use.
   */
  public IcannReportsJob(java.util.Map<String, String> settings) {
    S3Client[] client = new S3Client[1];
    this.s3 = () -> {
      synchronized (client) {
        if (client[0] == null) {
          client[0] = org.opentld.registry.functions.jobs.rde.RdeSetup.s3(settings);
        }
        return client[0];
      }
    };
    this.bucket = settings.get("REPORTS_BUCKET");
    this.scanSegments = Integer.parseInt(settings.getOrDefault("RDE_SCAN_SEGMENTS", "4"));
  }

  @Override
  public String name() {
    return "icann-reports";
  }

  @Override
  public String description() {
    return "ICANN monthly transactions and activity reports per TLD, as CSV in the reports bucket";
  }

  @Override
  public JobReport run(JobRun run) {
    YearMonth month = run.params().containsKey("month")
        ? YearMonth.parse(run.param("month", null))
        : YearMonth.from(run.now().atZone(ZoneOffset.UTC)).minusMonths(1);
    String only = run.param("tld", null);
    RegistryContext ctx = run.registry().context();
    List<String> notes = new ArrayList<>();
    long examined = 0;
    long changed = 0;
    long failed = 0;
    String yyyymm = month.toString().replace("-", "");
    for (Tld tld : run.registry().tlds.list()) {
      if (!run.owns(tld.name()) || only != null && !only.equals(tld.name())) {
        continue;
      }
      examined++;
      try {
        String tx = TransactionsReport.csv(ctx, tld.name(), month, scanSegments);
        String activity = ActivityReport.csv(ctx, tld.name(), month);
        put(tld.name() + "-transactions-" + yyyymm + ".csv", tx);
        put(tld.name() + "-activity-" + yyyymm + ".csv", activity);
        changed += 2;
        notes.add(tld.name() + ": " + tld.name() + "-transactions-" + yyyymm + ".csv, "
            + tld.name() + "-activity-" + yyyymm + ".csv");
      } catch (RuntimeException e) {
        failed++;
        notes.add(tld.name() + ": reports failed: " + e);
      }
    }
    return new JobReport(name(), run.segment(), examined, changed, failed, notes);
  }

  private void put(String key, String csv) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException("REPORTS_BUCKET is not set");
    }
    s3.get().putObject(r -> r.bucket(bucket).key(key).contentType("text/csv"),
        RequestBody.fromString(csv));
  }
}
