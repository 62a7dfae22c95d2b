package org.opentld.registry.epp;

import java.nio.file.Path;
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
    String serverId) {

  public EppConfig {
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException("EPP_MAX_FRAME_BYTES must be at least 1024");
    }
    if (maxLoginFailures < 1 || workerThreads < 1) {
      throw new IllegalArgumentException("login failures and worker threads must be positive");
    }
  }

  /**
   * From EPP_HOST (0.0.0.0), EPP_PORT (700), EPP_CERT_PEM, EPP_KEY_PEM (required),
   * EPP_MAX_FRAME_BYTES (65536), EPP_IDLE_TIMEOUT_SECONDS (600), EPP_PROXY_PROTOCOL (false),
   * EPP_MAX_LOGIN_FAILURES (3), EPP_WORKER_THREADS (32), EPP_SERVER_ID (OpenTLD EPP).
   */
  public static EppConfig fromEnvironment(Map<String, String> env) {
    return new EppConfig(
        get(env, "EPP_HOST", "0.0.0.0"),
        Integer.parseInt(get(env, "EPP_PORT", "700")),
        Path.of(required(env, "EPP_CERT_PEM")),
        Path.of(required(env, "EPP_KEY_PEM")),
        Integer.parseInt(get(env, "EPP_MAX_FRAME_BYTES", "65536")),
        Duration.ofSeconds(Long.parseLong(get(env, "EPP_IDLE_TIMEOUT_SECONDS", "600"))),
        Boolean.parseBoolean(get(env, "EPP_PROXY_PROTOCOL", "false")),
        Integer.parseInt(get(env, "EPP_MAX_LOGIN_FAILURES", "3")),
        Integer.parseInt(get(env, "EPP_WORKER_THREADS", "32")),
        get(env, "EPP_SERVER_ID", "OpenTLD EPP"));
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
