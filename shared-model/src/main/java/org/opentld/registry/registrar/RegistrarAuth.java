package org.opentld.registry.registrar;

import org.opentld.registry.RegistryContext;
import org.opentld.registry.error.RegistryException;

/**
 * Authenticates a registrar for a session (RFC 5730 §2.9.1.1 login): the account must be
 * active, the password must match its bcrypt hash, the client certificate's SHA-256
 * fingerprint must be registered (when the registrar has any) and the source address must be
 * in its allowlist (when it has one). Every failure is 2200 with no detail about which check
 * failed beyond what the registrar can act on.
 */
public final class RegistrarAuth {
  private final RegistryContext ctx;

  public RegistrarAuth(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param certFingerprint SHA-256 of the client certificate (hex, colons optional), or null
   * @param sourceIp the client's address as seen by the server (after PROXY protocol)
   * @return the registrar
   */
  public Registrar authenticate(
      String registrarId, String password, String certFingerprint, String sourceIp) {
    Registrar r =
        ctx.findRegistrar(registrarId)
            .orElseThrow(() -> new RegistryException.AuthenticationFailed("invalid credentials"));
    if (!PasswordHasher.verify(password, r.passwordHash())) {
      throw new RegistryException.AuthenticationFailed("invalid credentials");
    }
    if (r.status() != Registrar.Status.ACTIVE) {
      throw new RegistryException.AuthenticationFailed(
          "registrar account is " + r.status().name().toLowerCase());
    }
    if (!r.certFingerprints().isEmpty()) {
      String fp =
          certFingerprint == null
              ? ""
              : certFingerprint.replace(":", "").toUpperCase(java.util.Locale.ROOT);
      if (!r.certFingerprints().contains(fp)) {
        throw new RegistryException.AuthenticationFailed("client certificate not registered");
      }
    }
    if (!r.ipAllowlist().isEmpty()) {
      boolean allowed =
          sourceIp != null && r.ipAllowlist().stream().anyMatch(c -> Cidr.parse(c).contains(sourceIp));
      if (!allowed) {
        throw new RegistryException.AuthenticationFailed("source address not allowed");
      }
    }
    return r;
  }
}
