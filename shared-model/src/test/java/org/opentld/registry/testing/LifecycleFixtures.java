package org.opentld.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.host.Host;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;

/**
 * Test helpers for the domain lifecycle tests: hosts and contacts written straight to the store
 * (their own commands live elsewhere), link state, stored-state snapshots and code assertions.
 */
public final class LifecycleFixtures {
  private final TestRegistry t;

  public LifecycleFixtures(TestRegistry t) {
    this.t = t;
  }

  /** An external host (no addresses) sponsored by {@code registrarId}, with its link counter. */
  public void host(String registrarId, String name) {
    Host h =
        Host.builder()
            .name(name)
            .roid(t.ctx.newRoid())
            .registrarId(registrarId)
            .createdBy(registrarId)
            .createdAt(t.clock.instant())
            .version(1)
            .build();
    Tx tx = t.ctx.store().tx();
    tx.putNew(Items.host(h), null);
    tx.putNew(Items.linkCounter(Keys.host(name)), null);
    tx.execute();
  }

  /** A minimal contact sponsored by {@code registrarId}, with its link counter. */
  public void contact(String registrarId, String id) {
    Contact c =
        Contact.builder()
            .id(id)
            .roid(t.ctx.newRoid())
            .registrarId(registrarId)
            .createdBy(registrarId)
            .email(id + "@example.net")
            .createdAt(t.clock.instant())
            .version(1)
            .build();
    Tx tx = t.ctx.store().tx();
    tx.putNew(Items.contact(c), null);
    tx.putNew(Items.linkCounter(Keys.contact(id)), null);
    tx.execute();
  }

  /** A domain created through DomainCreate with contacts and nameservers. */
  public Domain domain(
      String registrarId,
      String name,
      int years,
      String registrant,
      Map<Domain.ContactType, String> contacts,
      List<String> hosts) {
    return t.registry
        .domainCreate
        .create(
            TestRegistry.as(registrarId),
            new DomainCreate.Command(
                name, years, registrant, contacts, hosts, List.of(), "secret-auth-1", null))
        .domain();
  }

  public long hostLinks(String name) {
    return t.ctx.host(name).linkCount();
  }

  public long contactLinks(String id) {
    return t.ctx.contact(id).linkCount();
  }

  /** The link items (D#name) under a host or contact partition. */
  public List<String> linkItems(String objectPk) {
    return t.ctx.store().queryPrefix(objectPk, "D#", 1000).stream()
        .map(i -> i.get("domain").s())
        .toList();
  }

  /** History records of a ROID, oldest first, by action. */
  public List<String> historyActions(String roid) {
    return t.ctx.store().queryPrefix(Keys.history(roid), "", 1000).stream()
        .map(i -> Items.history(i).action())
        .toList();
  }

  /** Rewrites the stored domain (test set-up of states other commands would reach). */
  public Domain rewrite(String name, UnaryOperator<Domain.Builder> change) {
    Domain d = t.ctx.domain(name);
    Domain next = change.apply(d.toBuilder()).version(d.version() + 1).build();
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(tx, Items.domain(next), d.version(), null);
    tx.execute();
    return next;
  }

  public static LocalDate day(Domain d) {
    return d.expiresAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  public static void assertCode(Runnable r, ResultCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
  }

  /**
   * Asserts that a failing command left the domain, both balances, ledgers and poll queues as
   * they were.
   */
  public void assertUnchanged(String name, Runnable failing, ResultCode code) {
    Domain before = t.ctx.findDomain(name).orElse(null);
    long a = t.balance("reg-a");
    long b = t.balance("reg-b");
    int la = t.ledger("reg-a").size();
    int lb = t.ledger("reg-b").size();
    int pa = t.polls("reg-a").size();
    int pb = t.polls("reg-b").size();
    int hist = before == null ? 0 : historyActions(before.roid()).size();
    assertCode(failing, code);
    assertThat(t.ctx.findDomain(name).orElse(null)).isEqualTo(before);
    assertThat(t.balance("reg-a")).isEqualTo(a);
    assertThat(t.balance("reg-b")).isEqualTo(b);
    assertThat(t.ledger("reg-a")).hasSize(la);
    assertThat(t.ledger("reg-b")).hasSize(lb);
    assertThat(t.polls("reg-a")).hasSize(pa);
    assertThat(t.polls("reg-b")).hasSize(pb);
    if (before != null) {
      assertThat(historyActions(before.roid())).hasSize(hist);
    }
  }

  /** The invariant of registry-rules "Money": the ledger sums to the balance. */
  public void assertLedgersBalance() {
    for (String id : List.of("reg-a", "reg-b")) {
      assertThat(t.ledgerSum(id)).as("ledger sum of " + id).isEqualTo(t.balance(id));
    }
  }
}
