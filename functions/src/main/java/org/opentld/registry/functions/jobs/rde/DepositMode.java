package org.opentld.registry.functions.jobs.rde;

import java.util.List;

/**
 * The kinds of deposit: a full escrow deposit (weekly), a differential one (daily: what
 * changed since the previous deposit, RFC 8909 §5.1.2) and the thin bulk registration data
 * file for ICANN (BRDA, RFC 9022 thin model: domains and registrars only).
 *
 * @param file the type part of the file name ({@code tld_date_TYPE_S1_R0.ryde})
 * @param type the deposit's {@code type} attribute (RFC 8909 §5: FULL, INCR or DIFF)
 */
public enum DepositMode {
  FULL("full", "FULL"),
  DIFF("diff", "DIFF"),
  THIN("thin", "FULL");

  private final String file;
  private final String type;

  DepositMode(String file, String type) {
    this.file = file;
    this.type = type;
  }

  public String file() {
    return file;
  }

  public String type() {
    return type;
  }

  /** The objects this kind of deposit carries, in the order of its rdeMenu. */
  public List<String> objUris() {
    return this == THIN
        ? List.of(RdeNs.HEADER, RdeNs.DOMAIN, RdeNs.REGISTRAR)
        : List.of(
            RdeNs.HEADER,
            RdeNs.CONTACT,
            RdeNs.HOST,
            RdeNs.DOMAIN,
            RdeNs.REGISTRAR,
            RdeNs.IDN,
            RdeNs.EPP_PARAMS,
            RdeNs.POLICY);
  }

  public static DepositMode fromFile(String file) {
    for (DepositMode m : values()) {
      if (m.file.equals(file)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown deposit type " + file);
  }
}
