package org.opentld.registry.functions.jobs.rde;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.functions.jobs.S3Local;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.testing.TestRegistry;

/**
 * The escrow benchmark: loads registries of growing size into DynamoDB Local ({@link
 * BulkLoader}) and makes a full deposit of each in a fresh JVM ({@link DepositProbe}: scan,
 * XML, tar, ZIP, encryption, signature, S3 multipart upload to S3Mock, then download,
 * decryption, signature check and schema validation), printing time, sizes and peak RSS.
 *
 * <pre>
 * mvn -q -B -pl functions -am test-compile exec:java -Dexec.skip=false \
 *   -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.opentld.registry.functions.jobs.rde.EscrowBenchmark \
 *   -Dexec.args="20000 100000 200000 -Xmx256m"
 * </pre>
 *
 * Args: domain counts, then optionally the child JVM's heap option (default {@code -Xmx256m}).
 */
public final class EscrowBenchmark {
  private EscrowBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new ArrayList<>();
    String heap = "-Xmx256m";
    for (String a : args) {
      if (a.startsWith("-X")) {
        heap = a;
      } else {
        sizes.add(Long.parseLong(a));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(20_000L, 100_000L);
    }
    System.out.println("| domains | load s | deposit s | read back s | XML MB | .ryde MB"
        + " | domains/s | peak heap MB | peak RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (long n : sizes) {
      TestRegistry t = TestRegistry.seeded();
      double load = BulkLoader.load(t.ddb, t.table + "registry", "test", n, t.clock.instant(), 8);
      String bucket = S3Local.bucket("bench");
      Process p = new ProcessBuilder(List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
              "-cp", System.getProperty("java.class.path"), DepositProbe.class.getName(),
              DynamoDbLocal.endpoint().toString(), t.table + "registry",
              S3Local.endpoint().toString(), bucket, RdeFixtures.keyFolder().toString(),
              "test"))
          .redirectErrorStream(true).start();
      String probe = null;
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          if (l.startsWith("PROBE ")) {
            probe = l;
          }
        }
      }
      if (p.waitFor() != 0 || probe == null) {
        System.out.println("| " + n + " | failed (exit " + p.exitValue() + ") |");
        continue;
      }
      java.util.Map<String, String> v = new java.util.HashMap<>();
      for (String kv : probe.substring(6).split(" ")) {
        String[] x = kv.split("=");
        v.put(x[0], x[1]);
      }
      double dep = Double.parseDouble(v.get("depositSeconds"));
      System.out.printf("| %,d | %.1f | %.1f | %.1f | %.1f | %.2f | %,.0f | %.0f | %.0f |%n",
          n, load, dep, Double.parseDouble(v.get("readBackSeconds")),
          Long.parseLong(v.get("xmlBytes")) / 1e6, Long.parseLong(v.get("rydeBytes")) / 1e6,
          n / dep, Long.parseLong(v.get("peakHeapBytes")) / 1048576.0,
          Long.parseLong(v.get("peakRssKb")) / 1024.0);
    }
    System.exit(0);
  }
}
