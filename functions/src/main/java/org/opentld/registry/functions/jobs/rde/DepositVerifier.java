package org.opentld.registry.functions.jobs.rde;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Checks a deposit the way its receiver would, right after it is stored: fetches the {@code
 * .ryde} and {@code .sig} back from the bucket, checks the signature and the encryption's
 * integrity, validates the XML against the RFC 8909/9022 schemas, and restores it into a
 * fresh scratch table ({@link RdeImport}), whose object counts must match the header. Any
 * failing step fails the deposit loudly: the report says which step and why, and the log gets
 * one line starting {@value #ALARM} for a metric filter and alarm to match.
 */
public final class DepositVerifier {
  /** The start of the log line of a failed verification (the alarm's filter pattern). */
  public static final String ALARM = "RDE_VERIFY_FAILED";

  private static final Logger LOG = LogManager.getLogger(DepositVerifier.class);

  /**
   * @param scratchPrefix table name prefix of the scratch registry ({@code <prefix>registry})
   */
  public record Settings(
      DepositFiles files, RdeKeys keys, DynamoDbClient ddb, String scratchPrefix, Path tmpDir) {}

  /** The outcome: ok, or the failed step and its reason; what the trial restore loaded. */
  public record Result(
      String file, boolean ok, String step, String reason, Map<String, Long> counts,
      RdeImport.Report restore) {}

  private final Settings settings;

  public DepositVerifier(Settings settings) {
    this.settings = settings;
  }

  /** Verifies a stored deposit and, if it passes, marks it verified in the bucket. */
  public Result verify(DepositFiles.Name name, Tld tld) {
    Path xml = null;
    String step = "download";
    try {
      xml = Files.createTempFile(settings.tmpDir(), name.base(), ".xml.gz");
      step = "decrypt and check signature";
      var s3 = settings.files().s3();
      String bucket = settings.files().bucket();
      try (InputStream ryde = s3.getObject(r -> r.bucket(bucket).key(name.ryde()));
          InputStream sig = s3.getObject(r -> r.bucket(bucket).key(name.sig()));
          OutputStream out = new GZIPOutputStream(Files.newOutputStream(xml), 64 * 1024)) {
        Ryde.read(ryde, sig, settings.keys().signingPublicKey(),
            settings.keys().receiverPrivateKey(), out);
      }
      step = "validate against the RFC 8909/9022 schemas";
      try (InputStream in = DepositMaker.open(xml)) {
        RdeSchemas.validate(in);
      }
      step = "trial restore";
      RdeImport.Report restore = restore(xml, tld, name.mode());
      step = "compare restored objects with the header";
      Map<String, Long> counts = compare(restore, name.mode());
      settings.files().markVerified(name, counts);
      return new Result(name.ryde(), true, null, null, counts, restore);
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      // Expected kinds of bad deposit need no stack trace; anything else gets one.
      boolean expected = e instanceof Ryde.Rejected || e instanceof RdeSchemas.Invalid
          || e instanceof IllegalStateException;
      LOG.error("{} file={} step=\"{}\" reason=\"{}\"", ALARM, name.ryde(), step, reason,
          expected ? null : e);
      return new Result(name.ryde(), false, step, reason, Map.of(), null);
    } finally {
      if (xml != null) {
        try {
          Files.deleteIfExists(xml);
        } catch (IOException ignored) {
          // a temporary file of a finished run
        }
      }
    }
  }

  /** Loads the deposit into a new scratch registry holding only the TLD, then drops it. */
  private RdeImport.Report restore(Path xml, Tld tld, DepositMode mode) {
    String prefix = settings.scratchPrefix() + tld.name().replaceAll("[^A-Za-z0-9_.-]", "_")
        + "-" + mode.file() + "-";
    String table = prefix + RegistryTables.REGISTRY.logicalName();
    drop(table);
    RegistryTables.createMissing(settings.ddb(), prefix);
    try {
      Registry scratch =
          new Registry(settings.ddb(), Clock.systemUTC(), new RegistryConfig(table, "RDE", 0));
      scratch.context().store().tx().putNew(Items.tld(tld), null).execute();
      return RdeImport.run(scratch, xml, new RdeImport.Options(true, mode != DepositMode.FULL));
    } finally {
      drop(table);
    }
  }

  private void drop(String table) {
    try {
      settings.ddb().deleteTable(r -> r.tableName(table));
      settings.ddb().waiter().waitUntilTableNotExists(r -> r.tableName(table));
    } catch (ResourceNotFoundException absent) {
      // nothing left from an earlier run
    }
  }

  /**
   * A full or thin deposit must restore completely, with as many objects as its header counts;
   * a differential one holds only changes, so only skips are failures there.
   */
  private static Map<String, Long> compare(RdeImport.Report r, DepositMode mode) {
    List<String> problems = new ArrayList<>();
    if (!r.ok()) {
      problems.add(r.skippedCount() + " objects not restored, first: " + r.skipped().get(0));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, String> kinds = Map.of(RdeNs.DOMAIN, "domain", RdeNs.HOST, "host",
        RdeNs.CONTACT, "contact", RdeNs.REGISTRAR, "registrar");
    for (Map.Entry<String, String> k : kinds.entrySet()) {
      Long declared = r.header().get(k.getKey());
      long restored = r.imported().getOrDefault(k.getValue(), 0L);
      counts.put(k.getValue(), restored);
      if (mode != DepositMode.DIFF && declared != null && declared != restored) {
        problems.add("header counts " + declared + " " + k.getValue() + " objects, "
            + restored + " restored");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    return counts;
  }
}
