package org.opentld.registry.functions.jobs.rde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.functions.jobs.rde.DepositReader.Node;
import org.opentld.registry.host.Host;
import org.opentld.registry.host.HostRules;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.RegistryTables;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.Tld;

/**
 * Loads an RFC 9022 deposit into an empty registry (a migration from another operator, or the
 * verifier's trial restore). Every object is written with the items the registry itself
 * writes ({@link Items}), a history record, and for domains the host and contact links and
 * counters that {@code DomainCreate} would have written, so the result behaves as if it had
 * been built over EPP. What the deposit cannot carry (authInfo, grace period charges, registrar
 * credentials and money) is reported, and each object that cannot be loaded is skipped with a
 * reason; the deposit's TLD must exist first (policy and prices are not escrowed).
 *
 * <p>The deposit is read five times from a local file, each pass streaming (constant memory,
 * apart from the set of registrar ids): registrars, contacts, domains, hosts (placed under
 * their superordinate domain), then the domains' links.
 */
public final class RdeImport {
  private static final int MAX_LISTED = 1000;

  /**
   * @param requireEmpty refuse a registry that already has registrars
   * @param lenient a reference to an object not in the deposit is noted, not skipped (a
   *     differential or thin deposit holds only part of the registry)
   */
  public record Options(boolean requireEmpty, boolean lenient) {
    public static final Options MIGRATION = new Options(true, false);
  }

  /**
   * What an import did.
   *
   * @param header the counts the deposit's header declares, by RFC 9022 namespace
   * @param imported objects written, by kind (domain, host, contact, registrar)
   * @param skipped one line per object not loaded, with the reason (at most 1000 listed)
   * @param skippedCount how many objects were skipped in all
   * @param notes what the deposit cannot carry and how the import filled it in
   */
  public record Report(
      String tld,
      String depositId,
      String type,
      Instant watermark,
      Map<String, Long> header,
      Map<String, Long> imported,
      List<String> skipped,
      long skippedCount,
      List<String> notes) {
    public boolean ok() {
      return skippedCount == 0;
    }
  }

  private final RegistryContext ctx;
  private final Options options;
  private final Caller caller;
  private final Map<String, Long> imported = new TreeMap<>();
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, Long> noted = new TreeMap<>();
  private final Set<String> registrars = new HashSet<>();
  private long skippedCount;
  private String tldName;
  private Tld tld;
  private String depositId;
  private String type;
  private Instant watermark;
  private Map<String, Long> header = new LinkedHashMap<>();

  private RdeImport(Registry target, Options options) {
    this.ctx = target.context();
    this.options = options;
    this.caller = Caller.system("rde-import", "RDE-IMPORT");
  }

  /**
   * Imports the deposit XML (plain or gzip-compressed) at {@code deposit} into {@code target}.
   *
   * @throws IllegalStateException if the registry is not empty (when required), the TLD is
   *     missing or the file is not a deposit
   */
  public static Report run(Registry target, Path deposit, Options options) {
    return new RdeImport(target, options).load(deposit);
  }

