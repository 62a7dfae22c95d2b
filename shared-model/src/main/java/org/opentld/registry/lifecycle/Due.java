package org.opentld.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;

/**
 * Objects with a lifecycle action due (transfer auto-approval, restore report deadline, purge),
 * read from the sparse due index (gsi3) by day and bucket. The index holds each object's next
 * action time only, and is eventually consistent: every action checks the object again.
 */
public final class Due {
  /** How far back {@link #names(Instant, int)} looks, so that missed runs catch up. */
  public static final int DEFAULT_LOOKBACK_DAYS = 45;

  private final RegistryContext ctx;

  public Due(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One object with an action due.
   *
   * @param objectType {@code domain} or {@code contact}
   */
  public record Entry(String objectType, String name, Instant dueAt) {}

  /** Entries due at or before {@code upTo}, looking back {@link #DEFAULT_LOOKBACK_DAYS}. */
  public List<Entry> names(Instant upTo, int limit) {
    LocalDate to = upTo.atZone(ZoneOffset.UTC).toLocalDate();
    return names(to.minusDays(DEFAULT_LOOKBACK_DAYS), upTo, limit);
  }

  /** Entries due from the start of {@code fromDay} up to {@code upTo}, in day order. */
  public List<Entry> names(LocalDate fromDay, Instant upTo, int limit) {
    return IndexScan.names(
        ctx.store(), RegistryTables.GSI3, fromDay, upTo, limit, Keys::due, Due::entry);
  }

  /** Parses a gsi3 sort key {@code <timestamp>#D#<name>} (C for contacts). */
  private static Entry entry(String sk, Object item) {
    if (sk == null) {
      return null;
    }
    String[] parts = sk.split("#", 3);
    if (parts.length != 3) {
      return null;
    }
    String type =
        switch (parts[1]) {
          case "D" -> "domain";
          case "C" -> "contact";
          case "H" -> "host";
          default -> parts[1];
        };
    return new Entry(type, parts[2], Instant.parse(parts[0]));
  }
}
