package org.opentld.registry.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.Tld;

/**
 * Domain update (RFC 5731 §3.2.5, DS data by RFC 5910 §5.2.5): removals are applied before
 * additions, each checked against the state left by the previous step, and the new state is
 * written in one transaction with a version condition, so concurrent updates of one domain
 * are serialised by retry and none is lost.
 *
 * <p>Host and contact links follow the set of objects the domain uses, not the roles: a
 * contact that stays in one role while leaving another keeps its single link, and one that
 * only moves between roles is neither linked nor unlinked.
 *
 * <p>Errors: 2303 domain, or an added contact or host, does not exist; 2201 not the sponsor;
 * 2304 the domain is deleted (redemption), has a pending transfer, or has
 * client/serverUpdateProhibited and the command is not only lifting statuses including that
 * lock; 2306 a status a registrar may not set (server* by a registrar, anything outside the
 * TLD's client statuses), adding a value already present or removing one that is absent, a
 * second contact of one type; 2004 more nameservers or DS records than the TLD allows;
 * 2005 malformed host name.
 */
public final class DomainUpdate {
  private final RegistryContext ctx;

  public DomainUpdate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** A contact in one role (RFC 5731 §3.2.5 {@code domain:contact type=…}). */
  public record ContactRef(Domain.ContactType type, String id) {}

  /**
   * The update command; null or empty collections mean "no change".
   *
   * @param newRegistrant the new registrant id; null keeps it, "" removes it (RFC 5731 allows
   *     an empty {@code domain:registrant} for registries without one)
   * @param newAuthInfo the new authInfo; null keeps it, "" removes it ({@code domain:null})
   * @param removeAllDs secDNS {@code rem/all}: remove every DS record before adding
   */
  public record Command(
      String name,
      List<String> addNameservers,
      List<String> removeNameservers,
      List<ContactRef> addContacts,
      List<ContactRef> removeContacts,
      Set<StatusValue> addStatuses,
      Set<StatusValue> removeStatuses,
      String newRegistrant,
      String newAuthInfo,
      List<DsData> addDs,
      List<DsData> removeDs,
      boolean removeAllDs) {

    /** True if the command only lifts statuses (the one thing a locked domain accepts). */
    boolean onlyRemovesStatuses() {
      return empty(addNameservers)
          && empty(removeNameservers)
          && empty(addContacts)
          && empty(removeContacts)
          && empty(addStatuses)
          && newRegistrant == null
          && newAuthInfo == null
          && empty(addDs)
          && empty(removeDs)
          && !removeAllDs;
    }
  }

  /** The domain as stored after the update. */
  public record Result(Domain domain) {}

  public Result update(Caller caller, Command cmd) {
    String name = DomainName.parse(cmd.name()).ascii();
    return ctx.withRetries(() -> updateOnce(caller, name, cmd));
  }

