package org.opentld.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.Ids;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Store;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.Tld;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every operation shares: the store, the injected clock, the configuration, and the
 * building blocks that keep invariants in one place (versioned writes, history, poll
 * messages, money with its ledger, host and contact links).
 */
public final class RegistryContext {
  private static final long TLD_CACHE_MILLIS = 10_000;
  private final Store store;
  private final Clock clock;
  private final RegistryConfig config;
  private final Map<String, CachedTld> tldCache = new ConcurrentHashMap<>();

  private record CachedTld(Tld tld, long loadedAt) {}

  public RegistryContext(Store store, Clock clock, RegistryConfig config) {
    this.store = store;
    this.clock = clock;
    this.config = config;
  }

  public Store store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  public RegistryConfig config() {
    return config;
  }

  public Instant now() {
    return clock.instant();
  }

  public String newRoid() {
    return Ids.roid(now(), config.roidSuffix());
  }

  // ---- reads --------------------------------------------------------------------------

  /** The TLD, cached for a few seconds (policy changes take effect within that time). */
  public Optional<Tld> findTld(String name) {
    long t = System.currentTimeMillis();
    CachedTld c = tldCache.get(name);
    if (c != null && t - c.loadedAt < TLD_CACHE_MILLIS) {
      return Optional.ofNullable(c.tld);
    }
    Optional<Tld> tld = store.get(Keys.tld(name), Keys.META).map(Items::tld);
    tldCache.put(name, new CachedTld(tld.orElse(null), t));
    return tld;
  }

  public void forgetTld(String name) {
    tldCache.remove(name);
  }

  public Optional<Domain> findDomain(String name) {
    return store.get(Keys.domain(name), Keys.META).map(Items::domain);
  }

