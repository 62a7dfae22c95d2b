package org.opentld.registry.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 Appendix B's SHA-1 seed, "12345678901234567890", in Base32. */
  private static final String SEED = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void rfc6238TestVectors_lastSixDigits() {
    assertThat(SEED).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    // Appendix B gives 8 digits; 6-digit codes are the same value modulo 10^6.
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
  }

  @Test
  void verify_acceptsOneStepOfDrift_refusesOlderAndReusedCodes() {
    Instant at = Instant.ofEpochSecond(1111111111);
    long step = Totp.step(at);
    assertThat(Totp.verify(SEED, "050471", at, 0)).hasValue(step);
    assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1), at, 0)).hasValue(step - 1);
    assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1), at, 0)).hasValue(step + 1);
    assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2), at, 0)).isEmpty();
    assertThat(Totp.verify(SEED, "050471", at, step)).as("used once").isEmpty();
    assertThat(Totp.verify(SEED, "12345", at, 0)).isEmpty();
    assertThat(Totp.verify(SEED, null, at, 0)).isEmpty();
  }

  @Test
  void secretsRoundTrip_uriNamesIssuerAndAccount() {
    String s = Totp.newSecret();
    assertThat(s).matches("[A-Z2-7]{32}");
    assertThat(Totp.base32(Totp.unbase32(s))).isEqualTo(s);
    assertThat(Totp.uri("OpenTLD", "alice@example", s))
        .isEqualTo("otpauth://totp/OpenTLD:alice%40example?secret=" + s
            + "&issuer=OpenTLD&algorithm=SHA1&digits=6&period=30");
  }
}
