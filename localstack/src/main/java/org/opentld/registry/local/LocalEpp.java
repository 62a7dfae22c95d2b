package org.opentld.registry.local;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.epp.Certificates;
import org.opentld.registry.epp.EppConfig;
import org.opentld.registry.epp.EppServer;
import org.opentld.registry.registrar.Registrar;

/**
 * The EPP server of the local stack on 127.0.0.1 (port 7000 by default): a CA, a server
 * certificate for localhost and a client certificate for the demo registrar, written to a
 * folder and kept across restarts (so a client set up once keeps working), the client
 * certificate's fingerprint registered on the demo registrar, and the exact {@code EppClient}
 * command line to connect.
 */
public final class LocalEpp implements AutoCloseable {
  static final String CA = "ca.pem";
  static final String CA_KEY = "ca.key";
  static final String SERVER = "server.pem";
  static final String SERVER_KEY = "server.key";
  static final String CLIENT = DemoData.REGISTRAR_ID + ".pem";
  static final String CLIENT_KEY = DemoData.REGISTRAR_ID + ".key";

  private final EppServer server;
  private final Path certDir;
  private final boolean generated;

  private LocalEpp(EppServer server, Path certDir, boolean generated) {
    this.server = server;
    this.certDir = certDir;
    this.generated = generated;
  }

  /**
   * Writes (or reuses) the certificates in {@code certDir}, registers the demo registrar's
   * client certificate and starts the server.
   *
   * @param port 7000 by default; 0 picks a free port
   */
  public static LocalEpp start(Registry registry, Path certDir, int port, PrintStream out)
      throws Exception {
    Files.createDirectories(certDir);
    boolean generate = List.of(CA, SERVER, SERVER_KEY, CLIENT, CLIENT_KEY).stream()
        .anyMatch(f -> !Files.exists(certDir.resolve(f)));
    if (generate) {
      Certificates.Issued ca = Certificates.ca("OpenTLD local EPP CA");
      ca.write(certDir.resolve(CA), certDir.resolve(CA_KEY));
      Certificates.server(ca, "localhost", "localhost", "127.0.0.1")
          .write(certDir.resolve(SERVER), certDir.resolve(SERVER_KEY));
      Certificates.client(ca, DemoData.REGISTRAR_ID)
          .write(certDir.resolve(CLIENT), certDir.resolve(CLIENT_KEY));
      for (String key : List.of(CA_KEY, SERVER_KEY, CLIENT_KEY)) {
        ownerOnly(certDir.resolve(key));
      }
    }
    String fingerprint =
        Certificates.fingerprint(Certificates.readCertificates(certDir.resolve(CLIENT)).get(0));
    registerFingerprint(registry, fingerprint);
    EppConfig config = new EppConfig("127.0.0.1", port, certDir.resolve(SERVER),
        certDir.resolve(SERVER_KEY), 65536, Duration.ofMinutes(10), false, 3, 8,
        "OpenTLD local EPP").withHealth(-1, Duration.ofSeconds(5));
    EppServer server = new EppServer(config, registry, Clock.systemUTC());
    try {
      server.start();
    } catch (Exception e) {
      server.shutdown();
      throw new IllegalStateException("the EPP server could not listen on 127.0.0.1:" + port
          + ": is another registry running? Stop it or pass --epp-port 0", e);
    }
    out.println("      EPP on 127.0.0.1:" + server.port() + " (certificates "
        + (generate ? "written to " : "reused from ") + certDir.toAbsolutePath() + ")");
    return new LocalEpp(server, certDir, generate);
  }

  /** Adds the client certificate's fingerprint to the demo registrar unless it is there. */
  static void registerFingerprint(Registry registry, String fingerprint) {
    Registrar r = registry.context().registrar(DemoData.REGISTRAR_ID);
    if (r.certFingerprints().contains(fingerprint)) {
      return;
    }
    Set<String> fps = new LinkedHashSet<>(r.certFingerprints());
    fps.add(fingerprint);
    registry.registrars.update(Caller.admin("local-seed", "SV-SEED-EPP"),
        new Registrar(r.id(), r.name(), r.ianaId(), r.status(), r.passwordHash(), fps,
            r.ipAllowlist(), r.balance(), r.creditLimit(), r.currency(), r.email(), r.phone(),
            r.url(), r.whoisServer(), r.abuseEmail(), r.abusePhone(), r.createdAt(),
            r.updatedAt(), r.version()));
  }

  public int port() {
    return server.port();
  }

  public Path certDir() {
    return certDir;
  }

  public Path caPem() {
    return certDir.resolve(CA);
  }

  public Path clientPem() {
    return certDir.resolve(CLIENT);
  }

  public Path clientKey() {
    return certDir.resolve(CLIENT_KEY);
  }

  public boolean generatedCertificates() {
    return generated;
  }

  /**
   * The command line that runs the shipped client against this server, with the classpath
   * written to {@code classpath.txt} beside the certificates (it is long).
   */
  public String clientCommand(String... command) throws IOException {
    Path cp = certDir.resolve("classpath.txt");
    Files.writeString(cp, classpath());
    return "java -cp \"$(cat " + cp.toAbsolutePath() + ")\" "
        + "org.opentld.registry.epp.client.EppClient --host 127.0.0.1 --port " + port()
        + " --cert " + clientPem().toAbsolutePath() + " --key " + clientKey().toAbsolutePath()
        + " --ca " + caPem().toAbsolutePath() + " --id " + DemoData.REGISTRAR_ID
        + " --pw " + DemoData.REGISTRAR_PASSWORD + " " + String.join(" ", command);
  }

  public void printSummary(PrintStream out) throws IOException {
    out.println("  EPP             127.0.0.1:" + port() + "  (TLS; client certificate "
        + clientPem().toAbsolutePath() + ")");
    out.println("  EPP client      " + clientCommand("check", "example.test", "free.test"));
  }

  /** This JVM's classpath: the exec plugin's class loader when run by Maven, else the JVM's. */
  static String classpath() {
    List<String> entries = new ArrayList<>();
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl instanceof URLClassLoader u) {
      for (var url : u.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException ignored) {
          // not a file
        }
      }
    }
    if (entries.isEmpty()) {
      entries.add(System.getProperty("java.class.path"));
    }
    return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static void ownerOnly(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException ignored) {
      // not a POSIX file system; the folder is for local use anyway
    }
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
