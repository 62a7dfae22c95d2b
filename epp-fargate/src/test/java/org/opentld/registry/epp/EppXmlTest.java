package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EppXmlTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void validRequestFixturesPassTheSchemas() throws Exception {
    for (String f : new String[] {"domain_check.xml", "domain_create.xml", "domain_info.xml"}) {
      assertThat(EppXml.parseValid(b(EppFixtures.load(f))).getDocumentElement().getLocalName())
          .isEqualTo("epp");
    }
  }

  @Test
  void doctypeIsRefusedEvenWithoutEntities() {
    assertThatThrownBy(() -> EppXml.parse(b("<!DOCTYPE epp><epp/>")))
        .isInstanceOf(EppXml.SyntaxError.class);
  }

  @Test
  void xincludeIsNotProcessed() throws Exception {
    String x = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\" "
        + "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\""
        + " parse=\"text\"/></epp>";
    assertThat(EppXml.toString(EppXml.parse(b(x)))).doesNotContain("root:");
    assertThatThrownBy(() -> EppXml.parseValid(b(x))).isInstanceOf(EppXml.SyntaxError.class);
  }

  @Test
  void depthIsBounded() {
    String deep = "<a>".repeat(EppXml.MAX_DEPTH + 1) + "</a>".repeat(EppXml.MAX_DEPTH + 1);
    assertThatThrownBy(() -> EppXml.parse(b(deep))).hasMessageContaining("deeper");
  }

  @Test
  void unknownElementsAndWrongNamespacesFailValidation() {
    assertThatThrownBy(() -> EppXml.parseValid(b("<epp><hello/></epp>")))
        .isInstanceOf(EppXml.SyntaxError.class);
    assertThatThrownBy(
            () -> EppXml.parseValid(b("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hi/></epp>")))
        .isInstanceOf(EppXml.SyntaxError.class);
  }

  @Test
  void xmlWriterEscapesClientValues() {
    String out = new Xml().leaf("clTRID", "a<b>&\"c\"", "x", "\"<'>").toString();
    assertThat(out).isEqualTo("<clTRID x=\"&quot;&lt;'&gt;\">a&lt;b&gt;&amp;\"c\"</clTRID>");
  }
}
