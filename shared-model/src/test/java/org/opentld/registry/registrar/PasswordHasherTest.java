package org.opentld.registry.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentld.registry.error.RegistryException;

class PasswordHasherTest {
  @Test
  void passwordsUseSaltedBcrypt() {
    String a = PasswordHasher.hashPassword("correct horse");
    String b = PasswordHasher.hashPassword("correct horse");
    assertThat(a).startsWith("$2b$10$").isNotEqualTo(b);
    assertThat(PasswordHasher.verify("correct horse", a)).isTrue();
    assertThat(PasswordHasher.verify("correct horsf", a)).isFalse();
  }

  @Test
  void authInfoUsesSaltedSha256AndOldBcryptHashesStillVerify() {
    String h = PasswordHasher.hashAuthInfo("2fooBAR!x9");
    assertThat(h).startsWith("$sha256$").doesNotContain("2fooBAR");
    assertThat(PasswordHasher.hashAuthInfo("2fooBAR!x9")).isNotEqualTo(h);
    assertThat(PasswordHasher.verify("2fooBAR!x9", h)).isTrue();
    assertThat(PasswordHasher.verify("2fooBAR!x8", h)).isFalse();
    String legacy = PasswordHasher.hash("2fooBAR!x9", 6);
    assertThat(PasswordHasher.verify("2fooBAR!x9", legacy)).isTrue();
  }

  @Test
  void malformedOrMissingHashesNeverVerify() {
    assertThat(PasswordHasher.verify("x", null)).isFalse();
    assertThat(PasswordHasher.verify("x", "")).isFalse();
    assertThat(PasswordHasher.verify("x", "$sha256$garbage")).isFalse();
    assertThat(PasswordHasher.verify("x", "$sha256$!!$!!")).isFalse();
    assertThat(PasswordHasher.verify("x", "$2b$10$short")).isFalse();
  }

  @Test
  void secretsLongerThanBcryptReadsAreRefused() {
    assertThatThrownBy(() -> PasswordHasher.hashPassword("a".repeat(73)))
        .isInstanceOf(RegistryException.PolicyError.class);
    assertThatThrownBy(() -> PasswordHasher.hashAuthInfo("a".repeat(73)))
        .isInstanceOf(RegistryException.PolicyError.class);
  }
}
