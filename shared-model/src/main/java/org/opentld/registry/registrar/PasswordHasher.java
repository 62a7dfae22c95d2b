package org.opentld.registry.registrar;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Secret hashing. Registrar and user passwords, chosen by people, use bcrypt (BouncyCastle's
 * OpenBSD implementation, cost 10): salted and slow by design. authInfo values use salted
 * SHA-256: RFC 9154 §4.1 requires them to carry at least 128 bits of entropy and to be stored
 * with "a strong one-way cryptographic hash and salt", so a slow hash would add nothing but
 * cost to every create and transfer. Both verify in constant time; old bcrypt authInfo hashes
 * still verify.
 */
public final class PasswordHasher {
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final int PASSWORD_COST = 10;

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
    if (authInfo.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new org.opentld.registry.error.RegistryException.PolicyError(
          "authInfo is limited to " + MAX_BYTES + " bytes");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return SHA256_PREFIX + B64.encodeToString(salt) + "$" + B64.encodeToString(sha256(salt, authInfo));
  }

  private static final String SHA256_PREFIX = "$sha256$";
  private static final java.util.Base64.Encoder B64 = java.util.Base64.getEncoder().withoutPadding();

  private static byte[] sha256(byte[] salt, String secret) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(salt);
      md.update(secret.getBytes(StandardCharsets.UTF_8));
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** True if {@code secret} matches {@code hash}; false for a null or malformed hash. */
  public static boolean verify(String secret, String hash) {
    if (secret == null || hash == null || hash.isEmpty()) {
      return false;
    }
    if (hash.startsWith(SHA256_PREFIX)) {
      String[] parts = hash.substring(SHA256_PREFIX.length()).split("\\$");
      if (parts.length != 2) {
        return false;
      }
      try {
        byte[] salt = java.util.Base64.getDecoder().decode(parts[0]);
        byte[] expected = java.util.Base64.getDecoder().decode(parts[1]);
        return java.security.MessageDigest.isEqual(expected, sha256(salt, secret));
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, secret.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException malformed) {
      // a damaged stored hash must fail the check, not the command
      return false;
    }
  }
}
