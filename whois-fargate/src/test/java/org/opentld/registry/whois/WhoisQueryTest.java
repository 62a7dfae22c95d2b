package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentld.registry.whois.WhoisQuery.Kind;

class WhoisQueryTest {
  @Test
  void bareNameIsANameQuery() {
    assertThat(WhoisQuery.parse("  Example.TEST "))
        .isEqualTo(new WhoisQuery(Kind.NAME, "Example.TEST"));
  }

  @Test
  void keywordsAreCaseInsensitiveAndTakeTheRestOfTheLine() {
    assertThat(WhoisQuery.parse("DOMAIN bücher.test"))
        .isEqualTo(new WhoisQuery(Kind.DOMAIN, "bücher.test"));
    assertThat(WhoisQuery.parse("nameserver  ns1.example.test"))
        .isEqualTo(new WhoisQuery(Kind.NAMESERVER, "ns1.example.test"));
    assertThat(WhoisQuery.parse("registrar Registrar reg-a"))
        .isEqualTo(new WhoisQuery(Kind.REGISTRAR, "Registrar reg-a"));
    assertThat(WhoisQuery.parse("Registrar\t9045"))
        .isEqualTo(new WhoisQuery(Kind.REGISTRAR, "9045"));
  }

  @Test
  void keywordAloneIsLookedUpAsAName() {
    // "domain" with nothing after it is a (single-label) name, not an empty keyword query.
    assertThat(WhoisQuery.parse("domain")).isEqualTo(new WhoisQuery(Kind.NAME, "domain"));
    assertThat(WhoisQuery.parse("registrar   ")).isEqualTo(new WhoisQuery(Kind.NAME, "registrar"));
  }

  @Test
  void unknownKeywordKeepsTheWholeLineAsAName() {
    assertThat(WhoisQuery.parse("contact abc")).isEqualTo(new WhoisQuery(Kind.NAME, "contact abc"));
  }

  @Test
  void blankLineIsEmpty() {
    assertThat(WhoisQuery.parse(" \t ").kind()).isEqualTo(Kind.EMPTY);
    assertThat(WhoisQuery.parse(null).kind()).isEqualTo(Kind.EMPTY);
  }
}
