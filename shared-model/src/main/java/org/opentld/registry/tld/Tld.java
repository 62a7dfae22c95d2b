package org.opentld.registry.tld;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.StatusValue;

/**
 * A top-level domain and its policy. Every number registry-rules.md calls a TLD setting is a
 * field here; defaults are the usual gTLD values.
 *
 * @param name the TLD in A-label form, without a leading dot (may have several labels)
 * @param prices minor units per operation and period in years; a period without its own price
 *     costs that many times the one-year price; RESTORE has one flat price under period 1
 * @param idnTables the IDN tables allowed for U-labels; empty means ASCII names only
 * @param clientStatuses the client* statuses registrars may set on domains of this TLD
 * @param authInfoTtlDays days a domain's authInfo works after it is set (RFC 9154 §4.2); 0 =
 *     until changed
 */
public record Tld(
    String name,
    String currency,
    int addGraceDays,
    int renewGraceDays,
    int autoRenewGraceDays,
    int transferGraceDays,
    int redemptionDays,
    int pendingDeleteDays,
    int restoreReportDays,
    int pendingTransferDays,
    int transferLockDays,
    int minPeriodYears,
    int maxPeriodYears,
    int maxExpiryYears,
    int maxCheckNames,
    int maxNameservers,
    int maxHostAddresses,
    int maxDsRecords,
    int authInfoTtlDays,
    Map<BillingOperation, Map<Integer, Long>> prices,
    List<IdnTable> idnTables,
    Set<StatusValue> clientStatuses,
    Instant createdAt,
    long version) {

  public Tld {
    prices = Map.copyOf(prices);
    idnTables = List.copyOf(idnTables);
    clientStatuses = clientStatuses.isEmpty() ? Set.of() : Set.copyOf(clientStatuses);
  }

  /** A TLD with the usual gTLD defaults and the given one-year prices in minor units. */
  public static Tld withDefaults(
      String name, String currency, long create, long renew, long transfer, long restore) {
    return new Tld(
        name,
        currency,
        5,
        5,
        45,
        5,
        30,
        5,
        7,
        5,
        60,
        1,
        10,
        10,
        50,
        13,
        10,
        8,
        0,
        Map.of(
            BillingOperation.CREATE, Map.of(1, create),
            BillingOperation.RENEW, Map.of(1, renew),
            BillingOperation.TRANSFER, Map.of(1, transfer),
            BillingOperation.RESTORE, Map.of(1, restore)),
        List.of(),
        EnumSet.copyOf(StatusValue.CLIENT_DOMAIN),
        Instant.EPOCH,
        0);
  }

  /** The standard (non-premium) price of an operation for a period. */
  public Money standardPrice(BillingOperation op, int years) {
    Map<Integer, Long> table = prices.get(op);
    if (table == null || !table.containsKey(1)) {
      throw new IllegalStateException("TLD " + name + " has no price for " + op);
    }
    if (op == BillingOperation.RESTORE) {
      return Money.of(table.get(1), currency);
    }
    Long exact = table.get(years);
    return Money.of(exact != null ? exact : table.get(1) * years, currency);
  }

  public Duration addGrace() {
    return Duration.ofDays(addGraceDays);
  }

  public Duration renewGrace() {
    return Duration.ofDays(renewGraceDays);
  }

  public Duration autoRenewGrace() {
    return Duration.ofDays(autoRenewGraceDays);
  }

  public Duration transferGrace() {
    return Duration.ofDays(transferGraceDays);
  }

  public Duration redemption() {
    return Duration.ofDays(redemptionDays);
  }

  public Duration pendingDelete() {
    return Duration.ofDays(pendingDeleteDays);
  }

  public Duration pendingTransfer() {
    return Duration.ofDays(pendingTransferDays);
  }

  public Tld withVersion(long newVersion) {
    return new Tld(
        name, currency, addGraceDays, renewGraceDays, autoRenewGraceDays, transferGraceDays,
        redemptionDays, pendingDeleteDays, restoreReportDays, pendingTransferDays,
        transferLockDays, minPeriodYears, maxPeriodYears, maxExpiryYears, maxCheckNames,
        maxNameservers, maxHostAddresses, maxDsRecords, authInfoTtlDays, prices, idnTables,
        clientStatuses,
        createdAt, newVersion);
  }

  /** This TLD with an authInfo time to live (RFC 9154 §4.2) of {@code days} (0 = none). */
  public Tld withAuthInfoTtlDays(int days) {
    return new Tld(
        name, currency, addGraceDays, renewGraceDays, autoRenewGraceDays, transferGraceDays,
        redemptionDays, pendingDeleteDays, restoreReportDays, pendingTransferDays,
        transferLockDays, minPeriodYears, maxPeriodYears, maxExpiryYears, maxCheckNames,
        maxNameservers, maxHostAddresses, maxDsRecords, days, prices, idnTables,
        clientStatuses, createdAt, version);
  }

  public Tld withIdnTables(List<IdnTable> tables) {
    return new Tld(
        name, currency, addGraceDays, renewGraceDays, autoRenewGraceDays, transferGraceDays,
        redemptionDays, pendingDeleteDays, restoreReportDays, pendingTransferDays,
        transferLockDays, minPeriodYears, maxPeriodYears, maxExpiryYears, maxCheckNames,
        maxNameservers, maxHostAddresses, maxDsRecords, authInfoTtlDays, prices, tables,
        clientStatuses,
        createdAt, version);
  }
}