  private Report load(Path file) {
    pass(file, n -> {
      if (n.ns().equals(RdeNs.HEADER)) {
        tldName = n.text("tld");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Node c : n.all("count")) {
          counts.put(c.attr("uri"), Long.parseLong(c.text().strip()));
        }
        header = counts;
      }
    });
    if (tldName == null) {
      throw new IllegalStateException("the deposit has no header naming its TLD");
    }
    tld = ctx.findTld(tldName).orElseThrow(() -> new IllegalStateException(
        "TLD " + tldName + " does not exist in the target registry: create it (with its"
            + " policy and prices, which escrow does not carry) before importing"));
    if (options.requireEmpty()
        && !ctx.store().queryIndex(RegistryTables.GSI1, "REGISTRARS", null, null, 1, null)
            .items().isEmpty()) {
      throw new IllegalStateException("the target registry is not empty: it has registrars");
    }
    pass(file, n -> {
      if (n.ns().equals(RdeNs.REGISTRAR) && n.name().equals("registrar")) {
        guard("registrar", n.text("id"), () -> registrar(n));
      }
    });
    pass(file, n -> {
      if (n.ns().equals(RdeNs.CONTACT) && n.name().equals("contact")) {
        guard("contact", n.text("id"), () -> contact(n));
      }
    });
    pass(file, n -> {
      if (n.ns().equals(RdeNs.DOMAIN) && n.name().equals("domain")) {
        guard("domain", n.text("name"), () -> domain(n));
      }
    });
    pass(file, n -> {
      if (n.ns().equals(RdeNs.HOST) && n.name().equals("host")) {
        guard("host", n.text("name"), () -> host(n));
      }
    });
    pass(file, n -> {
      if (n.ns().equals(RdeNs.DOMAIN) && n.name().equals("domain")) {
        guard("domain links", n.text("name"), () -> links(n));
      }
    });
    List<String> notes = new ArrayList<>();
    noted.forEach((what, count) -> notes.add(count + " x " + what));
    return new Report(tldName, depositId, type, watermark, header, imported,
        List.copyOf(skipped), skippedCount, notes);
  }

  private void pass(Path file, Consumer<Node> onContent) {
    try (InputStream in = DepositMaker.open(file)) {
      DepositReader.read(in, new DepositReader.Handler() {
        @Override
        public void deposit(String t, String id, Instant w) {
          type = t;
          depositId = id;
          watermark = w;
        }

        @Override
        public void content(Node object) {
          onContent.accept(object);
        }
      });
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the deposit is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void guard(String kind, String name, Runnable load) {
    try {
      load.run();
    } catch (Skip s) {
      skip(kind + " " + name + ": " + s.getMessage());
    } catch (RegistryException e) {
      skip(kind + " " + name + ": " + e.code() + " " + e.getMessage());
    } catch (RuntimeException e) {
      skip(kind + " " + name + ": " + e);
    }
  }

  private void skip(String line) {
    skippedCount++;
    if (skipped.size() < MAX_LISTED) {
      skipped.add(line);
    }
  }

  private void note(String what) {
    noted.merge(what, 1L, Long::sum);
  }

  private void count(String kind) {
    imported.merge(kind, 1L, Long::sum);
  }

  /** A reason an object is not loaded. */
  private static final class Skip extends RuntimeException {
    Skip(String message) {
      super(message, null, false, false);
    }
  }

  // ---- registrars, contacts ---------------------------------------------------------------

  private void registrar(Node n) {
    Registrar r = RdeObjects.registrar(n, tld.currency());
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.registrar(r), 0,
        () -> new RegistryException.ObjectExists("registrar " + r.id() + " exists"));
    ctx.history(tx, caller, "registrar", r.id(), "REGISTRAR-" + r.id(), "rde-import", null, r);
    tx.execute();
    registrars.add(r.id());
    count("registrar");
    note("registrar without EPP credentials, balance, credit limit or abuse contact (not"
        + " escrowed): set them before it logs in");
  }

  private void contact(Node n) {
    Contact c = RdeObjects.contact(n, this::note);
    requireRegistrar(c.registrarId());
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.contact(c), 0,
        () -> new RegistryException.ObjectExists("contact " + c.id() + " exists"));
    tx.putNew(Items.linkCounter(Keys.contact(c.id())),
        () -> new RegistryException.ObjectExists("contact " + c.id() + " exists"));
    ctx.history(tx, caller, "contact", c.id(), c.roid(), "rde-import", null, c);
    tx.execute();
    count("contact");
    note("contact without authInfo (not escrowed): its sponsor sets a new one");
  }

  private void requireRegistrar(String id) {
    if (registrars.contains(id) || ctx.findRegistrar(id).isPresent()) {
      return;
    }
    if (!options.lenient()) {
      throw new Skip("sponsoring registrar " + id + " is not in the deposit");
    }
    note("object whose sponsor is not in this deposit (differential or thin)");
  }

  // ---- domains and hosts ------------------------------------------------------------------

  private void domain(Node n) {
    Domain d = RdeObjects.domain(n, tld, this::note);
    if (!d.tld().equals(tld.name())) {
      throw new Skip("not under ." + tld.name());
    }
    requireRegistrar(d.registrarId());
    // Links come in the last pass, once hosts exist; subordinate hosts attach in the host pass.
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(d), 0,
        () -> new RegistryException.ObjectExists("domain " + d.name() + " exists"));
    ctx.history(tx, caller, "domain", d.name(), d.roid(), "rde-import", null, d);
    tx.execute();
    count("domain");
  }

  private void host(Node n) {
    Host parsed = RdeObjects.host(n, this::note);
    requireRegistrar(parsed.registrarId());
    HostRules.Placement p = HostRules.place(ctx, DomainName.parse(parsed.name()));
    Host h = parsed.toBuilder().superordinateDomain(p.superordinate()).build();
    Domain parent = null;
    if (p.subordinate()) {
      parent = ctx.findDomain(p.superordinate()).orElseThrow(() -> new Skip(
          "superordinate domain " + p.superordinate() + " is not in the deposit"));
      if (h.inetV4().isEmpty() && h.inetV6().isEmpty()) {
        throw new Skip("subordinate host without an address");
      }
    } else if (!h.inetV4().isEmpty() || !h.inetV6().isEmpty()) {
      note("external host with addresses: addresses dropped (RFC 5732 §3.2.1)");
      h = h.toBuilder().inetV4(List.of()).inetV6(List.of()).build();
    }
    Tx tx = ctx.store().tx();
    String name = h.name();
    ctx.putVersioned(tx, Items.host(h), 0,
        () -> new RegistryException.ObjectExists("host " + name + " exists"));
    tx.putNew(Items.linkCounter(Keys.host(name)),
        () -> new RegistryException.ObjectExists("host " + name + " exists"));
    for (String a : h.inetV4()) {
      tx.put(Items.hostIp(a, name), null, null, null);
    }
    for (String a : h.inetV6()) {
      tx.put(Items.hostIp(a, name), null, null, null);
    }
    if (parent != null) {
      List<String> subs = new ArrayList<>(parent.subordinateHosts());
      subs.add(name);
      Domain next = parent.toBuilder().subordinateHosts(subs).version(parent.version() + 1)
          .build();
      ctx.putVersioned(tx, Items.domain(next), parent.version(), null);
    }
    ctx.history(tx, caller, "host", name, h.roid(), "rde-import", null, h);
    tx.execute();
    count("host");
  }

  /**
   * Links a domain to its contacts and hosts (counter and link item each, as {@code
   * DomainCreate} does). A reference to an object that was not loaded is dropped from the
   * domain, so that no domain points at nothing.
   */
  private void links(Node n) {
    String name = n.text("name");
    Domain d = ctx.findDomain(name).orElse(null);
    if (d == null) {
      return; // skipped in the domain pass, already reported
    }
    Set<String> contacts = new LinkedHashSet<>();
    if (d.registrant() != null) {
      contacts.add(d.registrant());
    }
    contacts.addAll(d.contacts().values());
    Set<String> missing = new LinkedHashSet<>();
    for (String c : contacts) {
      if (ctx.findContact(c).isEmpty()) {
        missing.add("contact " + c);
      }
    }
    for (String h : d.nameservers()) {
      if (ctx.findHost(h).isEmpty()) {
        missing.add("host " + h);
      }
    }
    Domain next = d;
    if (!missing.isEmpty()) {
      if (!options.lenient()) {
        skip("domain " + name + ": refers to objects not loaded, dropped: " + missing);
      } else {
        note("reference to an object not in this deposit dropped");
      }
      Map<Domain.ContactType, String> kept = new LinkedHashMap<>(d.contacts());
      kept.values().removeIf(c -> missing.contains("contact " + c));
      next = d.toBuilder()
          .registrant(d.registrant() != null && missing.contains("contact " + d.registrant())
              ? null : d.registrant())
          .contacts(kept)
          .nameservers(d.nameservers().stream().filter(h -> !missing.contains("host " + h))
              .toList())
          .version(d.version() + 1)
          .build();
    }
    Tx tx = ctx.store().tx();
    if (next != d) {
      ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    }
    Set<String> linked = new LinkedHashSet<>();
    if (next.registrant() != null) {
      linked.add(next.registrant());
    }
    linked.addAll(next.contacts().values());
    for (String c : linked) {
      ctx.link(tx, Keys.contact(c), name,
          () -> new RegistryException.ObjectDoesNotExist("contact " + c + " vanished"));
    }
    for (String h : new LinkedHashSet<>(next.nameservers())) {
      ctx.link(tx, Keys.host(h), name,
          () -> new RegistryException.ObjectDoesNotExist("host " + h + " vanished"));
    }
    if (tx.size() > 0) {
      tx.execute();
    }
  }
}
