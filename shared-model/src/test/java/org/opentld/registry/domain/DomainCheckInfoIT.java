package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.BillingOperation;
import org.opentld.registry.tld.TldLabel;

class DomainCheckInfoIT {
  private TestRegistry t;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    Caller admin = Caller.admin("root", "SV-1");
    t.registry.tlds.putLabel(admin, new TldLabel("test", "nic", "registry use", null));
    t.registry.tlds.putLabel(admin, new TldLabel("test", "gold", null, Map.of(BillingOperation.CREATE, 25_000L)));
    t.createDomain("reg-a", "taken.test", 1);
  }

  @Test
  void check_reportsAvailableTakenReservedPremiumAndInvalid() {
    List<DomainCheck.Result> r =
        t.registry.domainCheck.check(
            List.of("free.test", "TAKEN.test", "nic.test", "gold.test", "-bad.test", "x.other"), 2);
    assertThat(r).extracting(DomainCheck.Result::available).containsExactly(true, false, false, true, false, false);
    assertThat(r.get(0).price()).isEqualTo(Money.of(2000, "USD"));
    assertThat(r.get(1).reason()).isEqualTo("In use");
    assertThat(r.get(2).reserved()).isTrue();
    assertThat(r.get(3).premium()).isTrue();
    assertThat(r.get(3).price()).isEqualTo(Money.of(50_000, "USD"));
    assertThat(r.get(4).reason()).contains("hyphen");
    assertThat(r.get(5).reason()).contains("not under a TLD");
  }

  @Test
  void check_moreThanFiftyNamesIs2004() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      names.add("n" + i + ".test");
    }
    assertThatThrownBy(() -> t.registry.domainCheck.check(names, 1))
        .isInstanceOf(RegistryException.ValueRange.class);
  }

  @Test
  void info_sponsorSeesAllOthersNeedAuthInfo() {
    DomainInfo.Result mine = t.registry.domainInfo.info(TestRegistry.as("reg-a"), "taken.test", null);
    assertThat(mine.full()).isTrue();
    assertThat(mine.statuses()).contains(StatusValue.INACTIVE);
    assertThat(mine.rgp()).containsExactly("addPeriod");

    DomainInfo.Result limited = t.registry.domainInfo.info(TestRegistry.as("reg-b"), "taken.test", null);
    assertThat(limited.full()).isFalse();

    DomainInfo.Result withAuth = t.registry.domainInfo.info(TestRegistry.as("reg-b"), "taken.test", "secret-auth-1");
    assertThat(withAuth.full()).isTrue();

    assertThatThrownBy(() -> t.registry.domainInfo.info(TestRegistry.as("reg-b"), "taken.test", "wrong-auth"))
        .isInstanceOf(RegistryException.InvalidAuthInfo.class);
  }

  @Test
  void info_unknownIs2303_malformedIs2005() {
    assertThatThrownBy(() -> t.registry.domainInfo.info(TestRegistry.as("reg-a"), "nope.test", null))
        .isInstanceOf(RegistryException.ObjectDoesNotExist.class);
    assertThatThrownBy(() -> t.registry.domainInfo.info(TestRegistry.as("reg-a"), "a..test", null))
        .isInstanceOf(RegistryException.ValueSyntax.class);
  }
}
