package org.opentld.registry.functions.jobs.rde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.jobs.S3Local;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.testing.TestRegistry;

/**
 * A deposit is a stream: 20,000 domains (about 18 MB of XML) are deposited and read back
 * (signature, decryption, schema) by a JVM limited to a 48 MB heap, in which the domains as
 * records (about 3 KB each with their maps and lists) or the document as a string would not
 * fit beside the SDK and BouncyCastle.
 */
class EscrowMemoryIT {
  private static final int DOMAINS = 20_000;
  private static final String HEAP = "-Xmx48m";

  @Test
  void success_depositOfTwentyThousandDomainsRunsInASmallHeap() throws Exception {
    TestRegistry t = TestRegistry.seeded();
    BulkLoader.load(t.ddb, t.table + "registry", "test", DOMAINS, t.clock.instant(), 4);
    String bucket = S3Local.bucket("memory");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), DepositProbe.class.getName(),
            DynamoDbLocal.endpoint().toString(), t.table + "registry",
            S3Local.endpoint().toString(), bucket, RdeFixtures.keyFolder().toString(), "test"))
        .redirectErrorStream(true)
        .start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(l -> out.append(l).append('\n'));
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out.toString()).isZero();
    Map<String, Long> probe = parse(out.toString());
    assertThat(probe.get("domains")).isEqualTo(DOMAINS);
    assertThat(probe.get("xmlBytes")).isGreaterThan(probe.get("maxHeapBytes") / 3);
    System.out.println(out.toString().lines().filter(l -> l.startsWith("PROBE")).findFirst().orElse(""));
  }

  static Map<String, Long> parse(String out) {
    String line = out.lines().filter(l -> l.startsWith("PROBE ")).findFirst().orElseThrow(
        () -> new AssertionError("no PROBE line in:\n" + out));
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    for (String kv : line.substring(6).split(" ")) {
      String[] p = kv.split("=");
      if (!p[1].contains(".")) {
        m.put(p[0], Long.parseLong(p[1]));
      }
    }
    return m;
  }
}
