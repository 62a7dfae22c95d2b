package org.opentld.registry.store;

import java.time.Instant;
import java.util.Map;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Explicit mappers between the registry's records and their DynamoDB items: the record's
 * attributes plus the keys and index attributes of docs/data-model.md and a {@code type}.
 */
public final class Items {
  private Items() {}

  private static Map<String, AttributeValue> base(Object record, String type, String pk, String sk) {
    Map<String, AttributeValue> item = ItemCodec.toItem(record);
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromS(sk));
    item.put("type", AttributeValue.fromS(type));
    return item;
  }

  private static void index(Map<String, AttributeValue> item, String gsi, String pk, String sk) {
    item.put(gsi + "pk", AttributeValue.fromS(pk));
    item.put(gsi + "sk", AttributeValue.fromS(sk));
  }

  public static Map<String, AttributeValue> domain(Domain d) {
    Map<String, AttributeValue> item = base(d, "domain", Keys.domain(d.name()), Keys.META);
    index(item, "gsi1", Keys.byRegistrar("D", d.registrarId(), d.name()), d.name());
    if (d.expiresAt() != null) {
      index(
          item,
          "gsi2",
          Keys.byExpiry(d.expiresAt(), d.name()),
          Keys.ts(d.expiresAt()) + "#" + d.name());
    }
    index(item, "gsi4", Keys.byPrefix("D", d.tld(), d.name()), d.name());
    Instant next = d.nextActionAt();
    if (next != null) {
      index(item, "gsi3", Keys.due(next, d.name()), Keys.ts(next) + "#D#" + d.name());
    }
    return item;
  }

  public static Domain domain(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, Domain.class);
  }

  public static Map<String, AttributeValue> host(Host h) {
    Map<String, AttributeValue> item = base(h, "host", Keys.host(h.name()), Keys.META);
    item.remove("linkCount");
    index(item, "gsi1", Keys.byRegistrar("H", h.registrarId(), h.name()), h.name());
    index(item, "gsi4", Keys.byPrefix("H", "", h.name()), h.name());
    return item;
  }

  public static Host host(Map<String, AttributeValue> item, long linkCount) {
    return ItemCodec.fromItem(item, Host.class).toBuilder().linkCount(linkCount).build();
  }

  public static Map<String, AttributeValue> contact(Contact c) {
    Map<String, AttributeValue> item = base(c, "contact", Keys.contact(c.id()), Keys.META);
    item.remove("linkCount");
    index(item, "gsi1", Keys.byRegistrar("C", c.registrarId(), c.id()), c.id());
    if (c.transferPending()) {
      Instant at = c.transfer().actionBy();
      index(item, "gsi3", Keys.due(at, c.id()), Keys.ts(at) + "#C#" + c.id());
    }
    return item;
  }

  public static Contact contact(Map<String, AttributeValue> item, long linkCount) {
    return ItemCodec.fromItem(item, Contact.class).toBuilder().linkCount(linkCount).build();
  }

  /** The link counter item of a host or contact, created with it at zero. */
  public static Map<String, AttributeValue> linkCounter(String pk) {
    return Map.of(
        "pk", AttributeValue.fromS(pk),
        "sk", AttributeValue.fromS(Keys.LINKS),
        "type", AttributeValue.fromS("links"),
        "linkCount", AttributeValue.fromN("0"));
  }

  /** A link from a host or contact (pk) to a domain that uses it. */
  public static Map<String, AttributeValue> link(String pk, String domain) {
    return Map.of(
        "pk", AttributeValue.fromS(pk),
        "sk", AttributeValue.fromS(Keys.linkSk(domain)),
        "type", AttributeValue.fromS("link"),
        "domain", AttributeValue.fromS(domain));
  }

  public static Map<String, AttributeValue> registrar(Registrar r) {
    Map<String, AttributeValue> item = base(r, "registrar", Keys.registrar(r.id()), Keys.META);
    item.put("available", AttributeValue.fromN(Long.toString(r.balance() + r.creditLimit())));
    index(item, "gsi1", "REGISTRARS", r.id());
    return item;
  }

  public static Registrar registrar(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, Registrar.class);
  }

  public static Map<String, AttributeValue> tld(Tld t) {
    Map<String, AttributeValue> item = base(t, "tld", Keys.tld(t.name()), Keys.META);
    index(item, "gsi1", "TLDS", t.name());
    return item;
  }

  public static Tld tld(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, Tld.class);
  }

  public static Map<String, AttributeValue> tldLabel(TldLabel l) {
    return base(l, "label", Keys.tld(l.tld()), Keys.tldLabelSk(l.label()));
  }

  public static TldLabel tldLabel(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, TldLabel.class);
  }

  public static Map<String, AttributeValue> history(HistoryRecord h) {
    Map<String, AttributeValue> item =
        base(h, "history", Keys.history(h.roid()), Keys.timeSk(h.at(), h.id()));
    index(item, "gsi1", Keys.historyByObject(h.objectType(), h.objectName()), Keys.timeSk(h.at(), h.id()));
    index(item, "gsi2", Keys.historyByMonth(h.at(), h.id()), Keys.timeSk(h.at(), h.id()));
    return item;
  }

  public static HistoryRecord history(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, HistoryRecord.class);
  }

  public static Map<String, AttributeValue> poll(PollMessage m) {
    return base(m, "poll", Keys.poll(m.registrarId()), m.id());
  }

  public static PollMessage poll(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, PollMessage.class);
  }

  public static Map<String, AttributeValue> ledger(LedgerEntry e) {
    return base(e, "ledger", Keys.ledger(e.registrarId()), Keys.timeSk(e.at(), e.id()));
  }

  public static LedgerEntry ledger(Map<String, AttributeValue> item) {
    return ItemCodec.fromItem(item, LedgerEntry.class);
  }

  public static long number(Map<String, AttributeValue> item, String attr) {
    AttributeValue v = item.get(attr);
    return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
  }

  /** An item of the hosts-by-address index: host {@code hostName} has glue {@code address}. */
  public static Map<String, AttributeValue> hostIp(String address, String hostName) {
    return Map.of(
        "pk", AttributeValue.fromS(Keys.ip(address)),
        "sk", AttributeValue.fromS(Keys.ipHostSk(hostName)),
        "type", AttributeValue.fromS("hostIp"),
        "host", AttributeValue.fromS(hostName),
        "address", AttributeValue.fromS(address));
  }
}
