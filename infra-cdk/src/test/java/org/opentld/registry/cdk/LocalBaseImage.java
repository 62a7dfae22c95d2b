package org.opentld.registry.cdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JRE base image as a {@code docker save} tar, made from the running JDK with jlink, for Jib's
 * {@code tar://} base where no image registry can be reached (the deploy path uses {@code
 * eclipse-temurin:21-jre} from a registry instead). One layer: the runtime at {@code
 * /opt/java/openjdk}, on the PATH as in the Temurin images.
 */
final class LocalBaseImage {
  /** Modules the EPP and WHOIS servers need (Netty, TLS, XML, the AWS SDK). */
  static final String MODULES =
      "java.base,java.logging,java.naming,java.management,java.xml,java.net.http,java.sql,"
          + "jdk.crypto.ec,jdk.unsupported";

  private LocalBaseImage() {}

  /** Builds (or reuses) {@code dir/jre-base.tar}. */
  static Path create(Path dir) throws IOException, InterruptedException {
    Path image = dir.resolve("jre-base.tar");
    if (Files.isRegularFile(image)) {
      return image;
    }
    Path root = dir.resolve("rootfs");
    Path jre = root.resolve("opt/java/openjdk");
    deleteTree(root);
    Files.createDirectories(jre.getParent());
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    run(dir, jlink.toString(), "--add-modules", MODULES, "--strip-debug", "--no-man-pages",
        "--no-header-files", "--output", jre.toString());
    Path layer = dir.resolve("layer.tar");
    run(dir, "tar", "-C", root.toString(), "-cf", layer.toString(), "opt");
    String diffId = "sha256:" + sha256(layer);
    String config =
        """
        {"architecture":"amd64","os":"linux",\
        "config":{"Env":["JAVA_HOME=/opt/java/openjdk",\
        "PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},\
        "rootfs":{"type":"layers","diff_ids":["%s"]}}"""
            .formatted(diffId);
    Files.writeString(dir.resolve("config.json"), config, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("manifest.json"),
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"local/jre:17\"],"
            + "\"Layers\":[\"layer.tar\"]}]",
        StandardCharsets.UTF_8);
    Path partial = dir.resolve("jre-base.tar.partial");
    run(dir, "tar", "-C", dir.toString(), "-cf", partial.toString(), "manifest.json",
        "config.json", "layer.tar");
    Files.move(partial, image);
    Files.delete(layer);
    deleteTree(root);
    return image;
  }

  static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("last-command.log").toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n"
              + Files.readString(dir.resolve("last-command.log")));
    }
  }

  private static String sha256(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
