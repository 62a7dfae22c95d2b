package org.opentld.registry.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Identifiers the registry mints: repository object ids (ROIDs, RFC 5730 §2.8) with the
 * registry's repository suffix, server transaction ids, and time-ordered unique ids.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final java.util.concurrent.atomic.AtomicLong SEQUENCE =
      new java.util.concurrent.atomic.AtomicLong();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Ids() {}

  /**
   * A new ROID like {@code 019A2B3C4D5E00017F3A2C-TEST}: a {@link #timeOrdered} id, then the
   * suffix; matches RFC 5730's {@code (\w|_){1,80}-\w{1,8}}.
   */
  public static String roid(Instant now, String suffix) {
    return timeOrdered(now) + "-" + suffix.toUpperCase(Locale.ROOT);
  }

  /**
   * A unique id whose string order follows time: 12 hex digits of milliseconds, then 4 of a
   * per-process sequence (so ids minted in one millisecond by one process keep their order),
   * then 6 random ones (so processes never collide in practice).
   */
  public static String timeOrdered(Instant now) {
    long ms = now.toEpochMilli();
    long rnd = ((SEQUENCE.getAndIncrement() & 0xFFFFL) << 24) | (RANDOM.nextInt() & 0xFFFFFFL);
    char[] out = new char[22];
    for (int i = 11; i >= 0; i--) {
      out[i] = HEX[(int) (ms & 0xF)];
      ms >>>= 4;
    }
    for (int i = 21; i >= 12; i--) {
      out[i] = HEX[(int) (rnd & 0xF)];
      rnd >>>= 4;
    }
    return new String(out);
  }

  /** A server transaction id for responses and history. */
  public static String svTrid(Instant now) {
    return "SV-" + timeOrdered(now);
  }

  /** A random secret of {@code length} characters for generated authInfo and passwords. */
  public static String secret(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@$%^*-_=+";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
