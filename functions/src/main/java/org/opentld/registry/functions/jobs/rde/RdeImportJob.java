package org.opentld.registry.functions.jobs.rde;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.opentld.registry.functions.jobs.Job;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRun;

/**
 * Loads a deposit into this (empty) registry: the migration path ({@link RdeImport}). Params:
 * {@code bucket} and {@code key} of the deposit in S3, or {@code file} on local disk; a {@code
 * .ryde} file is checked against its {@code .sig} (same name) with the registry's signing key
 * and decrypted with the registry's receiver key, any other file is read as deposit XML
 * (plain or gzip). Runs on segment 0 only: a deposit is one file.
 */
public final class RdeImportJob implements Job {
  private final RdeSetup.Lazy lazy;

  /** The job as the jobs Lambda builds it: S3 and keys from the settings. */
  public RdeImportJob(java.util.Map<String, String> settings) {
    this.lazy = new RdeSetup.Lazy(settings);
  }

  public RdeImportJob(RdeSetup setup) {
    this.lazy = new RdeSetup.Lazy(setup);
  }

  @Override
  public String name() {
    return "rde-import";
  }

  @Override
  public String description() {
    return "load an RFC 9022 escrow deposit into an empty registry (params bucket/key or file)";
  }

  @Override
  public JobReport run(JobRun run) {
    if (run.segment() != 0) {
      return new JobReport(name(), run.segment(), 0, 0, 0, List.of());
    }
    Path staged = null;
    try {
      RdeSetup setup = lazy.get(run);
      String key = run.param("key", null);
      String file = run.param("file", null);
      if ((key == null) == (file == null)) {
        throw new IllegalArgumentException("give either bucket and key, or file");
      }
      String source = key != null ? key : file;
      Path deposit;
      if (source.endsWith(".ryde")) {
        staged = Files.createTempFile(setup.tmpDir(), "rde-import", ".xml.gz");
        String sig = source.substring(0, source.length() - ".ryde".length()) + ".sig";
        try (InputStream ryde = open(setup, run, source);
            InputStream s = open(setup, run, sig);
            OutputStream out = new GZIPOutputStream(Files.newOutputStream(staged))) {
          Ryde.read(ryde, s, setup.keys().signingPublicKey(), setup.keys().receiverPrivateKey(),
              out);
        }
        deposit = staged;
      } else if (key != null) {
        staged = Files.createTempFile(setup.tmpDir(), "rde-import", ".xml");
        try (InputStream in = open(setup, run, key)) {
          Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        deposit = staged;
      } else {
        deposit = Path.of(file);
      }
      RdeImport.Report r = RdeImport.run(run.registry(), deposit, RdeImport.Options.MIGRATION);
      List<String> notes = new ArrayList<>();
      notes.add("deposit " + r.depositId() + " (" + r.type() + ") of ." + r.tld() + " at "
          + r.watermark() + ": imported " + r.imported() + ", header " + r.header());
      r.skipped().forEach(s -> notes.add("skipped " + s));
      notes.addAll(r.notes());
      long total = r.imported().values().stream().mapToLong(Long::longValue).sum();
      return new JobReport(name(), 0, total + r.skippedCount(), total, r.skippedCount(), notes);
    } catch (Exception e) {
      return new JobReport(name(), 0, 0, 0, 1, List.of("import failed: " + e));
    } finally {
      if (staged != null) {
        try {
          Files.deleteIfExists(staged);
        } catch (java.io.IOException ignored) {
          // a temporary file
        }
      }
    }
  }

  private static InputStream open(RdeSetup setup, JobRun run, String name)
      throws java.io.IOException {
    String bucket = run.param("bucket", null);
    if (run.param("key", null) != null) {
      if (bucket == null) {
        throw new IllegalArgumentException("a key needs its bucket");
      }
      return setup.s3().getObject(r -> r.bucket(bucket).key(name));
    }
    return Files.newInputStream(Path.of(name));
  }
}
