package org.opentld.registry.registrar;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password and authInfo hashing with bcrypt (BouncyCastle's OpenBSD implementation): salted,
 * slow by design, verifiable in constant time. Registrar passwords use cost 10; authInfo
 * (RFC 9154 §4: stored hashed) uses a lower cost since it is checked on every transfer.
 */
public final class PasswordHasher {
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int PASSWORD_COST = 10;
  public static final int AUTHINFO_COST = 6;

  private PasswordHasher() {}

  /**
   * bcrypt reads at most 72 bytes of a secret and silently ignores the rest, so longer secrets
   * are refused rather than weakened (2306).
   */
  public static final int MAX_BYTES = 72;

  public static String hash(String secret, int cost) {
    if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new org.opentld.registry.error.RegistryException.PolicyError(
          "passwords and authInfo are limited to " + MAX_BYTES + " bytes");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", secret.getBytes(StandardCharsets.UTF_8), salt, cost);
  }

  public static String hashPassword(String password) {
    return hash(password, PASSWORD_COST);
  }

  public static String hashAuthInfo(String authInfo) {
    return hash(authInfo, AUTHINFO_COST);
  }

  /** True if {@code secret} matches {@code hash}; false for a null or malformed hash. */
  public static boolean verify(String secret, String hash) {
    if (secret == null || hash == null || hash.isEmpty()) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, secret.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
