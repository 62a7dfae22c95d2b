package org.opentld.registry.functions.rdap;

import org.opentld.registry.functions.FunctionEnvironment;

/**
 * Settings of the RDAP service.
 *
 * @param baseUrl the public base URL every link is built from (env {@code RDAP_BASE_URL}, e.g.
 *     {@code https://rdap.nic.example/rdap}); never the request's Host header, which a client
 *     chooses
 * @param termsUrl the registry's terms of service (env {@code RDAP_TERMS_URL})
 * @param searchLimit results per search (env {@code RDAP_SEARCH_LIMIT}, at most 100)
 * @param ratePerSecond sustained queries per second per source address, 0 = unlimited (env
 *     {@code RDAP_RATE_PER_SECOND})
 * @param burst queries a source may send at once (env {@code RDAP_RATE_BURST})
 */
public record RdapConfig(
    String baseUrl, String termsUrl, int searchLimit, double ratePerSecond, double burst) {
  public RdapConfig {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    searchLimit = Math.max(1, Math.min(100, searchLimit));
  }

  public static RdapConfig from(FunctionEnvironment env) {
    String base = env.get("RDAP_BASE_URL", "http://127.0.0.1:8080/rdap");
    return new RdapConfig(
        base,
        env.get("RDAP_TERMS_URL", base + "/help"),
        env.getInt("RDAP_SEARCH_LIMIT", 50),
        env.getDouble("RDAP_RATE_PER_SECOND", 10),
        env.getDouble("RDAP_RATE_BURST", 30));
  }
}
