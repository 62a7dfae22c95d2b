package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluator;
import org.w3c.dom.Attr;
import org.w3c.dom.Node;

/**
 * EPP request/response fixtures under {@code epp/} compared XML-aware: whitespace between
 * elements, the svTRID, ROIDs and poll message ids (minted per run) are ignored; everything
 * else, dates included (the test clock is fixed), must match. Every response must also be
 * valid against the EPP schemas.
 */
final class EppFixtures {
  private EppFixtures() {}

  static String load(String name) {
    try (InputStream in = EppFixtures.class.getResourceAsStream("epp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture epp/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts that {@code actual} matches fixture {@code name} and is schema-valid. */
  static void assertMatches(String name, String actual) {
    assertSchemaValid(actual);
    if (EppFixtures.class.getResource("epp/" + name) == null) {
      try {
        Path p = Path.of("target/fixtures-new", name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      fail("fixture epp/" + name + " is missing; actual written to target/fixtures-new");
    }
    Diff diff =
        DiffBuilder.compare(load(name))
            .withTest(actual)
            .ignoreWhitespace()
            .ignoreComments()
            .normalizeWhitespace()
            .withDifferenceEvaluator(IGNORE_MINTED)
            .checkForSimilar()
            .build();
    assertThat(diff.hasDifferences()).as(name + ": " + diff + "\nactual: " + actual).isFalse();
  }

  static void assertSchemaValid(String xml) {
    try {
      EppXml.parseValid(xml.getBytes(StandardCharsets.UTF_8));
    } catch (EppXml.SyntaxError e) {
      fail("not valid EPP: " + e.getMessage() + "\n" + xml);
    }
  }

  /** The result code of a response. */
  static int code(String response) {
    var m = java.util.regex.Pattern.compile("<result code=\"(\\d{4})\"").matcher(response);
    assertThat(m.find()).as("a result in " + response).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static final DifferenceEvaluator IGNORE_MINTED =
      (comparison, outcome) -> {
        if (outcome == ComparisonResult.EQUAL) {
          return outcome;
        }
        Node n = comparison.getControlDetails().getTarget();
        if (n instanceof Attr a && a.getName().equals("id")
            && "msgQ".equals(a.getOwnerElement().getLocalName())) {
          return ComparisonResult.EQUAL;
        }
        Node parent = n == null ? null : n.getParentNode();
        if (parent != null && parent.getLocalName() != null
            && (parent.getLocalName().equals("svTRID") || parent.getLocalName().equals("roid"))) {
          return ComparisonResult.EQUAL;
        }
        return outcome;
      };
}
