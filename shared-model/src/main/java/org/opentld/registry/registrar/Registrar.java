package org.opentld.registry.registrar;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opentld.registry.contact.PostalInfo;

/**
 * A registrar account: identity, EPP credentials (password hash, client-certificate SHA-256
 * fingerprints, source address allowlist), money (prepaid balance and credit limit, minor
 * units of {@code currency}) and the public contact data WHOIS and RDAP show.
 *
 * @param id the EPP clID
 * @param ipAllowlist CIDR blocks (v4 or v6); empty means any address
 * @param address the registrar's postal address for WHOIS and RDAP, or null
 */
public record Registrar(
    String id,
    String name,
    Long ianaId,
    Status status,
    String passwordHash,
    Set<String> certFingerprints,
    List<String> ipAllowlist,
    long balance,
    long creditLimit,
    String currency,
    String email,
    String phone,
    String url,
    String whoisServer,
    String abuseEmail,
    String abusePhone,
    Instant createdAt,
    Instant updatedAt,
    long version,
    PostalInfo address) {

  /** Account states; only ACTIVE registrars may log in and transact. */
  public enum Status {
    ACTIVE,
    SUSPENDED,
    TERMINATED
  }

  /** A registrar without a postal address on file. */
  public Registrar(
      String id,
      String name,
      Long ianaId,
      Status status,
      String passwordHash,
      Set<String> certFingerprints,
      List<String> ipAllowlist,
      long balance,
      long creditLimit,
      String currency,
      String email,
      String phone,
      String url,
      String whoisServer,
      String abuseEmail,
      String abusePhone,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this(
        id, name, ianaId, status, passwordHash, certFingerprints, ipAllowlist, balance,
        creditLimit, currency, email, phone, url, whoisServer, abuseEmail, abusePhone, createdAt,
        updatedAt, version, null);
  }

  public Registrar {
    certFingerprints = certFingerprints == null ? Set.of() : Set.copyOf(certFingerprints);
    ipAllowlist = ipAllowlist == null ? List.of() : List.copyOf(ipAllowlist);
  }
}
