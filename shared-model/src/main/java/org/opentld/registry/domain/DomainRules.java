package org.opentld.registry.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.tld.IdnTable;
import org.opentld.registry.tld.Tld;

/**
 * Rules every domain operation shares: which TLD a name belongs to and whether its labels are
 * allowed there, sponsorship, authInfo, prohibiting statuses, period and expiry arithmetic.
 */
public final class DomainRules {
  private DomainRules() {}

  /** A parsed name with its TLD and IDN table. */
  public record Target(DomainName name, Tld tld, String label, String idnTable) {}

  /**
   * Resolves a name to a registrable name of a TLD of this registry: exactly one label below
   * the TLD, and a U-label only if one of the TLD's IDN tables allows all its characters.
   *
   * @throws RegistryException.ValueSyntax for a malformed name (2005)
   * @throws RegistryException.PolicyError if the TLD is not ours or the IDN table refuses (2306)
   */
  public static Target target(RegistryContext ctx, String input) {
    DomainName name = DomainName.parse(input);
    String parent = name.parent();
    if (parent.isEmpty()) {
      throw new RegistryException.PolicyError(name + " is a TLD, not a registrable name");
    }
    Tld tld =
        ctx.findTld(parent)
            .orElseThrow(
                () ->
                    new RegistryException.PolicyError(
                        name + " is not under a TLD of this registry"));
    String label = name.firstLabel();
    String idn = null;
    if (label.startsWith("xn--")) {
      String uLabel = name.unicode().substring(0, name.unicode().indexOf('.'));
      for (IdnTable t : tld.idnTables()) {
        if (t.allows(uLabel)) {
          idn = t.tag();
          break;
        }
      }
      if (idn == null) {
        throw new RegistryException.PolicyError(
            uLabel + " has characters outside the IDN tables of ." + tld.name());
      }
    }
    return new Target(name, tld, label, idn);
  }

  /** The period must be within the TLD's minimum and maximum (2004). */
  public static void checkPeriod(Tld tld, int years) {
    if (years < tld.minPeriodYears() || years > tld.maxPeriodYears()) {
      throw new RegistryException.ValueRange(
          "period must be " + tld.minPeriodYears() + " to " + tld.maxPeriodYears() + " years");
    }
  }

  public static Instant plusYears(Instant t, int years) {
    return t.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
  }

  /** The caller must sponsor the domain, unless it is the registry itself (2201). */
  public static void requireSponsor(Caller caller, Domain d) {
    if (!caller.superuser() && !caller.registrarId().equals(d.registrarId())) {
      throw new RegistryException.AuthorizationFailed(
          "registrar " + caller.registrarId() + " does not sponsor " + d.name());
    }
  }

  /** Fails with 2304 if any of the statuses is on the domain. */
  public static void requireNone(Domain d, Set<StatusValue> prohibiting, String what) {
    for (StatusValue s : d.statuses()) {
      if (prohibiting.contains(s)) {
        throw new RegistryException.StatusProhibits(
            d.name() + " has status " + s.epp() + ", which prohibits " + what);
      }
    }
  }

  /** A deleted domain (redemption or pendingDelete) accepts only restore (2304). */
  public static void requireNotDeleted(Domain d, String what) {
    if (d.isDeleted()) {
      throw new RegistryException.StatusProhibits(
          d.name() + " is pendingDelete, which prohibits " + what);
    }
  }

  /**
   * True if the authInfo matches the domain's (RFC 5731 §3.1.2) and its time to live has not
   * run out (RFC 9154 §4.2: an expired authInfo no longer authorizes anything).
   */
  public static boolean authInfoMatches(Domain d, String authInfo, Instant now) {
    if (d.authInfoExpiresAt() != null && !now.isBefore(d.authInfoExpiresAt())) {
      return false;
    }
    return authInfo != null
        && !authInfo.isEmpty()
        && PasswordHasher.verify(authInfo, d.authInfoHash());
  }

  /** When an authInfo set now stops working under the TLD's policy, or null (no TTL, none). */
  public static Instant authInfoExpiry(Tld tld, String authInfo, Instant now) {
    if (authInfo == null || authInfo.isEmpty() || tld.authInfoTtlDays() <= 0) {
      return null;
    }
    return now.plus(java.time.Duration.ofDays(tld.authInfoTtlDays()));
  }

  /** Hash of a new authInfo value; empty or null means none (RFC 9154 §4.1). */
  public static String hashAuthInfo(String authInfo) {
    if (authInfo == null || authInfo.isEmpty()) {
      return null;
    }
    if (authInfo.length() > 64) {
      throw new RegistryException.ValueRange("authInfo is longer than 64 characters");
    }
    return PasswordHasher.hashAuthInfo(authInfo);
  }
}
