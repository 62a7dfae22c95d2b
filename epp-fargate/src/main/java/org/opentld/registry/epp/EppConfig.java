package org.opentld.registry.epp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the EPP server, read from the environment in the Fargate task.
 *
 * @param port TCP port (700 is EPP's, RFC 5734 §2); 0 picks a free one (tests)
 * @param certPem the server's certificate chain (PEM)
 * @param keyPem the server's private key (PKCS#8 PEM)
 * @param maxFrameBytes the largest frame accepted, header included (RFC 5734 §4)
 * @param idleTimeout a session that sends nothing for this long is closed
 * @param proxyProtocol expect a PROXY protocol v2 header (behind an AWS NLB) for the source IP
 * @param maxLoginFailures failed logins after which the session closes with 2501
 * @param workerThreads threads that run commands (DynamoDB calls block)
 * @param serverId the greeting's svID
 * @param maxSessionsPerRegistrar open sessions one registrar may hold on this server; the login
 *     that would exceed it gets 2502 and the connection closes
 * @param commandsPerSecond a registrar's sustained command rate on this server (token bucket
 *     refill); 0 turns rate limiting off
 * @param commandBurst the bucket's size: commands a registrar may send at once
 * @param healthPort HTTP port of {@code GET /health} and {@code GET /metrics}; 0 picks a free
 *     one, -1 turns the endpoint off
 * @param drainTimeout on shutdown, how long running commands may take before the remaining
 *     sessions are cut
 * @param activityFlush how often command counts are added to the activity report's items
 * @param commandLog write one JSON line per command to standard output
 * @param certExpiryWarning a client certificate expiring within this is reported at login
 *     (RFC 8807 certificate event)
 */
