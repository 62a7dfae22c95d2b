package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class DomainQuoteIT {
  final TestRegistry t = TestRegistry.seeded();
  final DomainQuote quote = new DomainQuote(t.ctx);

  @Test
  void success_standardPricesPerPeriod() {
    DomainQuote.Quote q = quote.quote("Plain.test", BillingOperation.RENEW, 2);
    assertThat(q.name()).isEqualTo("plain.test");
    assertThat(q.price()).isEqualTo(Money.of(1800, "USD"));
    assertThat(q.premium()).isFalse();
    assertThat(quote.quote("plain.test", BillingOperation.TRANSFER, 1).price())
        .isEqualTo(Money.of(800, "USD"));
    assertThat(quote.quote("plain.test", BillingOperation.RESTORE, 0).price())
        .as("restore of a name that is not registered: the restore fee alone")
        .isEqualTo(Money.of(4000, "USD"));
  }

  @Test
  void success_premiumLabelUsesItsOwnPrices_restoreIsFlat() {
    t.registry.tlds.putLabel(Caller.admin("test-admin", "SV-L"), new TldLabel("test", "gold",
        null, Map.of(BillingOperation.RENEW, 5_000L, BillingOperation.RESTORE, 9_000L)));
    DomainQuote.Quote renew = quote.quote("gold.test", BillingOperation.RENEW, 3);
    assertThat(renew.price()).isEqualTo(Money.of(15_000, "USD"));
    assertThat(renew.premium()).isTrue();
    assertThat(quote.quote("gold.test", BillingOperation.RESTORE, 0).price())
        .isEqualTo(Money.of(9_000, "USD"));
    assertThat(quote.quote("gold.test", BillingOperation.TRANSFER, 1).price())
        .as("an operation without a premium price falls back to the TLD's")
        .isEqualTo(Money.of(800, "USD"));
  }

  @Test
  void success_restoreOfAnExpiredDomainIncludesTheRenewalItsRequestCharges() {
    t.createDomain("reg-a", "late.test", 1);
    t.clock.advance(Duration.ofDays(400));
    t.registry.domainDelete.delete(TestRegistry.as("reg-a"), "late.test");
    Money quoted = quote.quote("late.test", BillingOperation.RESTORE, 0).price();
    assertThat(quoted).isEqualTo(Money.of(4900, "USD"));
    long before = t.balance("reg-a");
    DomainRestore.Result r = t.registry.domainRestore.request(TestRegistry.as("reg-a"),
        "late.test", quoted);
    assertThat(r.fee()).isEqualTo(quoted);
    assertThat(t.balance("reg-a")).isEqualTo(before - 4900);
  }

  @Test
  void failure_periodOutsideTheTldRangeAndNamesNotOurs() {
    assertThatThrownBy(() -> quote.quote("plain.test", BillingOperation.RENEW, 11))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ResultCode.PARAMETER_VALUE_RANGE));
    assertThatThrownBy(() -> quote.quote("plain.example", BillingOperation.RENEW, 1))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ResultCode.PARAMETER_VALUE_POLICY));
    assertThatThrownBy(() -> quote.quote("bad_name.test", BillingOperation.RENEW, 1))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ResultCode.PARAMETER_VALUE_SYNTAX));
  }
}
