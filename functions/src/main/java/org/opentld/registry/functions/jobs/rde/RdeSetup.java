package org.opentld.registry.functions.jobs.rde;

import java.nio.file.Path;
import java.util.Map;
import org.opentld.registry.functions.FunctionEnvironment;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the escrow jobs share, built from settings: the S3 client, the keys, DynamoDB for the
 * verifier's scratch table, and the knobs.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><td>{@code ESCROW_BUCKET}</td><td>bucket of escrow deposits (required)</td></tr>
 *   <tr><td>{@code BRDA_BUCKET}</td><td>bucket of BRDA files (default: the escrow bucket)</td></tr>
 *   <tr><td>{@code RDE_KEY_FOLDER}</td><td>a key folder ({@link KeyFolderRdeKeys}); unset:
 *       Secrets Manager ({@link SecretsManagerRdeKeys})</td></tr>
 *   <tr><td>{@code RDE_SCAN_SEGMENTS}</td><td>parallel scan segments (4)</td></tr>
 *   <tr><td>{@code RDE_FULL_DAY}</td><td>weekday of the full deposit (SUNDAY)</td></tr>
 *   <tr><td>{@code RDE_IDN_BASE_URL}</td><td>where IDN tables are published, {@code {tld}}
 *       replaced ({@code https://nic.{tld}/idn/})</td></tr>
 *   <tr><td>{@code RDE_SCRATCH_TABLE_PREFIX}</td><td>prefix of the verifier's scratch table
 *       ({@code $REGISTRY_TABLE-rde-scratch-})</td></tr>
 *   <tr><td>{@code S3_ENDPOINT}, {@code S3_FORCE_PATH_STYLE}</td><td>an S3-compatible server
 *       (else the SDK's endpoint settings)</td></tr>
 *   <tr><td>{@code RDE_TMP_DIR}</td><td>where XML is staged (java.io.tmpdir)</td></tr>
 * </table>
 */
public record RdeSetup(
    S3Client s3,
    DynamoDbClient ddb,
    RdeKeys keys,
    String escrowBucket,
    String brdaBucket,
    int scanSegments,
    java.time.DayOfWeek fullDay,
    String idnBaseUrl,
    String scratchPrefix,
    Path tmpDir) {

  /**
   * From settings (a function's environment, the local stack's settings), using the registry's
   * own DynamoDB client for the scratch table. Keys are read here: build it when a job runs.
   */
  public static RdeSetup from(Map<String, String> settings, DynamoDbClient ddb) {
    FunctionEnvironment env = new FunctionEnvironment(null, settings);
    String folder = env.get("RDE_KEY_FOLDER", null);
    RdeKeys keys =
        folder != null
            ? KeyFolderRdeKeys.open(Path.of(folder), 3072)
            : SecretsManagerRdeKeys.fromAws(env);
    String escrow = env.get("ESCROW_BUCKET", null);
    return new RdeSetup(
        s3(settings),
        ddb,
        keys,
        escrow,
        env.get("BRDA_BUCKET", escrow),
        env.getInt("RDE_SCAN_SEGMENTS", 4),
        java.time.DayOfWeek.valueOf(env.get("RDE_FULL_DAY", "SUNDAY")),
        env.get("RDE_IDN_BASE_URL", "https://nic.{tld}/idn/"),
        env.get("RDE_SCRATCH_TABLE_PREFIX",
            env.get("REGISTRY_TABLE", "registry") + "-rde-scratch-"),
        Path.of(env.get("RDE_TMP_DIR", System.getProperty("java.io.tmpdir"))));
  }

  /**
   * An S3 client reaching buckets by configuration only: the SDK's endpoint settings ({@code
   * AWS_ENDPOINT_URL_S3}), or {@code S3_ENDPOINT} with {@code S3_FORCE_PATH_STYLE} for an
   * S3-compatible server.
   */
  public static S3Client s3(Map<String, String> settings) {
    var b = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .forcePathStyle(Boolean.parseBoolean(settings.getOrDefault("S3_FORCE_PATH_STYLE",
            "false")));
    String endpoint = settings.get("S3_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpointOverride(java.net.URI.create(endpoint));
    }
    return b.build();
  }

  /** Builds the setup on a job's first run, from the settings and the run's registry. */
  static final class Lazy {
    private final Map<String, String> settings;
    private RdeSetup setup;

    Lazy(Map<String, String> settings) {
      this.settings = Map.copyOf(settings);
    }

    Lazy(RdeSetup setup) {
      this.settings = Map.of();
      this.setup = setup;
    }

    synchronized RdeSetup get(org.opentld.registry.functions.jobs.JobRun run) {
      if (setup == null) {
        setup = from(settings, run.registry().context().store().client());
      }
      return setup;
    }
  }

  DepositFiles files(boolean brda) {
    String bucket = brda ? brdaBucket : escrowBucket;
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException("ESCROW_BUCKET is not set");
    }
    return new DepositFiles(s3, bucket);
  }

  DepositMaker maker(boolean brda) {
    return new DepositMaker(
        new DepositMaker.Settings(files(brda), keys, scanSegments, idnBaseUrl, tmpDir));
  }

  DepositVerifier verifier(boolean brda) {
    return new DepositVerifier(
        new DepositVerifier.Settings(files(brda), keys, ddb, scratchPrefix, tmpDir));
  }
}
