package org.opentld.registry.tld;

import java.util.List;
import java.util.Locale;

/**
 * An IDN table of a TLD: the code points allowed in a U-label, as inclusive ranges written
 * {@code "00E0-00F6"}. A label's non-ASCII characters must all come from one table.
 *
 * @param tag the language or script tag, e.g. {@code latn}
 * @param ranges inclusive hexadecimal code point ranges
 */
public record IdnTable(String tag, List<String> ranges) {
  public IdnTable {
    tag = tag.toLowerCase(Locale.ROOT);
    ranges = List.copyOf(ranges);
    for (String r : ranges) {
      parse(r);
    }
  }

  private static int[] parse(String range) {
    String[] parts = range.split("-");
    int lo = Integer.parseInt(parts[0].strip(), 16);
    int hi = parts.length > 1 ? Integer.parseInt(parts[1].strip(), 16) : lo;
    if (hi < lo) {
      throw new IllegalArgumentException("empty code point range " + range);
    }
    return new int[] {lo, hi};
  }

  /** True if every non-ASCII code point of the U-label is in this table. */
  public boolean allows(String uLabel) {
    return uLabel
        .codePoints()
        .filter(cp -> cp >= 0x80)
        .allMatch(cp -> ranges.stream().map(IdnTable::parse).anyMatch(r -> cp >= r[0] && cp <= r[1]));
  }
}
