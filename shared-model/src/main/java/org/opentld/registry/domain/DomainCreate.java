package org.opentld.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.Pricing;
import org.opentld.registry.tld.TldLabel;

/**
 * Domain create (RFC 5731 §3.2.1): one transaction writes the domain (only if the name is
 * free), charges the sponsor and writes its ledger entry, links the contacts and hosts, starts
 * the add grace period and writes history. Fifty concurrent creates of one name leave exactly
 * one domain and one charge.
 *
 * <p>Errors: 2005 malformed name; 2306 TLD not ours, reserved name or IDN table; 2004 period,
 * too many nameservers or DS records, or fee below the price (RFC 8748 §3.8); 2303 a contact
 * or host that does not exist; 2302 name taken; 2104 not enough funds.
 */
public final class DomainCreate {
  private final RegistryContext ctx;

  public DomainCreate(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The create command.
   *
   * @param acceptedFee the fee the client agreed to (fee extension), or null
   */
  public record Command(
      String name,
      int years,
      String registrant,
      Map<Domain.ContactType, String> contacts,
      List<String> nameservers,
      List<DsData> dsData,
      String authInfo,
      Money acceptedFee) {}

  /** The created domain and what it cost. */
  public record Result(Domain domain, Money fee, boolean premium) {}

  public Result create(Caller caller, Command cmd) {
    // A transaction that collided with another one on the registrar or a linked host/contact
    // wrote nothing (DynamoDB's TransactionConflict), so the whole create is safely retried.
    return ctx.withRetries(() -> attempt(caller, cmd));
  }

  private Result attempt(Caller caller, Command cmd) {
    DomainRules.Target t = DomainRules.target(ctx, cmd.name());
    var tld = t.tld();
    DomainRules.checkPeriod(tld, cmd.years());
    List<String> hosts = normaliseHosts(cmd.nameservers());
    if (hosts.size() > tld.maxNameservers()) {
      throw new RegistryException.ValueRange("at most " + tld.maxNameservers() + " nameservers");
    }
    List<DsData> ds = cmd.dsData() == null ? List.of() : cmd.dsData();
    if (ds.size() > tld.maxDsRecords()) {
      throw new RegistryException.ValueRange("at most " + tld.maxDsRecords() + " DS records");
    }
    Optional<TldLabel> label = Pricing.label(ctx.store(), tld.name(), t.label());
    if (label.isPresent() && label.get().reserved()) {
      throw new RegistryException.PolicyError(
          t.name() + " is reserved: " + label.get().reservedReason());
    }
    Money fee = Pricing.price(tld, label, BillingOperation.CREATE, cmd.years());
    if (cmd.acceptedFee() != null
        && (!cmd.acceptedFee().currency().equals(fee.currency())
            || cmd.acceptedFee().minor() < fee.minor())) {
      throw new RegistryException.ValueRange(
          "the fee for " + t.name() + " is " + fee + ", not " + cmd.acceptedFee());
    }
    Set<String> contactIds = new LinkedHashSet<>();
    if (cmd.registrant() != null) {
      contactIds.add(cmd.registrant());
    }
    if (cmd.contacts() != null) {
      contactIds.addAll(cmd.contacts().values());
    }

    Instant now = ctx.now();
    String name = t.name().ascii();
    Domain d =
        Domain.builder()
            .name(name)
            .roid(ctx.newRoid())
            .tld(tld.name())
            .registrarId(caller.registrarId())
            .createdBy(caller.registrarId())
            .registrant(cmd.registrant())
            .contacts(cmd.contacts())
            .nameservers(hosts)
            .dsData(ds)
            .createdAt(now)
            .expiresAt(DomainRules.plusYears(now, cmd.years()))
            .authInfoHash(DomainRules.hashAuthInfo(cmd.authInfo()))
            .authInfoExpiresAt(DomainRules.authInfoExpiry(tld, cmd.authInfo(), now))
            .gracePeriods(
                fee.isZero()
                    ? List.of()
                    : List.of(
                        new GracePeriod(
                            GracePeriod.Type.ADD,
                            now.plus(tld.addGrace()),
                            caller.registrarId(),
                            fee)))
            .idnTable(t.idnTable())
            .version(1)
            .build();

    Tx tx = ctx.store().tx();
    ctx.putVersioned(
        tx, Items.domain(d), 0, () -> new RegistryException.ObjectExists(name + " is taken"));
    if (!fee.isZero()) {
      ctx.debit(tx, caller, caller.registrarId(), fee, "create", tld.name(), name, cmd.years());
    }
    for (String id : contactIds) {
      ctx.link(
          tx,
          Keys.contact(id),
          name,
          () -> new RegistryException.ObjectDoesNotExist("contact " + id + " does not exist"));
    }
    for (String h : hosts) {
      ctx.link(
          tx,
          Keys.host(h),
          name,
          () -> new RegistryException.ObjectDoesNotExist("host " + h + " does not exist"));
    }
    ctx.history(tx, caller, "domain", name, d.roid(), "create", null, d);
    tx.execute();
    return new Result(d, fee, Pricing.isPremium(label));
  }

  /** Nameserver names in normal form, without duplicates. */
  static List<String> normaliseHosts(List<String> in) {
    if (in == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String h : in) {
      out.add(DomainName.parse(h).ascii());
    }
    return new ArrayList<>(out);
  }
}
