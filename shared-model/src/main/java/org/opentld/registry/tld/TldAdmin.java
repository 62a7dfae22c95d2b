package org.opentld.registry.tld;

import java.util.List;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/** The registry's operations on TLDs: create and change policy, reserved and premium lists. */
public final class TldAdmin {
  private final RegistryContext ctx;

  public TldAdmin(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** Adds a TLD; 2302 if it exists. */
  public Tld create(Caller caller, Tld tld) {
    DomainName name = DomainName.parse(tld.name());
    Tld stored = tld.withVersion(1);
    if (!name.ascii().equals(tld.name())) {
      throw new RegistryException.ValueSyntax("TLD must be given in lower-case A-label form");
    }
    Tx tx = ctx.store().tx();
    tx.putNew(Items.tld(stored), () -> new RegistryException.ObjectExists("TLD " + tld.name() + " exists"));
    ctx.history(tx, caller, "tld", tld.name(), "TLD-" + tld.name(), "create", null, stored);
    tx.execute();
    ctx.forgetTld(tld.name());
    return stored;
  }

  /** Replaces a TLD's policy if it is still at the given version. */
  public Tld update(Caller caller, Tld changed) {
    Tld current =
        find(changed.name())
            .orElseThrow(() -> new RegistryException.ObjectDoesNotExist("no TLD " + changed.name()));
    if (current.version() != changed.version()) {
      throw new RegistryException.ConcurrentModification("TLD changed since it was read");
    }
    Tld next = changed.withVersion(current.version() + 1);
    Tx tx = ctx.store().tx();
    ctx.putVersioned(tx, Items.tld(next), current.version(), null);
    ctx.history(tx, caller, "tld", next.name(), "TLD-" + next.name(), "update", current, next);
    tx.execute();
    ctx.forgetTld(next.name());
    return next;
  }

  public Optional<Tld> find(String name) {
    return ctx.store().get(Keys.tld(name), Keys.META).map(Items::tld);
  }

  /** Every TLD. */
  public List<Tld> list() {
    return ctx.store().queryIndex("gsi1", "TLDS", null, null, 1000, null).items().stream()
        .map(Items::tld)
        .toList();
  }

  /** Sets (or replaces) a label's reserved reason and/or premium prices. */
  public TldLabel putLabel(Caller caller, TldLabel label) {
    String a = DomainName.parse(label.label()).ascii();
    if (a.contains(".")) {
      throw new RegistryException.ValueSyntax("a label has no dots: " + label.label());
    }
    TldLabel stored = new TldLabel(label.tld(), a, label.reservedReason(), label.premiumPrices());
    if (find(label.tld()).isEmpty()) {
      throw new RegistryException.ObjectDoesNotExist("no TLD " + label.tld());
    }
    Tx tx = ctx.store().tx();
    tx.put(Items.tldLabel(stored), null, null, null);
    ctx.history(tx, caller, "tld", label.tld(), "TLD-" + label.tld(), "label", null, stored);
    tx.execute();
    return stored;
  }

  /** Removes a label from the lists. */
  public void removeLabel(Caller caller, String tld, String label) {
    // The history snapshot is a record (a JSON object), not the bare label string.
    TldLabel before =
        Pricing.label(ctx.store(), tld, label).orElse(new TldLabel(tld, label, null, null));
    Tx tx = ctx.store().tx();
    tx.delete(Keys.tld(tld), Keys.tldLabelSk(label), null, null, null);
    ctx.history(tx, caller, "tld", tld, "TLD-" + tld, "unlabel", before, null);
    tx.execute();
  }

  /** The reserved and premium labels of a TLD. */
  public List<TldLabel> labels(String tld) {
    return ctx.store().queryPrefix(Keys.tld(tld), "L#", 100_000).stream()
        .map(Items::tldLabel)
        .toList();
  }
}
