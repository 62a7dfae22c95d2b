package org.opentld.registry.user;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over HOTP, RFC 4226): HMAC-SHA1, 6 digits, 30-second
 * steps, the secret as unpadded Base32 (RFC 4648 §6) as authenticator apps expect it in an
 * {@code otpauth://} URI. A code is accepted for the current step and one step either side (RFC
 * 6238 §5.2 clock drift); the caller keeps the last accepted step so a code works only once.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random 160-bit secret (RFC 4226 §4 recommends the HMAC-SHA1 key length), Base32. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return base32(key);
  }

  /** The time step of an instant (RFC 6238 §4.2, T0 = 0). */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for a step (RFC 4226 §5.3 dynamic truncation), zero-padded to 6 digits. */
  public static String code(String base32Secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(unbase32(base32Secret), "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0x0f;
      int bin =
          ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8)
              | (h[o + 3] & 0xff);
      return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /**
   * The step whose code {@code code} is, within one step of {@code at} and after {@code
   * lastUsedStep}, or empty. Compared in constant time.
   */
  public static OptionalLong verify(String base32Secret, String code, Instant at, long lastUsedStep) {
    if (base32Secret == null || code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
    long now = step(at);
    long found = -1;
    for (long s = now - 1; s <= now + 1; s++) {
      byte[] expected = code(base32Secret, s).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && s > lastUsedStep && found < 0) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The key URI authenticator apps read (Google Authenticator's Key Uri Format). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  static byte[] unbase32(String s) {
    String clean = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int v = ALPHABET.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not Base32: " + c);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
