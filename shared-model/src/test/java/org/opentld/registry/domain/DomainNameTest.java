package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opentld.registry.error.RegistryException;

class DomainNameTest {
  @Test
  void normalisesCaseAndTrailingDot() {
    assertThat(DomainName.parse("  Example.TEST. ").ascii()).isEqualTo("example.test");
  }

  @Test
  void uLabelBecomesALabelAndBack() {
    DomainName n = DomainName.parse("Bücher.test");
    assertThat(n.ascii()).isEqualTo("xn--bcher-kva.test");
    assertThat(n.unicode()).isEqualTo("bücher.test");
    assertThat(n.isIdn()).isTrue();
    assertThat(DomainName.parse("xn--bcher-kva.test").unicode()).isEqualTo("bücher.test");
  }

  @Test
  void labelsAndParent() {
    DomainName n = DomainName.parse("ns1.example.test");
    assertThat(n.firstLabel()).isEqualTo("ns1");
    assertThat(n.parent()).isEqualTo("example.test");
    assertThat(n.isAtOrBelow("example.test")).isTrue();
    assertThat(n.isAtOrBelow("ample.test")).isFalse();
  }

  @Test
  void acceptsMaximumLengths() {
    String label63 = "a".repeat(63);
    assertThat(DomainName.parse(label63 + ".test").ascii()).hasSize(68);
    String name253 = ("a".repeat(61) + ".").repeat(4) + "abcd";
    assertThat(name253).hasSize(252);
    assertThat(DomainName.parse(name253).ascii()).isEqualTo(name253);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "-lead.test",
        "trail-.test",
        "ab--cd.test",
        "under_score.test",
        "sp ace.test",
        "a..test",
        "xn--zz.test",
        "xn--bcher-kva-.test",
      })
  void rejectsMalformedNamesWith2005(String input) {
    assertThatThrownBy(() -> DomainName.parse(input))
        .isInstanceOf(RegistryException.ValueSyntax.class);
  }

  @Test
  void rejectsOverlongLabelAndName() {
    assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".test"))
        .isInstanceOf(RegistryException.ValueSyntax.class)
        .hasMessageContaining("63");
    assertThatThrownBy(() -> DomainName.parse(("a".repeat(62) + ".").repeat(4) + "test"))
        .isInstanceOf(RegistryException.ValueSyntax.class)
        .hasMessageContaining("253");
  }

  @Test
  void rejectsDisallowedIdna2008Characters() {
    // U+2764 HEAVY BLACK HEART: valid in IDNA2003 (emoji domains) but DISALLOWED in IDNA2008
    assertThatThrownBy(() -> DomainName.parse("i\u2764.test"))
        .isInstanceOf(RegistryException.ValueSyntax.class);
  }
}
