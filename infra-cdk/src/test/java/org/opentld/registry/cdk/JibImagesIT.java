package org.opentld.registry.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Fargate images are built by Jib, without a Docker engine, into {@code docker load}-able
 * tar files: the same plugin configuration the deploy path pushes to ECR with {@code jib:build},
 * here with a JRE base made from the local JDK ({@link LocalBaseImage}) because no image registry
 * is reachable. Runs a nested Maven build of epp-fargate and whois-fargate.
 */
class JibImagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eppAndWhoisImages_buildToTarFilesWithTheirMainClassAndPorts() throws Exception {
    Path root = Path.of(System.getProperty("registry.root", "..")).toAbsolutePath().normalize();
    Path work = root.resolve("infra-cdk/target/jib");
    Files.createDirectories(work);
    Path base = LocalBaseImage.create(work);
    Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
    LocalBaseImage.run(
        work,
        mvn.toString(), "-B", "-q", "-f", root.resolve("pom.xml").toString(),
        "-pl", "epp-fargate,whois-fargate", "-am",
        "package", "jib:buildTar", "-DskipTests",
        "-Djib.from.image=tar://" + base,
        "-Djib.to.image=opentld/test:jib");

    Map<String, Object[]> expected = new LinkedHashMap<>();
    expected.put("epp-fargate", new Object[] {"org.opentld.registry.epp.EppServer", "700/tcp"});
    expected.put(
        "whois-fargate", new Object[] {"org.opentld.registry.whois.WhoisServer", "43/tcp"});
    for (Map.Entry<String, Object[]> e : expected.entrySet()) {
      Path tar = root.resolve(e.getKey()).resolve("target/jib-image.tar");
      assertThat(tar).as(e.getKey()).isRegularFile();
      Map<String, byte[]> files = smallEntries(tar);
      JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
      assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("opentld/test:jib");
      // Base layer (the JRE) plus Jib's dependency, resource and class layers.
      assertThat(manifest.get("Layers").size()).isGreaterThanOrEqualTo(3);
      JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText())).get("config");
      assertThat(config.get("Entrypoint").toString())
          .contains("java", (String) e.getValue()[0]);
      assertThat(config.get("ExposedPorts").has((String) e.getValue()[1])).isTrue();
      assertThat(config.get("ExposedPorts").has("8080/tcp")).as("health port").isTrue();
      assertThat(config.get("Env").toString()).contains("JAVA_HOME=/opt/java/openjdk");
    }
  }

  /** The entries of a tar under 1 MiB (manifest and config), by name. */
  private static Map<String, byte[]> smallEntries(Path tar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim()
            .replace("\0", "");
        long size = Long.parseLong(
            new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
        long padded = (size + 511) / 512 * 512;
        if (size < (1 << 20)) {
          byte[] body = in.readNBytes((int) padded);
          out.put(name, java.util.Arrays.copyOf(body, (int) size));
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    return out;
  }
}
