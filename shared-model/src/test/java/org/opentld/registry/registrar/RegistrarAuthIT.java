package org.opentld.registry.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.testing.TestRegistry;

class RegistrarAuthIT {
  private static final String FP = "AB".repeat(32);
  private TestRegistry t;
  private final Caller admin = Caller.admin("root", "SV-1");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    t.registry.registrars.create(
        admin, "locked", "Locked Registrar", 1234L, "pass-word-123",
        Set.of("ab:".repeat(31) + "ab"), List.of("192.0.2.0/24", "2001:db8::/32"),
        "USD", 0, "x@example.net", "abuse@example.net");
  }

  @Test
  void success_passwordCertificateAndAddressAllMatch() {
    assertThat(t.registry.auth.authenticate("locked", "pass-word-123", FP, "192.0.2.77").id()).isEqualTo("locked");
    assertThat(t.registry.auth.authenticate("locked", "pass-word-123", FP.toLowerCase(), "2001:db8::1").id()).isEqualTo("locked");
  }

  @Test
  void failure_eachWrongFactorIs2200() {
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "wrong", FP, "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "pass-word-123", "CD".repeat(32), "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "pass-word-123", null, "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "pass-word-123", FP, "198.51.100.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
    assertThatThrownBy(() -> t.registry.auth.authenticate("nobody", "pass-word-123", FP, "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
  }

  @Test
  void failure_suspendedRegistrarCannotLogIn() {
    Registrar r = t.ctx.registrar("locked");
    t.registry.registrars.update(admin, new Registrar(
        r.id(), r.name(), r.ianaId(), Registrar.Status.SUSPENDED, r.passwordHash(), r.certFingerprints(),
        r.ipAllowlist(), r.balance(), r.creditLimit(), r.currency(), r.email(), r.phone(), r.url(),
        r.whoisServer(), r.abuseEmail(), r.abusePhone(), r.createdAt(), r.updatedAt(), r.version()));
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "pass-word-123", FP, "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class)
        .hasMessageContaining("suspended");
  }

  @Test
  void passwordIsStoredAsBcryptAndCanBeChanged() {
    assertThat(t.ctx.registrar("locked").passwordHash()).startsWith("$2b$10$").doesNotContain("pass-word-123");
    t.registry.registrars.changePassword(admin, "locked", "new-pass-456");
    assertThat(t.registry.auth.authenticate("locked", "new-pass-456", FP, "192.0.2.1").id()).isEqualTo("locked");
    assertThatThrownBy(() -> t.registry.auth.authenticate("locked", "pass-word-123", FP, "192.0.2.1"))
        .isInstanceOf(RegistryException.AuthenticationFailed.class);
  }

  @Test
  void depositsKeepLedgerEqualToBalance_andUpdateDoesNotTouchMoney() {
    t.registry.registrars.deposit(admin, "locked", Money.of(12_345, "USD"), "wire");
    Registrar r = t.ctx.registrar("locked");
    t.registry.registrars.update(admin, new Registrar(
        r.id(), "Renamed", r.ianaId(), r.status(), r.passwordHash(), r.certFingerprints(), r.ipAllowlist(),
        999_999, 5000, r.currency(), r.email(), r.phone(), r.url(), r.whoisServer(), r.abuseEmail(),
        r.abusePhone(), r.createdAt(), r.updatedAt(), r.version()));
    Registrar after = t.ctx.registrar("locked");
    assertThat(after.name()).isEqualTo("Renamed");
    assertThat(after.balance()).isEqualTo(12_345);
    assertThat(after.creditLimit()).isEqualTo(5000);
    assertThat(t.ledgerSum("locked")).isEqualTo(after.balance());
    assertThatThrownBy(() -> t.registry.registrars.deposit(admin, "locked", Money.of(-1, "USD"), "x"))
        .isInstanceOf(RegistryException.ValueRange.class);
    assertThatThrownBy(() -> t.registry.registrars.deposit(admin, "nobody", Money.of(100, "USD"), "x"))
        .isInstanceOf(RegistryException.BillingFailure.class);
  }

  @Test
  void postalAddressIsKeptByUpdate() {
    Registrar r = t.ctx.registrar("locked");
    var address = new org.opentld.registry.contact.PostalInfo(
        org.opentld.registry.contact.PostalInfo.Type.INT, "Locked Registrar", null,
        List.of("1 Main St"), "Springfield", "IL", "62701", "US");
    t.registry.registrars.update(admin, new Registrar(
        r.id(), r.name(), r.ianaId(), r.status(), r.passwordHash(), r.certFingerprints(), r.ipAllowlist(),
        r.balance(), r.creditLimit(), r.currency(), r.email(), r.phone(), r.url(), r.whoisServer(),
        r.abuseEmail(), r.abusePhone(), r.createdAt(), r.updatedAt(), r.version(), address));
    assertThat(t.ctx.registrar("locked").address()).isEqualTo(address);
  }

  @Test
  void createRejectsBadInput() {
    assertThatThrownBy(() -> t.registry.registrars.create(admin, "locked", "dup", 1L, "long-enough-pw", Set.of(), List.of(), "USD", 0, null, null))
        .isInstanceOf(RegistryException.ObjectExists.class);
    assertThatThrownBy(() -> t.registry.registrars.create(admin, "x y", "bad", 1L, "long-enough-pw", Set.of(), List.of(), "USD", 0, null, null))
        .isInstanceOf(RegistryException.ValueSyntax.class);
    assertThatThrownBy(() -> t.registry.registrars.create(admin, "shortpw", "bad", 1L, "short", Set.of(), List.of(), "USD", 0, null, null))
        .isInstanceOf(RegistryException.PolicyError.class);
    assertThatThrownBy(() -> t.registry.registrars.create(admin, "badcidr", "bad", 1L, "long-enough-pw", Set.of(), List.of("not-an-ip/8"), "USD", 0, null, null))
        .isInstanceOf(RegistryException.ValueSyntax.class);
  }
}
