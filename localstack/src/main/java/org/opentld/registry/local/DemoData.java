package org.opentld.registry.local;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.IdnTable;
import org.opentld.registry.tld.Tld;
import org.opentld.registry.tld.TldLabel;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/**
 * The local stack's demo data, seeded once (a restart with the same data folder keeps it): the
 * TLD {@code test} with reserved and premium names and a Latin IDN table, an admin user and a
 * demo registrar with a funded balance.
 */
public final class DemoData {
  public static final String TLD = "test";
  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin-demo-password";
  public static final String REGISTRAR_ID = "demo-registrar";
  public static final String REGISTRAR_PASSWORD = "demo-registrar-pass";

  private DemoData() {}

  /** What the seed left in place. */
  public record Seeded(boolean createdNow, Money registrarBalance) {}

  public static Seeded seed(Registry registry, PrintStream out) {
    Caller admin = Caller.admin("local-seed", "SV-SEED");
    boolean fresh = registry.tlds.find(TLD).isEmpty();
    if (fresh) {
      registry.tlds.create(
          admin,
          Tld.withDefaults(TLD, "USD", 1000, 1000, 1000, 5000)
              .withAuthInfoTtlDays(30)
              .withIdnTables(
                  List.of(new IdnTable("latn", List.of("00DF-00F6", "00F8-00FF", "0100-017F")))));
      registry.tlds.putLabel(admin, new TldLabel(TLD, "nic", "registry operator", null));
      registry.tlds.putLabel(admin, new TldLabel(TLD, "example", "RFC 2606", null));
      registry.tlds.putLabel(
          admin,
          new TldLabel(
              TLD,
              "gold",
              null,
              Map.of(
                  BillingOperation.CREATE, 100_000L,
                  BillingOperation.RENEW, 100_000L,
                  BillingOperation.TRANSFER, 100_000L,
                  BillingOperation.RESTORE, 5000L)));
      out.println("      TLD ." + TLD + " with reserved nic, example and premium gold");
    }
    if (registry.registrars.list().stream().noneMatch(r -> r.id().equals(REGISTRAR_ID))) {
      registry.registrars.create(
          admin, REGISTRAR_ID, "Demo Registrar LLC", 9999L, REGISTRAR_PASSWORD, Set.of(),
          List.of(), "USD", 50_000, "registrar@demo.example", "abuse@demo.example");
      registry.registrars.deposit(admin, REGISTRAR_ID, Money.of(1_000_000, "USD"), "demo funds");
      var r = registry.context().registrar(REGISTRAR_ID);
      registry.registrars.update(
          admin,
          new org.opentld.registry.registrar.Registrar(
              r.id(), r.name(), r.ianaId(), r.status(), r.passwordHash(), r.certFingerprints(),
              r.ipAllowlist(), r.balance(), r.creditLimit(), r.currency(), r.email(),
              "+1.5555550100", "https://demo-registrar.example", "whois.demo-registrar.example",
              r.abuseEmail(), "+1.5555550199", r.createdAt(), r.updatedAt(), r.version(),
              new org.opentld.registry.contact.PostalInfo(
                  org.opentld.registry.contact.PostalInfo.Type.INT, "Demo Registrar LLC", null,
                  List.of("100 Example Avenue"), "Springfield", "IL", "62701", "US")));
      out.println("      registrar " + REGISTRAR_ID + " with 10,000.00 USD");
    }
    UserAdmin users = new UserAdmin(registry.context());
    if (users.find(ADMIN_USER).isEmpty()) {
      try {
        users.create(admin, ADMIN_USER, ADMIN_PASSWORD, User.Role.ADMIN, null);
        out.println("      admin user " + ADMIN_USER);
      } catch (RegistryException.ObjectExists raced) {
        // created by a concurrent start
      }
    }
    if (!fresh) {
      out.println("      demo data already present");
    }
    long balance = registry.context().registrar(REGISTRAR_ID).balance();
    return new Seeded(fresh, Money.of(balance, "USD"));
  }
}