  private Result updateOnce(Caller caller, String name, Command cmd) {
    Domain d = ctx.domain(name);
    DomainRules.requireSponsor(caller, d);
    DomainRules.requireNotDeleted(d, "update");
    if (d.transferPending()) {
      throw new RegistryException.StatusProhibits(name + " is pendingTransfer");
    }
    Tld tld =
        ctx.findTld(d.tld())
            .orElseThrow(() -> new RegistryException.CommandFailed("TLD " + d.tld() + " missing"));
    checkStatusPermissions(caller, tld, cmd);
    checkUpdateLock(d, cmd);

    // Statuses: removals first, so that one command may swap a status for another.
    Set<StatusValue> statuses = EnumSet.noneOf(StatusValue.class);
    statuses.addAll(d.statuses());
    for (StatusValue s : nullSafe(cmd.removeStatuses())) {
      if (!statuses.remove(s)) {
        throw new RegistryException.PolicyError(name + " does not have status " + s.epp());
      }
    }
    for (StatusValue s : nullSafe(cmd.addStatuses())) {
      if (!statuses.add(s)) {
        throw new RegistryException.PolicyError(name + " already has status " + s.epp());
      }
    }

    List<String> nameservers = new ArrayList<>(d.nameservers());
    for (String h : DomainCreate.normaliseHosts(cmd.removeNameservers())) {
      if (!nameservers.remove(h)) {
        throw new RegistryException.PolicyError(h + " is not a nameserver of " + name);
      }
    }
    for (String h : DomainCreate.normaliseHosts(cmd.addNameservers())) {
      if (nameservers.contains(h)) {
        throw new RegistryException.PolicyError(h + " is already a nameserver of " + name);
      }
      nameservers.add(h);
    }
    if (nameservers.size() > tld.maxNameservers()) {
      throw new RegistryException.ValueRange("at most " + tld.maxNameservers() + " nameservers");
    }

    Map<Domain.ContactType, String> contacts = new EnumMap<>(Domain.ContactType.class);
    contacts.putAll(d.contacts());
    for (ContactRef c : nullSafe(cmd.removeContacts())) {
      if (!c.id().equals(contacts.get(c.type()))) {
        throw new RegistryException.PolicyError(
            c.id() + " is not the " + c.type().epp() + " contact of " + name);
      }
      contacts.remove(c.type());
    }
    for (ContactRef c : nullSafe(cmd.addContacts())) {
      String present = contacts.get(c.type());
      if (present != null) {
        // The registry keeps one contact per role; replacing needs rem and add together.
        throw new RegistryException.PolicyError(
            name + " already has " + present + " as " + c.type().epp() + " contact");
      }
      contacts.put(c.type(), c.id());
    }
    String registrant = d.registrant();
    if (cmd.newRegistrant() != null) {
      registrant = cmd.newRegistrant().isEmpty() ? null : cmd.newRegistrant();
    }

    List<DsData> ds = cmd.removeAllDs() ? new ArrayList<>() : new ArrayList<>(d.dsData());
    for (DsData r : nullSafe(cmd.removeDs())) {
      if (!ds.remove(r)) {
        throw new RegistryException.PolicyError(
            "DS record with keyTag " + r.keyTag() + " is not on " + name);
      }
    }
    for (DsData a : nullSafe(cmd.addDs())) {
      if (ds.contains(a)) {
        throw new RegistryException.PolicyError(
            "DS record with keyTag " + a.keyTag() + " is already on " + name);
      }
      ds.add(a);
    }
    if (ds.size() > tld.maxDsRecords()) {
      throw new RegistryException.ValueRange("at most " + tld.maxDsRecords() + " DS records");
    }

    String authInfoHash = d.authInfoHash();
    java.time.Instant authInfoExpiresAt = d.authInfoExpiresAt();
    if (cmd.newAuthInfo() != null) {
      authInfoHash = DomainRules.hashAuthInfo(cmd.newAuthInfo());
      authInfoExpiresAt = DomainRules.authInfoExpiry(tld, cmd.newAuthInfo(), ctx.now());
    }

    Domain next =
        d.toBuilder()
            .statuses(statuses)
            .nameservers(nameservers)
            .contacts(contacts)
            .registrant(registrant)
            .dsData(ds)
            .authInfoHash(authInfoHash)
            .authInfoExpiresAt(authInfoExpiresAt)
            .updatedAt(ctx.now())
            .updatedBy(caller.registrarId())
            .version(d.version() + 1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    Set<String> oldContacts = DomainEffects.contactIds(d);
    Set<String> newContacts = DomainEffects.contactIds(next);
    for (String id : newContacts) {
      if (!oldContacts.contains(id)) {
        ctx.link(
            tx,
            Keys.contact(id),
            name,
            () -> new RegistryException.ObjectDoesNotExist("contact " + id + " does not exist"));
      }
    }
    for (String id : oldContacts) {
      if (!newContacts.contains(id)) {
        ctx.unlink(tx, Keys.contact(id), name);
      }
    }
    Set<String> oldHosts = new HashSet<>(d.nameservers());
    Set<String> newHosts = new HashSet<>(next.nameservers());
    for (String h : newHosts) {
      if (!oldHosts.contains(h)) {
        ctx.link(
            tx,
            Keys.host(h),
            name,
            () -> new RegistryException.ObjectDoesNotExist("host " + h + " does not exist"));
      }
    }
    for (String h : oldHosts) {
      if (!newHosts.contains(h)) {
        ctx.unlink(tx, Keys.host(h), name);
      }
    }
    ctx.history(tx, caller, "domain", name, d.roid(), "update", d, next);
    tx.execute();
    return new Result(next);
  }

  /**
   * Registrars may change only the TLD's client statuses; server statuses are the registry's
   * (RFC 5731 §2.3), and the registry itself may change client and server ones. Statuses that
   * operations set (pendingDelete, linked, ok, …) cannot be changed by anyone here.
   */
  private static void checkStatusPermissions(Caller caller, Tld tld, Command cmd) {
    Set<StatusValue> touched = EnumSet.noneOf(StatusValue.class);
    touched.addAll(nullSafe(cmd.addStatuses()));
    touched.addAll(nullSafe(cmd.removeStatuses()));
    for (StatusValue s : touched) {
      boolean server = StatusValue.SERVER.contains(s);
      boolean client = StatusValue.CLIENT_DOMAIN.contains(s);
      if (server && !caller.superuser()) {
        throw new RegistryException.PolicyError(
            s.epp() + " is a server status; only the registry sets it");
      }
      if (client && !tld.clientStatuses().contains(s) && !caller.superuser()) {
        throw new RegistryException.PolicyError(s.epp() + " is not offered by ." + tld.name());
      }
      if (!server && !client) {
        throw new RegistryException.PolicyError(s.epp() + " cannot be set by an update");
      }
    }
  }

  /**
   * client/serverUpdateProhibited refuse every update (RFC 5731 §2.3) except the one that lifts
   * the lock: a command that only removes statuses, among them every update lock present.
   * Changes must come in a later command, so that an unlock is always a separate, visible step.
   */
  private static void checkUpdateLock(Domain d, Command cmd) {
    Set<StatusValue> locks = EnumSet.noneOf(StatusValue.class);
    for (StatusValue s : d.statuses()) {
      if (s.prohibitsUpdate()) {
        locks.add(s);
      }
    }
    if (locks.isEmpty()) {
      return;
    }
    if (cmd.onlyRemovesStatuses() && nullSafe(cmd.removeStatuses()).containsAll(locks)) {
      return;
    }
    throw new RegistryException.StatusProhibits(
        d.name() + " has status " + locks.iterator().next().epp() + ", which prohibits update");
  }

  private static <T> Collection<T> nullSafe(Collection<T> c) {
    return c == null ? List.of() : c;
  }

  private static boolean empty(Collection<?> c) {
    return c == null || c.isEmpty();
  }
}
