package org.opentld.registry.functions.jobs.rde;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.functions.jobs.JobRun;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes one full deposit of an existing table and reads it back (signature, decryption,
 * schema), in its own JVM so that its heap limit and memory use are its own: the escrow
 * memory test and the escrow benchmark run it. Prints one line {@code PROBE key=value...}.
 *
 * <p>Args: DynamoDB endpoint, registry table, S3 endpoint, bucket, key folder, TLD.
 */
public final class DepositProbe {
  private DepositProbe() {}

  /** The process's peak resident set (VmHWM), or -1 where /proc is absent. */
  static long peakRssKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  public static void main(String[] args) throws Exception {
    Registry registry = new Registry(Registry.localClient(URI.create(args[0])),
        Clock.systemUTC(), new RegistryConfig(args[1], "TEST", 0));
    S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(args[2])).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .build();
    KeyFolderRdeKeys keys = KeyFolderRdeKeys.open(Path.of(args[4]), 2048);
    Path tmp = Files.createTempDirectory("probe");
    RdeSetup setup = new RdeSetup(s3, registry.context().store().client(), keys, args[3],
        args[3], 4, DayOfWeek.SUNDAY, "https://nic.{tld}/idn/", "unused-", tmp);
    Tld tld = registry.tlds.find(args[5]).orElseThrow();
    Instant now = Instant.now();
    long t0 = System.nanoTime();
    DepositMaker.Made made = setup.maker(false).make(
        new JobRun(registry, now, 0, 1, Map.of(), null), tld, DepositMode.FULL, now, 0, null,
        null);
    long t1 = System.nanoTime();
    Path xml = Files.createTempFile(tmp, "probe", ".xml.gz");
    try (InputStream ryde = s3.getObject(r -> r.bucket(args[3]).key(made.name().ryde()));
        InputStream sig = s3.getObject(r -> r.bucket(args[3]).key(made.name().sig()));
        OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(xml))) {
      Ryde.read(ryde, sig, keys.signingPublicKey(), keys.receiverPrivateKey(), out);
    }
    try (InputStream in = DepositMaker.open(xml)) {
      RdeSchemas.validate(in);
    }
    long t2 = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf("PROBE domains=%d xmlBytes=%d rydeBytes=%d depositSeconds=%.2f"
            + " readBackSeconds=%.2f peakHeapBytes=%d maxHeapBytes=%d peakRssKb=%d%n",
        made.written().getOrDefault(RdeNs.DOMAIN, 0L), made.xmlBytes(), made.rydeBytes(),
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, peak, Runtime.getRuntime().maxMemory(), peakRssKb());
    System.exit(0);
  }
}