  public Domain domain(String name) {
    return findDomain(name)
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("domain " + name + " does not exist"));
  }

  public Optional<Host> findHost(String name) {
    return withLinkCount(Keys.host(name), Items::host);
  }

  public Host host(String name) {
    return findHost(name)
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("host " + name + " does not exist"));
  }

  public Optional<Contact> findContact(String id) {
    return withLinkCount(Keys.contact(id), Items::contact);
  }

  /**
   * Reads an object item and its {@code #LINKS} counter with one consistent query of the
   * object's partition (both sort keys start with '#').
   */
  private <T> Optional<T> withLinkCount(
      String pk, java.util.function.BiFunction<Map<String, AttributeValue>, Long, T> read) {
    Map<String, AttributeValue> meta = null;
    long links = 0;
    for (var item : store.queryPrefix(pk, "#", 2)) {
      String sk = item.get("sk").s();
      if (Keys.META.equals(sk)) {
        meta = item;
      } else if (Keys.LINKS.equals(sk)) {
        links = Items.number(item, "linkCount");
      }
    }
    return meta == null ? Optional.empty() : Optional.of(read.apply(meta, links));
  }

  public Contact contact(String id) {
    return findContact(id)
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("contact " + id + " does not exist"));
  }

  public Optional<Registrar> findRegistrar(String id) {
    return store.get(Keys.registrar(id), Keys.META).map(Items::registrar);
  }

  public Registrar registrar(String id) {
    return findRegistrar(id)
        .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("registrar " + id + " does not exist"));
  }

  // ---- writes -------------------------------------------------------------------------

  /**
   * Adds a versioned put: a new object (previous version 0) must not exist (else {@code
   * exists}); an existing one must still be at {@code previousVersion} (else the operation
   * lost a race and is retried).
   */
  public void putVersioned(
      Tx tx, Map<String, AttributeValue> item, long previousVersion, Supplier<? extends RegistryException> exists) {
    if (previousVersion == 0) {
      tx.putNew(item, exists);
    } else {
      tx.put(
          item,
          "#version = :expectedVersion",
          Map.of(":expectedVersion", AttributeValue.fromN(Long.toString(previousVersion))),
          () -> new RegistryException.ConcurrentModification("object changed concurrently"));
    }
  }

  /** Deletes an object if it is still at {@code version}. */
  public void deleteVersioned(Tx tx, String pk, long version) {
    tx.delete(
        pk,
        Keys.META,
        "#version = :expectedVersion",
        Map.of(":expectedVersion", AttributeValue.fromN(Long.toString(version))),
        () -> new RegistryException.ConcurrentModification("object changed concurrently"));
  }

  /** Adds the history record of a change. */
  public HistoryRecord history(
      Tx tx,
      Caller caller,
      String objectType,
      String objectName,
      String roid,
      String action,
      Object before,
      Object after) {
    Instant now = now();
    JsonNode b = before == null ? null : ItemCodec.toTree(before);
    JsonNode a = after == null ? null : ItemCodec.toTree(after);
    HistoryRecord h =
        new HistoryRecord(
            Ids.timeOrdered(now),
            roid,
            objectType,
            objectName,
            action,
            caller.registrarId(),
            caller.actor(),
            caller.clTrid(),
            caller.svTrid(),
            now,
            b,
            a,
            caller.request());
    tx.putNew(Items.history(h), () -> new RegistryException.ConcurrentModification("history id clash"));
    return h;
  }

  /** Queues a poll message for a registrar in the same transaction. */
  public PollMessage poll(
      Tx tx,
      String registrarId,
      PollMessage.Kind kind,
      String message,
      String objectType,
      String objectName,
      PendingTransfer transfer,
      Instant expiresAt) {
    PollMessage m =
        new PollMessage(
            registrarId,
            Ids.timeOrdered(now()),
            now(),
            kind,
            message,
            objectType,
            objectName,
            transfer,
            expiresAt);
    tx.putNew(Items.poll(m), () -> new RegistryException.ConcurrentModification("poll id clash"));
    return m;
  }

  /**
   * Charges a registrar: the balance update (which DynamoDB refuses if balance plus credit
   * would go below the charge: 2104) and the ledger entry, in the same transaction.
   */
  public LedgerEntry debit(
      Tx tx,
      Caller caller,
      String registrarId,
      Money amount,
      String kind,
      String tld,
      String objectName,
      int years) {
    if (amount.minor() < 0) {
      throw new IllegalArgumentException("a debit is not negative");
    }
    return money(tx, caller, registrarId, amount.negate(), kind, tld, objectName, years, null, true);
  }

  /** Credits a registrar (refund or deposit) with its ledger entry. */
  public LedgerEntry credit(
      Tx tx,
      Caller caller,
      String registrarId,
      Money amount,
      String kind,
      String tld,
      String objectName,
      int years,
      String description) {
    if (amount.minor() < 0) {
      throw new IllegalArgumentException("a credit is not negative");
    }
    return money(tx, caller, registrarId, amount, kind, tld, objectName, years, description, false);
  }

  private LedgerEntry money(
      Tx tx,
      Caller caller,
      String registrarId,
      Money signed,
      String kind,
      String tld,
      String objectName,
      int years,
      String description,
      boolean checkFunds) {
    Instant now = now();
    LedgerEntry e =
        new LedgerEntry(
            registrarId,
            Ids.timeOrdered(now),
            now,
            signed.minor(),
            signed.currency(),
            kind,
            tld,
            objectName,
            years,
            caller.svTrid(),
            description);
    String amount = Long.toString(signed.minor());
    String cost = Long.toString(-signed.minor());
    String condition =
        checkFunds
            ? "attribute_exists(#pk) AND #currency = :cur AND #available >= :cost"
            : "attribute_exists(#pk) AND #currency = :cur";
    Map<String, AttributeValue> values =
        checkFunds
            ? Map.of(
                ":amt", AttributeValue.fromN(amount),
                ":cost", AttributeValue.fromN(cost),
                ":cur", AttributeValue.fromS(signed.currency()),
                ":one", AttributeValue.fromN("1"))
            : Map.of(
                ":amt", AttributeValue.fromN(amount),
                ":cur", AttributeValue.fromS(signed.currency()),
                ":one", AttributeValue.fromN("1"));
    tx.update(
        Keys.registrar(registrarId),
        Keys.META,
        "ADD #balance :amt, #available :amt, #version :one",
        condition,
        values,
        () ->
            new RegistryException.BillingFailure(
                "registrar "
                    + registrarId
                    + " lacks funds for "
                    + signed.negate()
                    + " (or bills in another currency)"));
    tx.putNew(Items.ledger(e), () -> new RegistryException.ConcurrentModification("ledger id clash"));
    return e;
  }

  /** Links a domain to a host or contact: the object must exist (else {@code missing}). */
  public void link(Tx tx, String objectPk, String domain, Supplier<? extends RegistryException> missing) {
    tx.update(
        objectPk,
        Keys.LINKS,
        "ADD #linkCount :one",
        "attribute_exists(#pk)",
        Map.of(":one", AttributeValue.fromN("1")),
        missing);
    tx.put(Items.link(objectPk, domain), null, null, null);
  }

  /** Removes a domain's link to a host or contact. */
  public void unlink(Tx tx, String objectPk, String domain) {
    tx.update(
        objectPk,
        Keys.LINKS,
        "ADD #linkCount :minus",
        "attribute_exists(#pk)",
        Map.of(":minus", AttributeValue.fromN("-1")),
        () -> new RegistryException.ConcurrentModification("linked object vanished"));
    tx.delete(objectPk, Keys.linkSk(domain), null, null, null);
  }

  /**
   * Runs a read-modify-write operation, retrying when another writer changed the same items
   * first; after the last attempt the conflict surfaces as 2400 with nothing written.
   */
  public <T> T withRetries(Supplier<T> operation) {
    int attempts = 12;
    for (int i = 1; ; i++) {
      try {
        return operation.get();
      } catch (RegistryException.ConcurrentModification e) {
        if (i >= attempts) {
          throw new RegistryException.CommandFailed(
              "the object is being changed by other commands; try again");
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(2, 8 << Math.min(i, 5)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new RegistryException.CommandFailed("interrupted");
        }
      }
    }
  }
}
