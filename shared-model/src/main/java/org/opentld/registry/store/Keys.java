package org.opentld.registry.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every key the registry writes, in one place (docs/data-model.md lists them). Index
 * partitions that could grow hot are spread over {@link #BUCKETS} buckets by a hash of the
 * object name.
 */
public final class Keys {
  /** Buckets per registrar, expiry day, due day and history month in the indexes. */
  public static final int BUCKETS = 16;

  public static final String META = "#META";
  public static final String LINKS = "#LINKS";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private Keys() {}

  public static int bucket(String name) {
    return Math.floorMod(name.hashCode(), BUCKETS);
  }

  public static String day(Instant t) {
    return DAY.format(t);
  }

  public static String month(Instant t) {
    return MONTH.format(t);
  }

  public static String tld(String tld) {
    return "TLD#" + tld;
  }

  public static String tldLabelSk(String label) {
    return "L#" + label;
  }

  public static String registrar(String id) {
    return "REGISTRAR#" + id;
  }

  public static String ledger(String registrarId) {
    return "LEDGER#" + registrarId;
  }

  public static String poll(String registrarId) {
    return "POLL#" + registrarId;
  }

  public static String domain(String name) {
    return "DOMAIN#" + name;
  }

  public static String host(String name) {
    return "HOST#" + name;
  }

  public static String contact(String id) {
    return "CONTACT#" + id;
  }

  /** Sort key of a link from a host or contact to the domain that uses it. */
  public static String linkSk(String domain) {
    return "D#" + domain;
  }

  public static String history(String roid) {
    return "HIST#" + roid;
  }

  /** gsi1 partition: a registrar's objects of one kind (D, H, C), bucketed. */
  public static String byRegistrar(String kind, String registrarId, String name) {
    return "R" + kind + "#" + registrarId + "#" + bucket(name);
  }

  public static String byRegistrar(String kind, String registrarId, int bucket) {
    return "R" + kind + "#" + registrarId + "#" + bucket;
  }

  /** gsi2 partition: domains expiring on a day, bucketed. */
  public static String byExpiry(Instant expiresAt, String name) {
    return "EXP#" + day(expiresAt) + "#" + bucket(name);
  }

  public static String byExpiry(String day, int bucket) {
    return "EXP#" + day + "#" + bucket;
  }

  /** gsi3 partition: objects with a lifecycle action due on a day, bucketed. */
  public static String due(Instant at, String name) {
    return "DUE#" + day(at) + "#" + bucket(name);
  }

  public static String due(String day, int bucket) {
    return "DUE#" + day + "#" + bucket;
  }

  /**
   * gsi4 partition for prefix searches: domains of a TLD (or hosts, with tld "") by the first
   * character of the name. A search needs at least that character before its wildcard.
   */
  public static String byPrefix(String kind, String tld, String name) {
    return "N" + kind + "#" + tld + "#" + (name.isEmpty() ? "" : name.substring(0, 1));
  }

  /** gsi1 partition of history: every change of one object by type and name. */
  public static String historyByObject(String type, String name) {
    return "HO#" + type + "#" + name;
  }

  /** gsi2 partition of history: every change in a month, bucketed. */
  public static String historyByMonth(Instant at, String id) {
    return "HM#" + month(at) + "#" + bucket(id);
  }

  public static String historyByMonth(String month, int bucket) {
    return "HM#" + month + "#" + bucket;
  }

  /** A fixed-width UTC timestamp whose string order is time order. */
  public static String ts(Instant t) {
    return TS.format(t);
  }

  /** A sort key that orders by time: fixed-width timestamp then a unique suffix. */
  public static String timeSk(Instant at, String id) {
    return ts(at) + "#" + id;
  }

  /**
   * Marker that the sponsor was told an auto-renewal failed for lack of funds, one per domain
   * and expiry, so that the daily retry does not repeat the notice.
   */
  public static String autoRenewNotice(String domain) {
    return "ARNOTICE#" + domain;
  }

  /**
   * Partition of the hosts-by-address index: one item per glue address of a host, {@code pk =
   * ip(canonical address)}, {@code sk = }{@link #ipHostSk}, written in the host's transactions.
   */
  public static String ip(String canonicalAddress) {
    return "IP#" + canonicalAddress;
  }

  /** Sort key of a host in the hosts-by-address index. */
  public static String ipHostSk(String hostName) {
    return "H#" + hostName;
  }
}
