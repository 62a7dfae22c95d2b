package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link EppXml} reuses one validator per thread: a failed validation must not leak state. */
class EppXmlValidatorReuseTest {
  static final String VALID = EppFixtures.load("domain_create.xml");
  static final String INVALID = VALID.replace("<domain:period unit=\"y\">2</domain:period>",
      "<domain:period unit=\"y\">200</domain:period>");
  static final String UNKNOWN = VALID.replace("<domain:authInfo>", "<domain:bogus/><domain:authInfo>");

  static void check(String xml) throws EppXml.SyntaxError {
    EppXml.parseValid(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void validDocumentPassesAfterFailuresOnTheSameThread() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> check(INVALID)).isInstanceOf(EppXml.SyntaxError.class)
          .hasMessageContaining("200");
      check(VALID);
      assertThatThrownBy(() -> check(UNKNOWN)).isInstanceOf(EppXml.SyntaxError.class)
          .hasMessageContaining("bogus");
      check(VALID);
    }
  }

  @Test
  void threadsValidateIndependently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        boolean valid = i % 3 != 0;
        results.add(pool.submit(() -> {
          try {
            check(valid ? VALID : INVALID);
            return true;
          } catch (EppXml.SyntaxError e) {
            return false;
          }
        }));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).as("document %d", i).isEqualTo(i % 3 != 0);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