public record EppConfig(
    String host,
    int port,
    Path certPem,
    Path keyPem,
    int maxFrameBytes,
    Duration idleTimeout,
    boolean proxyProtocol,
    int maxLoginFailures,
    int workerThreads,
    String serverId,
    int maxSessionsPerRegistrar,
    double commandsPerSecond,
    int commandBurst,
    int healthPort,
    Duration drainTimeout,
    Duration activityFlush,
    boolean commandLog,
    Duration certExpiryWarning) {

  public EppConfig {
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException("EPP_MAX_FRAME_BYTES must be at least 1024");
    }
    if (maxLoginFailures < 1 || workerThreads < 1) {
      throw new IllegalArgumentException("login failures and worker threads must be positive");
    }
    if (maxSessionsPerRegistrar < 1) {
      throw new IllegalArgumentException("EPP_MAX_SESSIONS_PER_REGISTRAR must be positive");
    }
    if (commandsPerSecond < 0 || (commandsPerSecond > 0 && commandBurst < 1)) {
      throw new IllegalArgumentException("EPP_RATE_LIMIT_PER_SECOND must be >= 0 and "
          + "EPP_RATE_LIMIT_BURST positive");
    }
    if (healthPort < -1 || healthPort > 65535) {
      throw new IllegalArgumentException("EPP_HEALTH_PORT must be -1 (off), 0 (any) or a port");
    }
    if (drainTimeout.isNegative() || activityFlush.isNegative() || activityFlush.isZero()) {
      throw new IllegalArgumentException("drain timeout and activity flush must be positive");
    }
  }

  /**
   * The phase-1 settings with the operational ones at their defaults, except the health
   * endpoint (off) and the command log (off): what tests and embedders that do not care use.
   */
  public EppConfig(
      String host,
      int port,
      Path certPem,
      Path keyPem,
      int maxFrameBytes,
      Duration idleTimeout,
      boolean proxyProtocol,
      int maxLoginFailures,
      int workerThreads,
      String serverId) {
    this(host, port, certPem, keyPem, maxFrameBytes, idleTimeout, proxyProtocol,
        maxLoginFailures, workerThreads, serverId, 10, 100, 200, -1, Duration.ofSeconds(25),
        Duration.ofSeconds(60), false, Duration.ofDays(30));
  }

  /** A copy with the given session and rate limits. */
  public EppConfig withLimits(int maxSessions, double perSecond, int burst) {
    return new EppConfig(host, port, certPem, keyPem, maxFrameBytes, idleTimeout, proxyProtocol,
        maxLoginFailures, workerThreads, serverId, maxSessions, perSecond, burst, healthPort,
        drainTimeout, activityFlush, commandLog, certExpiryWarning);
  }

  /** A copy with the given health port (-1 off, 0 any) and drain timeout. */
  public EppConfig withHealth(int port, Duration drain) {
    return new EppConfig(host, this.port, certPem, keyPem, maxFrameBytes, idleTimeout,
        proxyProtocol, maxLoginFailures, workerThreads, serverId, maxSessionsPerRegistrar,
        commandsPerSecond, commandBurst, port, drain, activityFlush, commandLog,
        certExpiryWarning);
  }

  /** A copy that writes (or not) the JSON command log. */
  public EppConfig withCommandLog(boolean on) {
    return new EppConfig(host, port, certPem, keyPem, maxFrameBytes, idleTimeout, proxyProtocol,
        maxLoginFailures, workerThreads, serverId, maxSessionsPerRegistrar, commandsPerSecond,
        commandBurst, healthPort, drainTimeout, activityFlush, on, certExpiryWarning);
  }

  /**
   * From EPP_HOST (0.0.0.0), EPP_PORT (700), EPP_CERT_PEM, EPP_KEY_PEM (required),
   * EPP_MAX_FRAME_BYTES (65536), EPP_IDLE_TIMEOUT_SECONDS (600), EPP_PROXY_PROTOCOL (false),
   * EPP_MAX_LOGIN_FAILURES (3), EPP_WORKER_THREADS (32), EPP_SERVER_ID (OpenTLD EPP),
   * EPP_MAX_SESSIONS_PER_REGISTRAR (10), EPP_RATE_LIMIT_PER_SECOND (100; 0 off),
   * EPP_RATE_LIMIT_BURST (200), EPP_HEALTH_PORT (8080; -1 off), EPP_DRAIN_TIMEOUT_SECONDS (25),
   * EPP_ACTIVITY_FLUSH_SECONDS (60), EPP_COMMAND_LOG (true),
   * EPP_CERT_EXPIRY_WARNING_DAYS (30). EPP_CERT_PEM and EPP_KEY_PEM are file paths, or the PEM
   * text itself, as ECS injects a Secrets Manager secret into the environment.
   */
  public static EppConfig fromEnvironment(Map<String, String> env) {
    return new EppConfig(
        get(env, "EPP_HOST", "0.0.0.0"),
        Integer.parseInt(get(env, "EPP_PORT", "700")),
        pemFile(required(env, "EPP_CERT_PEM"), "epp-cert"),
        pemFile(required(env, "EPP_KEY_PEM"), "epp-key"),
        Integer.parseInt(get(env, "EPP_MAX_FRAME_BYTES", "65536")),
        Duration.ofSeconds(Long.parseLong(get(env, "EPP_IDLE_TIMEOUT_SECONDS", "600"))),
        Boolean.parseBoolean(get(env, "EPP_PROXY_PROTOCOL", "false")),
        Integer.parseInt(get(env, "EPP_MAX_LOGIN_FAILURES", "3")),
        Integer.parseInt(get(env, "EPP_WORKER_THREADS", "32")),
        get(env, "EPP_SERVER_ID", "OpenTLD EPP"),
        Integer.parseInt(get(env, "EPP_MAX_SESSIONS_PER_REGISTRAR", "10")),
        Double.parseDouble(get(env, "EPP_RATE_LIMIT_PER_SECOND", "100")),
        Integer.parseInt(get(env, "EPP_RATE_LIMIT_BURST", "200")),
        Integer.parseInt(get(env, "EPP_HEALTH_PORT", "8080")),
        Duration.ofSeconds(Long.parseLong(get(env, "EPP_DRAIN_TIMEOUT_SECONDS", "25"))),
        Duration.ofSeconds(Long.parseLong(get(env, "EPP_ACTIVITY_FLUSH_SECONDS", "60"))),
        Boolean.parseBoolean(get(env, "EPP_COMMAND_LOG", "true")),
        Duration.ofDays(Long.parseLong(get(env, "EPP_CERT_EXPIRY_WARNING_DAYS", "30"))));
  }

  /**
   * A path as given, or for PEM text (starting with {@code -----BEGIN}) a file only the process
   * owner can read, holding that text, removed when the JVM exits.
   */
  static Path pemFile(String value, String prefix) {
    if (!value.startsWith("-----BEGIN")) {
      return Path.of(value);
    }
    try {
      Path file =
          Files.createTempFile(
              prefix,
              ".pem",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      // Secrets typed on one line keep their line breaks as the two characters "\n".
      String pem = value.replace("\\n", "\n");
      return Files.writeString(file, pem.endsWith("\n") ? pem : pem + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + prefix + " PEM to a temporary file", e);
    }
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v.trim();
  }
}
