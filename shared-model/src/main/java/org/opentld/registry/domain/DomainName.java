package org.opentld.registry.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.IDNA;
import java.util.Locale;
import org.opentld.registry.error.RegistryException;

/**
 * A fully qualified domain or host name in normalised form: lower-case A-labels, no trailing
 * dot. Syntax follows RFC 1123 LDH rules and RFC 5891 (IDNA2008) with UTS 46 mapping of
 * U-labels; `--` in positions 3–4 is only allowed for valid `xn--` labels.
 *
 * @param ascii the A-label form, e.g. {@code xn--bcher-kva.test}
 * @param unicode the U-label form, e.g. {@code bücher.test} (equal to ascii when no IDN)
 */
public record DomainName(String ascii, String unicode) {
  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;
  private static final IDNA IDNA2008 =
      IDNA.getUTS46Instance(
          IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.NONTRANSITIONAL_TO_UNICODE
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ
              | IDNA.CHECK_CONTEXTO
              | IDNA.USE_STD3_RULES);

  public DomainName {
    if (ascii == null || ascii.isEmpty()) {
      throw new RegistryException.ValueSyntax("domain name is empty");
    }
  }

  /**
   * Parses and normalises a name given in A-label or U-label form.
   *
   * @throws RegistryException.ValueSyntax with the reason if the name is not a valid
   *     host name (RFC 1123) or IDNA2008 name
   */
  public static DomainName parse(String input) {
    if (input == null) {
      throw new RegistryException.ValueSyntax("domain name is missing");
    }
    String name = input.strip();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      throw new RegistryException.ValueSyntax("domain name is empty");
    }
    if (name.length() > 4 * MAX_NAME) {
      throw new RegistryException.ValueSyntax("domain name is longer than 253 octets");
    }
    boolean ascii = name.chars().allMatch(c -> c < 0x80);
    String aLabel;
    if (ascii) {
      aLabel = name.toLowerCase(Locale.ROOT);
    } else {
      StringBuilder out = new StringBuilder();
      IDNA.Info info = new IDNA.Info();
      IDNA2008.nameToASCII(name, out, info);
      if (info.hasErrors()) {
        throw new RegistryException.ValueSyntax(
            "'" + name + "' is not a valid IDNA2008 name: " + info.getErrors());
      }
      aLabel = out.toString();
    }
    checkLdh(aLabel);
    String uLabel = aLabel;
    if (aLabel.startsWith("xn--") || aLabel.contains(".xn--")) {
      StringBuilder out = new StringBuilder();
      IDNA.Info info = new IDNA.Info();
      IDNA2008.nameToUnicode(aLabel, out, info);
      if (info.hasErrors()) {
        throw new RegistryException.ValueSyntax(
            "'" + aLabel + "' has an invalid A-label: " + info.getErrors());
      }
      uLabel = out.toString();
      checkIdna2008Repertoire(uLabel);
      // An A-label must round-trip exactly (RFC 5891 §5.4): rejects non-canonical punycode.
      StringBuilder back = new StringBuilder();
      IDNA.Info backInfo = new IDNA.Info();
      IDNA2008.nameToASCII(uLabel, back, backInfo);
      if (backInfo.hasErrors() || !back.toString().equals(aLabel)) {
        throw new RegistryException.ValueSyntax("'" + aLabel + "' is not a canonical A-label");
      }
    }
    return new DomainName(aLabel, uLabel);
  }

  /**
   * UTS 46 still accepts characters that IDNA2008 disallows (its "NV8" set: symbols and
   * punctuation such as emoji). RFC 5892 §2.1 allows only letters, marks and decimal digits
   * (LetterDigits) plus the listed exceptions, so anything else is refused here.
   */
  private static void checkIdna2008Repertoire(String unicode) {
    unicode.codePoints().filter(cp -> cp >= 0x80).forEach(cp -> {
      if (EXCEPTIONS_DISALLOWED.contains(cp)) {
        throw disallowed(cp);
      }
      if (EXCEPTIONS_ALLOWED.contains(cp)) {
        return;
      }
      int type = UCharacter.getType(cp);
      boolean letterDigit =
          type == UCharacterCategory.LOWERCASE_LETTER
              || type == UCharacterCategory.OTHER_LETTER
              || type == UCharacterCategory.MODIFIER_LETTER
              || type == UCharacterCategory.NON_SPACING_MARK
              || type == UCharacterCategory.COMBINING_SPACING_MARK
              || type == UCharacterCategory.DECIMAL_DIGIT_NUMBER;
      if (!letterDigit) {
        throw disallowed(cp);
      }
    });
  }

  private static RegistryException disallowed(int cp) {
    return new RegistryException.ValueSyntax(
        String.format("U+%04X is not allowed in IDNA2008 labels (RFC 5892)", cp));
  }

  /** RFC 5892 §2.6 exceptions that are PVALID or CONTEXT (checked by ICU's CONTEXTJ/O). */
  private static final java.util.Set<Integer> EXCEPTIONS_ALLOWED =
      java.util.Set.of(
          0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007, 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB,
          0x200C, 0x200D);

  /** RFC 5892 §2.6 exceptions that are DISALLOWED although they are letters. */
  private static final java.util.Set<Integer> EXCEPTIONS_DISALLOWED =
      java.util.Set.of(0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B);

  private static void checkLdh(String name) {
    if (name.length() > MAX_NAME) {
      throw new RegistryException.ValueSyntax("domain name is longer than 253 octets");
    }
    String[] labels = name.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        throw new RegistryException.ValueSyntax("'" + name + "' has an empty label");
      }
      if (label.length() > MAX_LABEL) {
        throw new RegistryException.ValueSyntax(
            "label '" + label + "' is longer than 63 octets");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          throw new RegistryException.ValueSyntax(
              "label '" + label + "' has a character outside letters, digits and hyphen");
        }
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw new RegistryException.ValueSyntax(
            "label '" + label + "' starts or ends with a hyphen");
      }
      if (label.length() >= 4
          && label.charAt(2) == '-'
          && label.charAt(3) == '-'
          && !label.startsWith("xn--")) {
        throw new RegistryException.ValueSyntax(
            "label '" + label + "' has '--' in positions 3-4 but is not an xn-- A-label");
      }
    }
  }

  /**
   * Checks the start of a label typed before a search wildcard: LDH characters only (an
   * A-label prefix), lower-cased; at least one character.
   */
  public static String parseLabelPrefix(String prefix) {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    if (p.isEmpty()) {
      throw new RegistryException.ValueRange("give at least one character before '*'");
    }
    if (!p.matches("[a-z0-9-]{1,63}") || p.startsWith("-")) {
      throw new RegistryException.ValueSyntax("'" + prefix + "' is not the start of an LDH label");
    }
    return p;
  }

  /** The labels of the name, left to right. */
  public String[] labels() {
    return ascii.split("\\.");
  }

  /** The left-most label (A-label form). */
  public String firstLabel() {
    int dot = ascii.indexOf('.');
    return dot < 0 ? ascii : ascii.substring(0, dot);
  }

  /** The name with its left-most label removed, or empty for a single-label name. */
  public String parent() {
    int dot = ascii.indexOf('.');
    return dot < 0 ? "" : ascii.substring(dot + 1);
  }

  /** True if this name is {@code other} or below it. */
  public boolean isAtOrBelow(String other) {
    return ascii.equals(other) || ascii.endsWith("." + other);
  }

  public boolean isIdn() {
    return !ascii.equals(unicode);
  }

  @Override
  public String toString() {
    return ascii;
  }
}
