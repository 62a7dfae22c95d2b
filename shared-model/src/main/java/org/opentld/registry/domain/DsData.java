package org.opentld.registry.domain;

import java.util.Locale;
import org.opentld.registry.error.RegistryException;

/** A DS record of a signed delegation (RFC 5910 §4.1, RFC 4034 §5). */
public record DsData(int keyTag, int algorithm, int digestType, String digest) {
  public DsData {
    if (keyTag < 0 || keyTag > 65535) {
      throw new RegistryException.ValueRange("DS keyTag must be 0-65535");
    }
    if (algorithm < 0 || algorithm > 255 || digestType < 0 || digestType > 255) {
      throw new RegistryException.ValueRange("DS algorithm and digestType must be 0-255");
    }
    if (digest == null || !digest.matches("[0-9A-Fa-f]+") || digest.length() % 2 != 0) {
      throw new RegistryException.ValueSyntax("DS digest must be an even number of hex digits");
    }
    digest = digest.toUpperCase(Locale.ROOT);
    int expected =
        switch (digestType) {
          case 1 -> 40;
          case 2 -> 64;
          case 4 -> 96;
          default -> -1;
        };
    if (expected > 0 && digest.length() != expected) {
      throw new RegistryException.ValueRange(
          "DS digest of type " + digestType + " must be " + expected + " hex digits");
    }
  }
}
