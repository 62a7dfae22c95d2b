package org.opentld.registry.lookup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.host.Host;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.tld.TldAdmin;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The panel's searches over domains, hosts and contacts, each served by an index and never by
 * a scan: by sponsoring registrar (gsi1, with an optional name prefix, since its sort key is the
 * name), by name prefix (gsi4) and by expiry date (gsi2); further criteria filter what the index
 * returned. Bounded: at most {@link #MAX_LIMIT} results, and {@code truncated} says when more
 * matched or the index read stopped early.
 *
 * <p>Errors: 2003 a domain search without prefix, registrar or expiry range; 2004 an expiry range
 * over {@value #MAX_EXPIRY_DAYS} days or reversed.
 */
public final class ObjectSearch {
  public static final int MAX_LIMIT = 200;
  public static final int MAX_EXPIRY_DAYS = 366;

  /** Index items read per partition at most, before filtering. */
  private static final int READ_CAP = 5_000;

  private final RegistryContext ctx;

  public ObjectSearch(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** Results and whether there were more. */
  public record Page<T>(List<T> items, boolean truncated) {}

  /**
   * A domain search; null fields do not restrict.
   *
   * @param prefix start of the name (A-label, any case)
   * @param expiresFrom first expiry day (UTC), with {@code expiresTo}
   */
  public record DomainQuery(
      String prefix,
      String tld,
      String registrarId,
      StatusValue status,
      LocalDate expiresFrom,
      LocalDate expiresTo,
      int limit) {}

  public Page<Domain> domains(DomainQuery q) {
    int limit = limit(q.limit());
    String prefix = prefix(q.prefix());
    Instant from = q.expiresFrom() == null ? null : q.expiresFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = q.expiresTo() == null ? null : q.expiresTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Predicate<Domain> filter =
        d -> (q.tld() == null || q.tld().equals(d.tld()))
            && (q.registrarId() == null || q.registrarId().equals(d.registrarId()))
            && (prefix == null || d.name().startsWith(prefix))
            && (q.status() == null || d.effectiveStatuses().contains(q.status()))
            && (from == null || (d.expiresAt() != null && !d.expiresAt().isBefore(from)))
            && (to == null || (d.expiresAt() != null && d.expiresAt().isBefore(to)));
    Collector<Domain> out = new Collector<>(limit, filter, Comparator.comparing(Domain::name));
    if (q.registrarId() != null) {
      for (int b = 0; b < Keys.BUCKETS; b++) {
        read(out, RegistryTables.GSI1, Keys.byRegistrar("D", q.registrarId(), b), prefix, Items::domain);
      }
    } else if (prefix != null) {
      List<String> tlds =
          q.tld() != null ? List.of(q.tld()) : new TldAdmin(ctx).list().stream().map(t -> t.name()).toList();
      for (String tld : tlds) {
        read(out, RegistryTables.GSI4, Keys.byPrefix("D", tld, prefix), prefix, Items::domain);
      }
    } else if (from != null && to != null) {
      long days = Duration.between(from, to).toDays();
      if (days <= 0 || days > MAX_EXPIRY_DAYS) {
        throw new RegistryException.ValueRange(
            "an expiry range covers 1 to " + MAX_EXPIRY_DAYS + " days");
      }
      out.order = Comparator.comparing(Domain::expiresAt).thenComparing(Domain::name);
      for (LocalDate day = q.expiresFrom(); !day.isAfter(q.expiresTo()); day = day.plusDays(1)) {
        for (int b = 0; b < Keys.BUCKETS; b++) {
          read(out, RegistryTables.GSI2, Keys.byExpiry(day.toString(), b), null, Items::domain);
        }
        if (out.full()) {
          break;
        }
      }
    } else {
      throw new RegistryException.MissingParameter(
          "search domains by name prefix, registrar or expiry range");
    }
    return out.page();
  }

  /** Hosts of a registrar (optionally by prefix), or by name prefix across registrars. */
  public Page<Host> hosts(String rawPrefix, String registrarId, int limit) {
    String prefix = prefix(rawPrefix);
    Collector<Map<String, AttributeValue>> out =
        new Collector<>(limit(limit), i -> true, Comparator.comparing(i -> i.get("name").s()));
    if (registrarId != null) {
      for (int b = 0; b < Keys.BUCKETS; b++) {
        read(out, RegistryTables.GSI1, Keys.byRegistrar("H", registrarId, b), prefix, i -> i);
      }
    } else if (prefix != null) {
      read(out, RegistryTables.GSI4, Keys.byPrefix("H", "", prefix), prefix, i -> i);
    } else {
      throw new RegistryException.MissingParameter("search hosts by name prefix or registrar");
    }
    Page<Map<String, AttributeValue>> p = out.page();
    List<Host> hosts = new ArrayList<>();
    p.items().forEach(i -> ctx.findHost(i.get("name").s()).ifPresent(hosts::add));
    return new Page<>(hosts, p.truncated());
  }

  /** Contacts of a registrar by id prefix, or (registrar null) of every registrar. */
  public Page<Contact> contacts(String rawPrefix, String registrarId, int limit) {
    String prefix = rawPrefix == null || rawPrefix.isBlank() ? null : rawPrefix.strip();
    Collector<Map<String, AttributeValue>> out =
        new Collector<>(limit(limit), i -> true, Comparator.comparing(i -> i.get("id").s()));
    List<String> registrars =
        registrarId != null
            ? List.of(registrarId)
            : new RegistrarAdmin(ctx).list().stream().map(r -> r.id()).toList();
    for (String r : registrars) {
      for (int b = 0; b < Keys.BUCKETS; b++) {
        read(out, RegistryTables.GSI1, Keys.byRegistrar("C", r, b), prefix, i -> i);
      }
    }
    Page<Map<String, AttributeValue>> p = out.page();
    List<Contact> contacts = new ArrayList<>();
    p.items().forEach(i -> ctx.findContact(i.get("id").s()).ifPresent(contacts::add));
    return new Page<>(contacts, p.truncated());
  }

  private <T> void read(
      Collector<T> out,
      String index,
      String pk,
      String skPrefix,
      Function<Map<String, AttributeValue>, T> map) {
    String from = skPrefix;
    String to = skPrefix == null ? null : skPrefix + "\uffff";
    var page = ctx.store().queryIndex(index, pk, from, to, READ_CAP, null);
    if (page.next() != null) {
      out.truncated = true;
    }
    page.items().forEach(i -> out.offer(map.apply(i)));
  }

  private static int limit(int requested) {
    return requested <= 0 ? 50 : Math.min(requested, MAX_LIMIT);
  }

  private static String prefix(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip().toLowerCase(Locale.ROOT);
  }

  /** Gathers filtered results, then sorts and cuts them to the limit. */
  private static final class Collector<T> {
    final int limit;
    final Predicate<T> filter;
    Comparator<T> order;
    final List<T> items = new ArrayList<>();
    boolean truncated;

    Collector(int limit, Predicate<T> filter, Comparator<T> order) {
      this.limit = limit;
      this.filter = filter;
      this.order = order;
    }

    void offer(T t) {
      if (filter.test(t)) {
        items.add(t);
      }
    }

    boolean full() {
      return items.size() > limit;
    }

    Page<T> page() {
      items.sort(order);
      boolean more = truncated || items.size() > limit;
      return new Page<>(List.copyOf(items.subList(0, Math.min(limit, items.size()))), more);
    }
  }
}
