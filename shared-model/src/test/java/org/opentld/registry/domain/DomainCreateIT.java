package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainCreateIT {
  private TestRegistry t;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
  }

  private DomainCreate.Command cmd(String name, int years) {
    return new DomainCreate.Command(name, years, null, Map.of(), List.of(), List.of(), "auth-code-1", null);
  }

  private void assertCode(Runnable r, ResultCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
  }

  @Test
  void success_chargesSponsorStartsAddGraceAndWritesHistory() {
    DomainCreate.Result r = t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("Example.TEST", 2));

    assertThat(r.domain().name()).isEqualTo("example.test");
    assertThat(r.fee()).isEqualTo(Money.of(2000, "USD"));
    assertThat(r.domain().roid()).matches("[0-9A-F]{22}-TEST");
    assertThat(r.domain().expiresAt()).isEqualTo(TestRegistry.START.atZone(java.time.ZoneOffset.UTC).plusYears(2).toInstant());
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 2000);
    assertThat(t.ledgerSum("reg-a")).isEqualTo(t.balance("reg-a"));
    Domain stored = t.ctx.domain("example.test");
    assertThat(stored.registrarId()).isEqualTo("reg-a");
    assertThat(stored.gracePeriods()).extracting(GracePeriod::type).containsExactly(GracePeriod.Type.ADD);
    assertThat(stored.rgpStatuses(t.clock.instant())).containsExactly("addPeriod");
    t.clock.advance(Duration.ofDays(6));
    assertThat(t.ctx.domain("example.test").rgpStatuses(t.clock.instant())).isEmpty();
    assertThat(t.ctx.store().queryPrefix("HIST#" + stored.roid(), "", 10)).hasSize(1);
  }

  @Test
  void success_idnInUnicodeIsStoredAsALabel() {
    Domain d = t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("bücher.test", 1)).domain();
    assertThat(d.name()).isEqualTo("xn--bcher-kva.test");
    assertThat(d.idnTable()).isEqualTo("latn");
  }

  @Test
  void failure_nameTakenIs2302AndChargesNothing() {
    t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("taken.test", 1));
    assertCode(() -> t.registry.domainCreate.create(TestRegistry.as("reg-b"), cmd("taken.test", 1)), ResultCode.OBJECT_EXISTS);
    assertThat(t.balance("reg-b")).isEqualTo(100_000);
    assertThat(t.ledger("reg-b")).hasSize(1);
  }

  @Test
  void failure_badNamesAndPolicies() {
    Caller a = TestRegistry.as("reg-a");
    assertCode(() -> t.registry.domainCreate.create(a, cmd("-bad.test", 1)), ResultCode.PARAMETER_VALUE_SYNTAX);
    assertCode(() -> t.registry.domainCreate.create(a, cmd("ab--cd.test", 1)), ResultCode.PARAMETER_VALUE_SYNTAX);
    assertCode(() -> t.registry.domainCreate.create(a, cmd("example.other", 1)), ResultCode.PARAMETER_VALUE_POLICY);
    assertCode(() -> t.registry.domainCreate.create(a, cmd("пример.test", 1)), ResultCode.PARAMETER_VALUE_POLICY);
    assertCode(() -> t.registry.domainCreate.create(a, cmd("ok.test", 11)), ResultCode.PARAMETER_VALUE_RANGE);
    assertCode(() -> t.registry.domainCreate.create(a, cmd("ok.test", 0)), ResultCode.PARAMETER_VALUE_RANGE);
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
  }

  @Test
  void failure_reservedIs2306_premiumChargesItsPrice() {
    Caller admin = Caller.admin("root", "SV-1");
    t.registry.tlds.putLabel(admin, new TldLabel("test", "nic", "registry operations", null));
    t.registry.tlds.putLabel(admin, new TldLabel("test", "gold", null, Map.of(BillingOperation.CREATE, 50_000L)));
    assertCode(() -> t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("nic.test", 1)), ResultCode.PARAMETER_VALUE_POLICY);
    DomainCreate.Result r = t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("gold.test", 1));
    assertThat(r.premium()).isTrue();
    assertThat(r.fee()).isEqualTo(Money.of(50_000, "USD"));
    assertThat(t.balance("reg-a")).isEqualTo(50_000);
  }

  @Test
  void failure_insufficientFundsIs2104AndWritesNothing() {
    Caller admin = Caller.admin("root", "SV-1");
    t.registry.tlds.putLabel(admin, new TldLabel("test", "costly", null, Map.of(BillingOperation.CREATE, 200_000L)));
    assertCode(() -> t.registry.domainCreate.create(TestRegistry.as("reg-a"), cmd("costly.test", 1)), ResultCode.BILLING_FAILURE);
    assertThat(t.ctx.findDomain("costly.test")).isEmpty();
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
  }

  @Test
  void failure_unknownContactOrHostIs2303() {
    Caller a = TestRegistry.as("reg-a");
    assertCode(
        () -> t.registry.domainCreate.create(a, new DomainCreate.Command("c.test", 1, "nobody", Map.of(), List.of(), List.of(), null, null)),
        ResultCode.OBJECT_DOES_NOT_EXIST);
    assertCode(
        () -> t.registry.domainCreate.create(a, new DomainCreate.Command("h.test", 1, null, Map.of(), List.of("ns1.nowhere.example"), List.of(), null, null)),
        ResultCode.OBJECT_DOES_NOT_EXIST);
    assertThat(t.ctx.findDomain("c.test")).isEmpty();
    assertThat(t.balance("reg-a")).isEqualTo(100_000);
  }

  @Test
  void failure_feeBelowPriceIs2004() {
    assertCode(
        () -> t.registry.domainCreate.create(TestRegistry.as("reg-a"),
            new DomainCreate.Command("fee.test", 1, null, Map.of(), List.of(), List.of(), null, Money.of(500, "USD"))),
        ResultCode.PARAMETER_VALUE_RANGE);
  }
}
