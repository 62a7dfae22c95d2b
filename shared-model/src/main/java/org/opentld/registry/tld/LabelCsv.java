package org.opentld.registry.tld;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;

/**
 * Imports a TLD's reserved and premium lists from CSV (RFC 4180, UTF-8): a header line {@code
 * label,reserved_reason,create,renew,transfer,restore}, then one label per line; an empty
 * reason means not reserved, empty prices mean no premium price for that operation. Each good
 * line is stored with {@link TldAdmin#putLabel} (its own history record); bad lines are
 * reported by number and skipped, so one typo does not lose a thousand-line list.
 */
public final class LabelCsv {
  private static final List<String> HEADER =
      List.of("label", "reserved_reason", "create", "renew", "transfer", "restore");
  private static final int MAX_LINES = 10_000;

  private final TldAdmin tlds;

  public LabelCsv(TldAdmin tlds) {
    this.tlds = tlds;
  }

  /** A line that was not imported. */
  public record LineError(int line, String detail) {}

  public record Result(int imported, List<LineError> errors) {}

  /** 2303 for an unknown TLD, 2005 for a wrong header, 2004 over 10,000 lines. */
  public Result importCsv(Caller caller, String tldName, String csv) {
    Tld tld =
        tlds.find(tldName)
            .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("no TLD " + tldName));
    String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    if (lines.length == 0 || !split(lines[0]).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
      throw new RegistryException.ValueSyntax("the first line must be " + String.join(",", HEADER));
    }
    if (lines.length > MAX_LINES + 1) {
      throw new RegistryException.ValueRange("at most " + MAX_LINES + " labels per import");
    }
    int imported = 0;
    List<LineError> errors = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        tlds.putLabel(caller, parse(tld, split(lines[i])));
        imported++;
      } catch (RegistryException | IllegalArgumentException | ArithmeticException e) {
        errors.add(new LineError(i + 1, e.getMessage()));
      }
    }
    return new Result(imported, errors);
  }

  private static TldLabel parse(Tld tld, List<String> cells) {
    if (cells.size() != HEADER.size()) {
      throw new RegistryException.ValueSyntax("expected " + HEADER.size() + " cells, got " + cells.size());
    }
    String reason = cells.get(1).isBlank() ? null : cells.get(1).strip();
    Map<BillingOperation, Long> prices = new EnumMap<>(BillingOperation.class);
    BillingOperation[] ops = {
      BillingOperation.CREATE, BillingOperation.RENEW, BillingOperation.TRANSFER,
      BillingOperation.RESTORE
    };
    for (int c = 0; c < ops.length; c++) {
      String v = cells.get(c + 2).strip();
      if (!v.isEmpty()) {
        Money m = Money.parse(v, tld.currency());
        if (m.minor() < 0) {
          throw new RegistryException.ValueRange("a price is not negative");
        }
        prices.put(ops[c], m.minor());
      }
    }
    if (reason == null && prices.isEmpty()) {
      throw new RegistryException.MissingParameter("a label needs a reserved reason or a price");
    }
    return new TldLabel(tld.name(), cells.get(0).strip(), reason, prices.isEmpty() ? null : prices);
  }

  /** One CSV line's cells; double quotes enclose cells with commas, "" is a quote. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
