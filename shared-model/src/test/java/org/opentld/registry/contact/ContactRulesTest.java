package org.opentld.registry.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.opentld.registry.contact.ContactFixtures.assertCode;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opentld.registry.error.ResultCode;

class ContactRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {"+1.7035555555", "+44.2071234567", "+358.1", "+1.12345678901234"})
  void validPhoneNumbers(String n) {
    assertThatCode(() -> ContactRules.checkPhone(n, "12", "voice")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1.", "+.123", "+1234.5", "1.703", "+1.703-555", "+1.123456789012345", " +1.7"})
  void invalidPhoneNumbersAre2005(String n) {
    assertCode(() -> ContactRules.checkPhone(n, null, "voice"), ResultCode.PARAMETER_VALUE_SYNTAX);
  }

  @Test
  void extensionNeedsANumberAndDigits() {
    assertCode(() -> ContactRules.checkPhone(null, "12", "fax"), ResultCode.MISSING_PARAMETER);
    assertCode(() -> ContactRules.checkPhone("+1.7035555555", "x12", "fax"), ResultCode.PARAMETER_VALUE_SYNTAX);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.example", "first.last+tag@sub.example.co.uk", "o'neil@example.ie"})
  void validEmails(String e) {
    assertThat(ContactRules.checkEmail(e)).isEqualTo(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "a@b", "@b.example", "a@@b.example", "a b@c.example",
      ".a@b.example", "a.@b.example", "a@-b.example", "a@b..example", "a@b.example."})
  void invalidEmailsAre2005(String e) {
    assertCode(() -> ContactRules.checkEmail(e), ResultCode.PARAMETER_VALUE_SYNTAX);
  }

  @Test
  void idsFollowClIdType() {
    assertThat(ContactRules.checkId("abc")).isEqualTo("abc");
    assertThat(ContactRules.checkId("A_b-0123456789ab")).hasSize(16);
    assertCode(() -> ContactRules.checkId("ab"), ResultCode.PARAMETER_VALUE_SYNTAX);
    assertCode(() -> ContactRules.checkId("abcdefghijklmnopq"), ResultCode.PARAMETER_VALUE_SYNTAX);
    assertCode(() -> ContactRules.checkId("ab.c"), ResultCode.PARAMETER_VALUE_SYNTAX);
    assertCode(() -> ContactRules.checkId(""), ResultCode.MISSING_PARAMETER);
  }

  @Test
  void intPostalInfoIsAsciiAndCountryIsIso3166() {
    PostalInfo ok = new PostalInfo(PostalInfo.Type.INT, " Ann ", "", List.of(" ", "1 Rd"), "Oslo", null, null, "no");
    PostalInfo checked = ContactRules.checkPostalInfo(List.of(ok)).get(0);
    assertThat(checked.name()).isEqualTo("Ann");
    assertThat(checked.org()).isNull();
    assertThat(checked.street()).containsExactly("1 Rd");
    assertThat(checked.cc()).isEqualTo("NO");
    PostalInfo accent = new PostalInfo(PostalInfo.Type.INT, "Ann", null, List.of(), "Tromsø", null, null, "NO");
    assertCode(() -> ContactRules.checkPostalInfo(List.of(accent)), ResultCode.PARAMETER_VALUE_SYNTAX);
    PostalInfo loc = new PostalInfo(PostalInfo.Type.LOC, "Ann", null, List.of(), "Tromsø", null, null, "NO");
    assertThat(ContactRules.checkPostalInfo(List.of(loc))).hasSize(1);
    PostalInfo zz = new PostalInfo(PostalInfo.Type.LOC, "Ann", null, List.of(), "X", null, null, "ZZ");
    assertCode(() -> ContactRules.checkPostalInfo(List.of(zz)), ResultCode.PARAMETER_VALUE_SYNTAX);
    PostalInfo control = new PostalInfo(PostalInfo.Type.LOC, "A\nnn", null, List.of(), "X", null, null, "NO");
    assertCode(() -> ContactRules.checkPostalInfo(List.of(control)), ResultCode.PARAMETER_VALUE_SYNTAX);
  }
}
