package org.opentld.registry;

import java.util.Locale;

/**
 * Deployment settings of the registry core.
 *
 * @param tableName the physical name of the registry table
 * @param roidSuffix the repository suffix of every ROID (RFC 5730 §2.8), registered with IANA
 * @param lowBalanceThreshold minor units under which a debit queues a low-balance poll message
 */
public record RegistryConfig(String tableName, String roidSuffix, long lowBalanceThreshold) {
  public RegistryConfig {
    if (!roidSuffix.matches("\\w{1,8}")) {
      throw new IllegalArgumentException("ROID suffix must be 1-8 word characters: " + roidSuffix);
    }
    roidSuffix = roidSuffix.toUpperCase(Locale.ROOT);
  }

  /** Settings from the environment: REGISTRY_TABLE, ROID_SUFFIX, LOW_BALANCE_THRESHOLD. */
  public static RegistryConfig fromEnvironment() {
    return new RegistryConfig(
        env("REGISTRY_TABLE", "registry"),
        env("ROID_SUFFIX", "REG"),
        Long.parseLong(env("LOW_BALANCE_THRESHOLD", "10000")));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
