package org.opentld.registry.registrar;

import java.util.List;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.LedgerEntry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * The registry's operations on registrar accounts: onboarding, credentials, deposits and
 * credit limits, and the ledger statement. Balance changes always go with a ledger entry.
 */
public final class RegistrarAdmin {
  private final RegistryContext ctx;

  public RegistrarAdmin(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** A new registrar account with its password hashed; fails with 2302 if the id is taken. */
  public Registrar create(
      Caller caller,
      String id,
      String name,
      Long ianaId,
      String password,
      Set<String> certFingerprints,
      List<String> ipAllowlist,
      String currency,
      long creditLimit,
      String email,
      String abuseEmail) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,15}")) {
      throw new RegistryException.ValueSyntax("registrar id must be 3-16 letters, digits, . _ -");
    }
    if (password == null || password.length() < 8) {
      throw new RegistryException.PolicyError("password must have at least 8 characters");
    }
    for (String cidr : ipAllowlist) {
      Cidr.parse(cidr);
    }
    var now = ctx.now();
    Registrar r =
        new Registrar(
            id,
            name,
            ianaId,
            Registrar.Status.ACTIVE,
            PasswordHasher.hashPassword(password),
            normaliseFingerprints(certFingerprints),
            ipAllowlist,
            0,
            creditLimit,
            currency,
            email,
            null,
            null,
            null,
            abuseEmail,
            null,
            now,
            now,
            1);
    Tx tx = ctx.store().tx();
    tx.putNew(Items.registrar(r), () -> new RegistryException.ObjectExists("registrar " + id + " exists"));
    ctx.history(tx, caller, "registrar", id, "REGISTRAR-" + id, "create", null, redact(r));
    tx.execute();
    return r;
  }

  /** Adds prepaid funds with a ledger entry. */
  public LedgerEntry deposit(Caller caller, String registrarId, Money amount, String note) {
    if (amount.minor() <= 0) {
      throw new RegistryException.ValueRange("a deposit must be positive");
    }
    Tx tx = ctx.store().tx();
    LedgerEntry e =
        ctx.credit(tx, caller, registrarId, amount, "deposit", null, null, 0, note);
    tx.execute();
    return e;
  }

  /** Replaces a registrar's settings (not its money) with a version check. */
  public Registrar update(Caller caller, Registrar changed) {
    return ctx.withRetries(
        () -> {
          Registrar current = ctx.registrar(changed.id());
          Registrar next =
              new Registrar(
                  current.id(),
                  changed.name(),
                  changed.ianaId(),
                  changed.status(),
                  changed.passwordHash(),
                  normaliseFingerprints(changed.certFingerprints()),
                  changed.ipAllowlist(),
                  current.balance(),
                  changed.creditLimit(),
                  current.currency(),
                  changed.email(),
                  changed.phone(),
                  changed.url(),
                  changed.whoisServer(),
                  changed.abuseEmail(),
                  changed.abusePhone(),
                  current.createdAt(),
                  ctx.now(),
                  current.version() + 1,
                  changed.address());
          Tx tx = ctx.store().tx();
          ctx.putVersioned(tx, Items.registrar(next), current.version(), null);
          ctx.history(
              tx, caller, "registrar", next.id(), "REGISTRAR-" + next.id(), "update",
              redact(current), redact(next));
          tx.execute();
          return next;
        });
  }

  /** Changes a registrar's password (EPP login newPW, panel reset). */
  public Registrar changePassword(Caller caller, String registrarId, String newPassword) {
    if (newPassword == null || newPassword.length() < 8) {
      throw new RegistryException.PolicyError("password must have at least 8 characters");
    }
    Registrar r = ctx.registrar(registrarId);
    return update(caller, withPasswordHash(r, PasswordHasher.hashPassword(newPassword)));
  }

  /** The registrar's ledger, oldest first (up to {@code limit} entries). */
  public List<LedgerEntry> ledger(String registrarId, int limit) {
    return ctx.store().queryPrefix(Keys.ledger(registrarId), "", limit).stream()
        .map(Items::ledger)
        .toList();
  }

  /** Every registrar, by id. */
  public List<Registrar> list() {
    return ctx.store().queryIndex("gsi1", "REGISTRARS", null, null, 10_000, null).items().stream()
        .map(Items::registrar)
        .toList();
  }

  /** The ledger, newest first (up to {@code limit} entries). */
  public List<LedgerEntry> ledgerNewestFirst(String registrarId, int limit) {
    return ctx.store().page(Keys.ledger(registrarId), "", limit, null, false).items().stream()
        .map(Items::ledger)
        .toList();
  }

  /** Suspends (EPP logins and commands refused) or reactivates a registrar. */
  public Registrar setStatus(Caller caller, String registrarId, Registrar.Status status) {
    return change(caller, registrarId, r -> copy(r, status, r.ipAllowlist(), r.certFingerprints(), r.creditLimit()));
  }

  /** Replaces the source address allowlist (CIDR blocks; empty: any address). 2005 if malformed. */
  public Registrar setIpAllowlist(Caller caller, String registrarId, List<String> cidrs) {
    List<String> clean = cidrs.stream().map(String::strip).toList();
    clean.forEach(Cidr::parse);
    return change(caller, registrarId, r -> copy(r, r.status(), clean, r.certFingerprints(), r.creditLimit()));
  }

  /** Replaces the client certificate SHA-256 fingerprints. 2005 if one is not 64 hex digits. */
  public Registrar setCertFingerprints(Caller caller, String registrarId, Set<String> fingerprints) {
    Set<String> clean = normaliseFingerprints(fingerprints);
    return change(caller, registrarId, r -> copy(r, r.status(), r.ipAllowlist(), clean, r.creditLimit()));
  }

  /** Sets the credit limit (in the registrar's currency, not negative). */
  public Registrar setCreditLimit(Caller caller, String registrarId, Money limit) {
    if (limit.minor() < 0) {
      throw new RegistryException.ValueRange("a credit limit is not negative");
    }
    return change(caller, registrarId, r -> {
      if (!r.currency().equals(limit.currency())) {
        throw new RegistryException.ValueRange("registrar " + registrarId + " bills in " + r.currency());
      }
      return copy(r, r.status(), r.ipAllowlist(), r.certFingerprints(), limit.minor());
    });
  }

  private Registrar change(
      Caller caller, String registrarId, java.util.function.UnaryOperator<Registrar> f) {
    return ctx.withRetries(() -> update(caller, f.apply(ctx.registrar(registrarId))));
  }

  private static Registrar copy(
      Registrar r, Registrar.Status status, List<String> ips, Set<String> certs, long creditLimit) {
    return new Registrar(
        r.id(), r.name(), r.ianaId(), status, r.passwordHash(), certs, ips, r.balance(),
        creditLimit, r.currency(), r.email(), r.phone(), r.url(), r.whoisServer(),
        r.abuseEmail(), r.abusePhone(), r.createdAt(), r.updatedAt(), r.version(), r.address());
  }

  static Registrar withPasswordHash(Registrar r, String hash) {
    return new Registrar(
        r.id(), r.name(), r.ianaId(), r.status(), hash, r.certFingerprints(), r.ipAllowlist(),
        r.balance(), r.creditLimit(), r.currency(), r.email(), r.phone(), r.url(),
        r.whoisServer(), r.abuseEmail(), r.abusePhone(), r.createdAt(), r.updatedAt(),
        r.version(), r.address());
  }

  /** The registrar without its password hash, for history records. */
  static Registrar redact(Registrar r) {
    return withPasswordHash(r, null);
  }

  static Set<String> normaliseFingerprints(Set<String> in) {
    if (in == null) {
      return Set.of();
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String f : in) {
      String hex = f.replace(":", "").toUpperCase(java.util.Locale.ROOT);
      if (!hex.matches("[0-9A-F]{64}")) {
        throw new RegistryException.ValueSyntax("certificate fingerprint must be SHA-256 hex");
      }
      out.add(hex);
    }
    return out;
  }
}
