package org.opentld.registry.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.host.Host;
import org.opentld.registry.host.IpAddresses;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Store;

/**
 * The public's read-only view of the registry for WHOIS, RDAP and DAS: lookups by name or
 * handle and bounded searches. Personal data is not removed here; {@link ContactRedaction}
 * decides what of a contact may be shown.
 *
 * <p>Errors: 2005 for a malformed name or pattern, 2004 for a search pattern too short.
 */
public final class PublicLookup {
  /** Searches never return more than this many objects. */
  public static final int MAX_RESULTS = 100;

  private final RegistryContext ctx;

  public PublicLookup(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** A domain by A-label or U-label name, including one in redemption. */
  public Optional<Domain> domain(String name) {
    return ctx.findDomain(DomainName.parse(name).ascii());
  }

  /** A host (nameserver) by name. */
  public Optional<Host> host(String name) {
    return ctx.findHost(DomainName.parse(name).ascii());
  }

  /** The hosts a domain delegates to, in its order; missing ones are skipped. */
  public List<Host> nameservers(Domain d) {
    List<Host> out = new ArrayList<>();
    for (String ns : d.nameservers()) {
      ctx.findHost(ns).ifPresent(out::add);
    }
    return out;
  }

  public Optional<Contact> contact(String id) {
    return ctx.findContact(id);
  }

  public Optional<Registrar> registrar(String id) {
    return ctx.findRegistrar(id);
  }

  /** A registrar by its IANA id. */
  public Optional<Registrar> registrarByIanaId(long ianaId) {
    return new RegistrarAdmin(ctx)
        .list().stream().filter(r -> r.ianaId() != null && r.ianaId() == ianaId).findFirst();
  }

  /**
   * Registrars whose name matches a pattern with an optional trailing {@code *},
   * case-insensitively.
   */
  public List<Registrar> searchRegistrars(String pattern, int limit) {
    Pattern p = Pattern.of(pattern, false);
    return new RegistrarAdmin(ctx)
        .list().stream()
            .filter(r -> r.name() != null && p.matches(r.name().toLowerCase(Locale.ROOT)))
            .limit(Math.min(limit, MAX_RESULTS))
            .toList();
  }

  /**
   * Domains matching {@code label*.tld}, {@code label*} (every TLD) or an exact name. At least
   * one character must come before the wildcard (RFC 9082 §4.1 allows servers to require it).
   *
   * @return up to {@code limit} domains in name order, plus one more if there are more
   */
  public List<Domain> searchDomains(String pattern, int limit) {
    int max = Math.min(limit, MAX_RESULTS) + 1;
    String lower = pattern.strip().toLowerCase(Locale.ROOT);
    int star = lower.indexOf('*');
    if (star < 0) {
      return domain(lower).map(List::of).orElse(List.of());
    }
    String prefix = DomainName.parseLabelPrefix(lower.substring(0, star));
    String rest = lower.substring(star + 1);
    List<String> tlds = new ArrayList<>();
    if (rest.isEmpty()) {
      ctx.store()
          .queryIndex("gsi1", "TLDS", null, null, 1000, null)
          .items()
          .forEach(i -> tlds.add(Items.tld(i).name()));
    } else if (rest.startsWith(".")) {
      tlds.add(DomainName.parse(rest.substring(1)).ascii());
    } else {
      throw new RegistryException.ValueSyntax("a wildcard may only end the first label");
    }
    List<Domain> out = new ArrayList<>();
    for (String tld : tlds) {
      Store.Page page =
          ctx.store()
              .queryIndex(
                  RegistryTables.GSI4,
                  Keys.byPrefix("D", tld, prefix),
                  prefix,
                  prefix + "\uffff",
                  max - out.size(),
                  null);
      page.items().forEach(i -> out.add(Items.domain(i)));
      if (out.size() >= max) {
        break;
      }
    }
    return out;
  }

  /** Hosts whose name starts with the part before a trailing {@code *}, or one exact name. */
  public List<Host> searchHosts(String pattern, int limit) {
    int max = Math.min(limit, MAX_RESULTS) + 1;
    String lower = pattern.strip().toLowerCase(Locale.ROOT);
    int star = lower.indexOf('*');
    if (star < 0) {
      return host(lower).map(List::of).orElse(List.of());
    }
    if (star != lower.length() - 1) {
      throw new RegistryException.ValueSyntax("only a trailing wildcard is supported");
    }
    String prefix = lower.substring(0, star);
    if (prefix.isEmpty()) {
      throw new RegistryException.ValueRange("give at least one character before '*'");
    }
    List<Host> out = new ArrayList<>();
    Store.Page page =
        ctx.store()
            .queryIndex(
                RegistryTables.GSI4,
                Keys.byPrefix("H", "", prefix),
                prefix,
                prefix + "\uffff",
                max,
                null);
    for (var item : page.items()) {
      ctx.findHost(item.get("name").s()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Hosts with a glue address, in name order (RFC 9082 §3.2.2 nameserver search by {@code ip}).
   * The address is matched in canonical form, so {@code 2001:DB8:0::1} finds {@code 2001:db8::1}.
   * Only subordinate hosts have addresses here: external hosts keep their glue elsewhere.
   *
   * @return up to {@code limit} hosts, plus one more if there are more
   * @throws RegistryException.ValueSyntax if {@code ip} is not an IPv4 or IPv6 literal (2005)
   */
  public List<Host> hostsByIp(String ip, int limit) {
    int max = Math.min(limit, MAX_RESULTS) + 1;
    String address = IpAddresses.canonical(ip);
    List<Host> out = new ArrayList<>();
    for (var item : ctx.store().queryPrefix(Keys.ip(address), "H#", max)) {
      ctx.findHost(item.get("host").s()).ifPresent(out::add);
    }
    return out;
  }

  /** A search pattern with an optional trailing wildcard. */
  record Pattern(String prefix, boolean wildcard) {
    static Pattern of(String text, boolean requirePrefix) {
      String p = text.strip().toLowerCase(Locale.ROOT);
      int star = p.indexOf('*');
      if (star >= 0 && star != p.length() - 1) {
        throw new RegistryException.ValueSyntax("only a trailing wildcard is supported");
      }
      String prefix = star < 0 ? p : p.substring(0, star);
      if (requirePrefix && prefix.isEmpty()) {
        throw new RegistryException.ValueRange("give at least one character before '*'");
      }
      return new Pattern(prefix, star >= 0);
    }

    boolean matches(String value) {
      return wildcard ? value.startsWith(prefix) : value.equals(prefix);
    }
  }
}
