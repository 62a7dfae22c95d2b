package org.opentld.registry.functions.jobs.reports;

import java.util.List;

/** CSV as ICANN's reporting interface reads it: RFC 4180 quoting, CRLF line ends. */
final class Csv {
  private Csv() {}

  static String line(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i) == null ? "" : cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.append("\r\n").toString();
  }
}
