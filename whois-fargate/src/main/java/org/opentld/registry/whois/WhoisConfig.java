package org.opentld.registry.whois;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the WHOIS server, read from the environment of its Fargate task.
 *
 * @param bindAddress the address to listen on ({@code 0.0.0.0} in a container)
 * @param port the WHOIS port (RFC 3912 §2: 43); 0 picks a free port
 * @param proxyProtocol expect a PROXY protocol header (v1 or v2) first on every connection, as an
 *     NLB target group with proxy protocol v2 sends, and take the client address from it
 * @param rateLimitBurst queries one client address may make at once
 * @param rateLimitPerMinute queries per minute a client address earns back after its burst
 * @param readTimeout how long a client has to send its whole query line
 * @param maxQueryLength the longest query line accepted, in bytes without the line end
 * @param lookupThreads threads that run registry lookups (blocking DynamoDB calls)
 * @param healthPort port of the HTTP {@code /health} endpoint; 0 means none
 * @param shutdownGrace how long shutdown waits for connections in flight
 * @param termsOfUse the footer sent after every answer
 */
public record WhoisConfig(
    String bindAddress,
    int port,
    boolean proxyProtocol,
    int rateLimitBurst,
    int rateLimitPerMinute,
    Duration readTimeout,
    int maxQueryLength,
    int lookupThreads,
    int healthPort,
    Duration shutdownGrace,
    String termsOfUse) {

  public static final String DEFAULT_TERMS =
      String.join(
          "\n",
          "For more information on Whois status codes, please visit https://icann.org/epp",
          "",
          "Terms of Use: the registry provides this data to assist persons in obtaining",
          "information about domain name registrations; it is provided \"as is\" without any",
          "guarantee of accuracy. You may use it only for lawful purposes and agree not to use",
          "it to allow, enable or otherwise support the transmission of unsolicited commercial",
          "advertising or solicitations, nor to enable high-volume automated processes that",
          "query the registry's systems except as reasonably necessary to register or modify",
          "domain names. Personal data is redacted in accordance with ICANN's Registration Data",
          "Policy. Queries are rate limited per client address.");

  public WhoisConfig {
    if (port < 0 || port > 65535 || healthPort < 0 || healthPort > 65535) {
      throw new IllegalArgumentException("ports must be 0-65535");
    }
    if (rateLimitBurst < 1 || rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rate limits must be at least 1");
    }
    if (maxQueryLength < 16) {
      throw new IllegalArgumentException("the query length limit must be at least 16");
    }
    if (lookupThreads < 1) {
      throw new IllegalArgumentException("at least one lookup thread is needed");
    }
    termsOfUse = termsOfUse == null ? DEFAULT_TERMS : termsOfUse;
  }

  /** Defaults: port 43 on all addresses, no PROXY header, 20 queries then 60 a minute. */
  public static WhoisConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * Settings from environment variables: {@code WHOIS_BIND}, {@code WHOIS_PORT}, {@code
   * WHOIS_PROXY_PROTOCOL} (true/false), {@code WHOIS_RATE_LIMIT_BURST}, {@code
   * WHOIS_RATE_LIMIT_PER_MINUTE}, {@code WHOIS_READ_TIMEOUT_SECONDS}, {@code
   * WHOIS_MAX_QUERY_LENGTH}, {@code WHOIS_LOOKUP_THREADS}, {@code WHOIS_HEALTH_PORT}, {@code
   * WHOIS_SHUTDOWN_GRACE_SECONDS}, {@code WHOIS_TERMS} (replaces the footer).
   */
  public static WhoisConfig fromEnvironment(Map<String, String> env) {
    return new WhoisConfig(
        text(env, "WHOIS_BIND", "0.0.0.0"),
        number(env, "WHOIS_PORT", 43),
        Boolean.parseBoolean(text(env, "WHOIS_PROXY_PROTOCOL", "false")),
        number(env, "WHOIS_RATE_LIMIT_BURST", 20),
        number(env, "WHOIS_RATE_LIMIT_PER_MINUTE", 60),
        Duration.ofSeconds(number(env, "WHOIS_READ_TIMEOUT_SECONDS", 10)),
        number(env, "WHOIS_MAX_QUERY_LENGTH", 255),
        number(env, "WHOIS_LOOKUP_THREADS", 32),
        number(env, "WHOIS_HEALTH_PORT", 0),
        Duration.ofSeconds(number(env, "WHOIS_SHUTDOWN_GRACE_SECONDS", 10)),
        env.get("WHOIS_TERMS") == null ? null : env.get("WHOIS_TERMS").replace("\\n", "\n"));
  }

  public WhoisConfig withBind(String address, int port) {
    return new WhoisConfig(
        address,
        port,
        proxyProtocol,
        rateLimitBurst,
        rateLimitPerMinute,
        readTimeout,
        maxQueryLength,
        lookupThreads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  public WhoisConfig withProxyProtocol(boolean on) {
    return new WhoisConfig(
        bindAddress,
        port,
        on,
        rateLimitBurst,
        rateLimitPerMinute,
        readTimeout,
        maxQueryLength,
        lookupThreads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  public WhoisConfig withRateLimit(int burst, int perMinute) {
    return new WhoisConfig(
        bindAddress,
        port,
        proxyProtocol,
        burst,
        perMinute,
        readTimeout,
        maxQueryLength,
        lookupThreads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  public WhoisConfig withReadTimeout(Duration timeout) {
    return new WhoisConfig(
        bindAddress,
        port,
        proxyProtocol,
        rateLimitBurst,
        rateLimitPerMinute,
        timeout,
        maxQueryLength,
        lookupThreads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  public WhoisConfig withHealthPort(int healthPort) {
    return new WhoisConfig(
        bindAddress,
        port,
        proxyProtocol,
        rateLimitBurst,
        rateLimitPerMinute,
        readTimeout,
        maxQueryLength,
        lookupThreads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  public WhoisConfig withLookupThreads(int threads) {
    return new WhoisConfig(
        bindAddress,
        port,
        proxyProtocol,
        rateLimitBurst,
        rateLimitPerMinute,
        readTimeout,
        maxQueryLength,
        threads,
        healthPort,
        shutdownGrace,
        termsOfUse);
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = text(env, name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
    }
  }
}
